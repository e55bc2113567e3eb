/**
 * Simulators of the outside systems, each a real server on 127.0.0.1 (random
 * port) that speaks the same protocol as the real system and keeps its own
 * data: the SMS gateway (HTTP), the mail server (SMTP), and the pension-fund
 * and migration-service registries (HTTP, with their own persons, latency,
 * timeouts and outages). Started by runtime.ts when SIMULATORS=true.
 */
import type { Config } from '../config.js';
import { startRegistrySimulator, type RegistrySimulator } from './registries.sim.js';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from './sms-gateway.sim.js';
import { startSmtpSimulator, type SmtpSimulator } from './smtp.sim.js';

export interface Simulators {
  sms: SmsGatewaySimulator;
  smtp: SmtpSimulator;
  registries: RegistrySimulator;
  close(): Promise<void>;
}

export async function startSimulators(config: Config): Promise<Simulators> {
  const { latencyMs, failureRate } = config.simulators;
  const [sms, smtp, registries] = await Promise.all([
    startSmsGatewaySimulator({ latencyMs: [Math.min(latencyMs[0], 200), Math.min(latencyMs[1], 800)] }),
    startSmtpSimulator(),
    startRegistrySimulator({ latencyMs, failureRate }),
  ]);
  return {
    sms,
    smtp,
    registries,
    async close() {
      await Promise.all([sms.close(), smtp.close(), registries.close()]);
    },
  };
}
