/** What every module receives: built once at start-up and passed in (no globals). */
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { FieldCipher } from './crypto.js';
import type { JobQueue } from './jobs.js';
import type { SessionStore } from './sessions.js';

export interface AppContext {
  config: Config;
  db: Database;
  cipher: FieldCipher;
  sessions: SessionStore;
  jobs: JobQueue;
}
