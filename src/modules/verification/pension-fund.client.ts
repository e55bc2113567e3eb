/**
 * Client of the pension fund's SNILS check (СФР / ПФР):
 *   POST {baseUrl}/v1/snils-checks {snils, lastName, firstName, middleName, birthDate}
 * See registry-http.ts for errors and registries.sim.ts for the simulator.
 */
import type { PensionFundRegistry, PersonQuery, RegistryAnswer } from '../../platform/adapters.js';
import { joinUrl, postRegistryCheck, type RegistryClientOptions } from './registry-http.js';

export const PENSION_FUND = 'pension_fund';

export class HttpPensionFundRegistry implements PensionFundRegistry {
  private readonly url: string;

  constructor(private readonly options: RegistryClientOptions) {
    this.url = joinUrl(options.baseUrl, 'v1/snils-checks');
  }

  checkSnils(query: PersonQuery & { snils: string }): Promise<RegistryAnswer> {
    const payload = {
      snils: query.snils,
      lastName: query.lastName,
      firstName: query.firstName,
      middleName: query.middleName,
      birthDate: query.birthDate,
    };
    return postRegistryCheck(PENSION_FUND, this.url, payload, this.options);
  }
}
