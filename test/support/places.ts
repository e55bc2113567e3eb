/** Ids of the demo region's places, by their stable keys, for tests on a seeded database. */
import type { Queryable } from '../../src/db/client.js';

/** The demo's Kalgansky district (the coordinator's) and its region. */
export async function kalgansky(db: Queryable): Promise<{ kalgaId: string; regionId: string }> {
  const { rows } = await db.query<{ id: string; region_id: string }>("select id, region_id from municipalities where key = 'kalgansky'");
  if (!rows[0]) throw new Error('the demo region is not seeded');
  return { kalgaId: rows[0].id, regionId: rows[0].region_id };
}
