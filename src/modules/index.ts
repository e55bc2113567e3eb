/** Every module's routes and jobs, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import type { JobDefinition } from '../platform/jobs.js';
import { platformJobs } from '../platform/platform.jobs.js';
import { registerFileRoutes } from '../platform/files/files.routes.js';
import { registerActivationPointRoutes } from './activation-points/activation-points.routes.js';
import { registerHomeRoutes } from './home/home.routes.js';
import { identityJobs } from './identity/identity.jobs.js';
import { identityVerificationHooks } from './identity/identity.hooks.js';
import { registerIdentityRoutes } from './identity/identity.routes.js';
import { registerCabinetRoutes } from './identity/cabinet.routes.js';
import { registerOperatorRoutes } from './service-centres/operator.routes.js';
import { registerOutreachRoutes } from './outreach/outreach.routes.js';
import { registerOutreachEventRoutes } from './outreach/events/events.routes.js';
import { registerCalendarRoutes } from './outreach/calendar/calendar.routes.js';
import { registerOutreachMaterialRoutes } from './outreach/materials/materials.routes.js';
import { registerDueRoutes } from './outreach/due/due.routes.js';
import { outreachDueJobs } from './outreach/due/due.jobs.js';
import { registerPlanFileRoutes } from './outreach/plan-files/plan-files.routes.js';
import { notificationJobs, registerNotificationRoutes } from './notifications/index.js';
import { registerScoringRoutes } from './scoring/scoring.routes.js';
import { registerScoreRoutes } from './scoring/scores.routes.js';
import { registerTargetRoutes } from './scoring/targets/targets.routes.js';
import { registerReportRoutes } from './reports/reports.routes.js';
import { registerRankingRoutes } from './scoring/ranking/ranking.routes.js';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.js';
import { registerStaffRoutes } from './staff/staff.routes.js';
import { registerTerritoryRoutes } from './territory/territory.routes.js';
import { registerReceptionRoutes } from './reception/reception.routes.js';
import { verificationJobs } from './verification/index.js';

export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerHomeRoutes(app, ctx);
  await registerStaffRoutes(app, ctx);
  await registerTerritoryRoutes(app, ctx);
  await registerIdentityRoutes(app, ctx);
  await registerCabinetRoutes(app, ctx);
  await registerOperatorRoutes(app, ctx);
  await registerReceptionRoutes(app, ctx);
  await registerActivationPointRoutes(app, ctx);
  await registerNotificationRoutes(app, ctx);
  await registerOutreachRoutes(app, ctx);
  await registerOutreachEventRoutes(app, ctx);
  await registerOutreachMaterialRoutes(app, ctx);
  await registerCalendarRoutes(app, ctx);
  await registerFileRoutes(app, ctx);
  await registerPlanFileRoutes(app, ctx);
  await registerDueRoutes(app, ctx);
  await registerScoringRoutes(app, ctx);
  await registerScoreRoutes(app, ctx);
  await registerTargetRoutes(app, ctx);
  await registerReportRoutes(app, ctx);
  await registerRankingRoutes(app, ctx);
  await registerDashboardRoutes(app, ctx);
}

export function jobDefinitions(ctx: AppContext, log: (obj: object, msg: string) => void): JobDefinition[] {
  return [...platformJobs(ctx, log), ...notificationJobs(ctx, log), ...verificationJobs(ctx, identityVerificationHooks(ctx)), ...identityJobs(ctx, log), ...outreachDueJobs(ctx, log)];
}
