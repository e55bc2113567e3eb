/**
 * Types of the seed data files in this folder: a region, its municipalities, their
 * organisations and the service centres where citizens' ESIA accounts are registered,
 * confirmed, restored and deleted.
 *
 * Honesty rule: a figure we are not certain is official is marked `illustrative: true`
 * and the UI shows it as «условные данные». A value marked `illustrative: false` must
 * carry a `source`.
 */

/** A figure we are not certain is official is marked illustrative; the UI shows it as «условные данные». */
export interface Sourced<T> {
  value: T;
  illustrative: boolean;
  /** Where the value comes from (required by the tests when `illustrative` is false). */
  source?: string;
}

export type MunicipalityType = 'municipal_district' | 'urban_district' | 'municipal_okrug';

export type OrganisationKind =
  | 'administration'
  | 'school'
  | 'kindergarten'
  | 'culture'
  | 'health'
  | 'social_protection'
  | 'mfc'
  | 'other';

export type ServiceCentreType = 'mfc' | 'post_office' | 'municipal_centre';

export type CentreCapability = 'register' | 'confirm' | 'restore' | 'delete';

export interface OpeningHours {
  /** ISO weekday 1 = Monday … 7 = Sunday */
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** 'HH:MM', local time of the region */
  opens: string;
  /** 'HH:MM', later than `opens` */
  closes: string;
  /** 'HH:MM'; a break is given with both ends or not at all */
  breakFrom?: string;
  breakTo?: string;
}

export interface OrganisationSeed {
  /** stable slug, unique in region e.g. 'kalga-admin' */
  key: string;
  /** full Russian name */
  name: string;
  shortName: string;
  kind: OrganisationKind;
  employees: Sourced<number>;
  address: string;
  /**
   * Optional: true when the name or address is a plausible reconstruction that has not
   * been checked against an official register (ЕГРЮЛ, the institution's website); the
   * UI should show the record as «условные данные».
   */
  illustrative?: boolean;
}

export interface ServiceCentreSeed {
  key: string;
  name: string;
  type: ServiceCentreType;
  /** key of an organisation of the same municipality that runs the centre */
  organisationKey?: string;
  address: string;
  lat: number;
  lon: number;
  coordinatesIllustrative: boolean;
  phone?: string;
  hours: OpeningHours[];
  capabilities: CentreCapability[];
  /** Optional: true when the name, address or hours are not checked against an official source. */
  illustrative?: boolean;
}

export interface MunicipalitySeed {
  key: string;
  /** e.g. 'Калганский муниципальный округ' */
  name: string;
  type: MunicipalityType;
  /** 8 digits: '76' + 6 (district) | 7 (urban district) | 5 (okrug) + TT + '000' */
  oktmo: Sourced<string>;
  population: Sourced<number>;
  /** administrative centre e.g. 'с. Калга' */
  centre: string;
  /** Optional: earlier official names (e.g. the name used in plans and decrees before a reorganisation). */
  formerNames?: string[];
  organisations: OrganisationSeed[];
  serviceCentres: ServiceCentreSeed[];
}

export interface RegionSeed {
  key: string;
  name: string;
  /** '76' */
  oktmoPrefix: string;
  /** 'Asia/Chita' */
  timeZone: string;
  population: Sourced<number>;
  municipalities: MunicipalitySeed[];
}
