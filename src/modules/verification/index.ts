/** The registry checks of step 3 (pension fund: SNILS; migration service: passport). */
export * from './verification.types.js';
export { requestRegistryChecks, kickRegistryChecks, KICK_SINGLETON_SECONDS } from './request-registry-checks.js';
export {
  verificationJobs,
  createVerificationRunner,
  outcomeOf,
  describeCheckError,
  parseJobData,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_DELAYS_MS,
  DEFAULT_RESUME_WINDOW_MS,
  DEFAULT_STALE_AFTER_MS,
  RESUME_SCHEDULE,
  type VerificationOptions,
  type VerificationDeps,
  type VerificationRunner,
  type RunResult,
  type ResumeResult,
} from './verification.jobs.js';
export { getCheckStatus, stateOf, type CheckStatus, type CheckState, type RegistryCheckStatus } from './get-check-status.js';
export {
  verificationMessages,
  registryLabel,
  checkStatusLabel,
  mismatchMessage,
  registryLineMessage,
  checkStateMessage,
  outcomeNotification,
  outcomeDetails,
} from './verification.messages.js';
export { HttpPensionFundRegistry } from './pension-fund.client.js';
export { HttpMigrationRegistry } from './migration-service.client.js';
export { RegistryProtocolError, type RegistryClientOptions } from './registry-http.js';
