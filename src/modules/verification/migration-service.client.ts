/**
 * Client of the migration service's passport check (МВД):
 *   POST {baseUrl}/v1/passport-checks {series, number, issueDate, lastName, firstName, middleName, birthDate}
 * See registry-http.ts for errors and registries.sim.ts for the simulator.
 */
import type { MigrationRegistry, PersonQuery, RegistryAnswer } from '../../platform/adapters.js';
import { joinUrl, postRegistryCheck, type RegistryClientOptions } from './registry-http.js';

export const MIGRATION_SERVICE = 'migration_service';

export class HttpMigrationRegistry implements MigrationRegistry {
  private readonly url: string;

  constructor(private readonly options: RegistryClientOptions) {
    this.url = joinUrl(options.baseUrl, 'v1/passport-checks');
  }

  checkPassport(query: PersonQuery & { series: string; number: string; issueDate: string }): Promise<RegistryAnswer> {
    const payload = {
      series: query.series,
      number: query.number,
      issueDate: query.issueDate,
      lastName: query.lastName,
      firstName: query.firstName,
      middleName: query.middleName,
      birthDate: query.birthDate,
    };
    return postRegistryCheck(MIGRATION_SERVICE, this.url, payload, this.options);
  }
}
