/**
 * The outside systems uslugi talks to, as interfaces. Each has a real client
 * (HTTP or SMTP, endpoint from Config) and a simulator in src/simulators/ that
 * behaves like the outside system (its own data, latency, failures) for the
 * demo and the tests. runtime.ts picks: an explicit endpoint, else the simulator.
 */

export interface SmsGateway {
  /** `to` is E.164 (+79141234567). Resolves with the gateway's message id; throws on failure. */
  send(to: string, text: string): Promise<{ messageId: string }>;
}

export interface EmailSender {
  send(message: { to: string; subject: string; text: string; html?: string }): Promise<{ messageId: string }>;
}

export interface PersonQuery {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
}

export type RegistryMismatchReason =
  | 'not_found' // the registry has no such document/number
  | 'name_mismatch' // the document belongs to a person with another name
  | 'birth_date_mismatch'
  | 'document_invalid'; // passport replaced, lost, expired (age 20/45) or otherwise not valid

export type RegistryAnswer = { outcome: 'match' } | { outcome: 'mismatch'; reason: RegistryMismatchReason };

/** Пенсионный фонд (СФР): does this SNILS belong to this person? */
export interface PensionFundRegistry {
  checkSnils(query: PersonQuery & { snils: string /* 11 digits */ }): Promise<RegistryAnswer>;
}

/** МВД (migration service): is this passport valid and does it belong to this person? */
export interface MigrationRegistry {
  checkPassport(query: PersonQuery & { series: string /* 4 digits */; number: string /* 6 digits */; issueDate: string /* yyyy-mm-dd */ }): Promise<RegistryAnswer>;
}

/** A registry could not answer (timeout, network, 5xx): retry later; never a mismatch. */
export class RegistryUnavailableError extends Error {
  constructor(
    public readonly registry: string,
    message: string,
  ) {
    super(`${registry}: ${message}`);
    this.name = 'RegistryUnavailableError';
  }
}

export interface Adapters {
  sms: SmsGateway;
  email: EmailSender;
  pensionFund: PensionFundRegistry;
  migrationService: MigrationRegistry;
}
