/** Every module's routes and jobs, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import type { JobDefinition } from '../platform/jobs.js';
import { platformJobs } from '../platform/platform.jobs.js';
import { registerHomeRoutes } from './home/home.routes.js';
import { registerStaffRoutes } from './staff/staff.routes.js';
import { registerTerritoryRoutes } from './territory/territory.routes.js';

export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerHomeRoutes(app, ctx);
  await registerStaffRoutes(app, ctx);
  await registerTerritoryRoutes(app, ctx);
}

export function jobDefinitions(ctx: AppContext, log: (obj: object, msg: string) => void): JobDefinition[] {
  return [...platformJobs(ctx, log)];
}
