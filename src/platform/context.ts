/** What every module receives: built once at start-up and passed in (no globals). */
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Adapters } from './adapters.js';
import type { FieldCipher } from './crypto.js';
import type { JobQueue } from './jobs.js';
import type { SessionStore } from './sessions.js';
import type { Simulators } from '../simulators/index.js';

export interface AppContext {
  config: Config;
  db: Database;
  cipher: FieldCipher;
  sessions: SessionStore;
  jobs: JobQueue;
  /** the outside systems (real clients; pointed at the simulators when those run) */
  adapters: Adapters;
  /** the running simulators, or null (production); /dev/outbox reads them */
  simulators: Simulators | null;
}
