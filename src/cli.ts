/**
 * The `uslugi` command.
 *
 *   uslugi start                      start the server (migrates; seeds the demo on an empty database in development)
 *   uslugi migrate                    apply database migrations
 *   uslugi seed demo                  load the demo region and demo staff (idempotent)
 *   uslugi create-staff --login L --name "Фамилия Имя Отчество" --role R [--organisation K] [--centre K] [--municipality K] [--region K]
 *                                     create a staff account; the password is read from USLUGI_NEW_PASSWORD or stdin
 *   uslugi worker                     run background jobs without the web server
 *   uslugi audit verify               verify the audit log's hash chain; names the first broken row
 *   uslugi check <kind> <value>       validate an identifier (snils, inn, ogrn, ogrnip, passport, phone)
 *   uslugi score --model <id> --inputs <file.json>
 *                                     evaluate a scoring model; prints every node's value, max and explanation as JSON
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runCheck } from './cli/check.js';

const USAGE = `Использование (usage): uslugi <команда>
  start                         запустить сервер / start the server
  migrate                       применить миграции / apply migrations
  seed demo                     загрузить демонстрационные данные / load demo data
  create-staff --login L --name "ФИО" --role R [--organisation K] [--centre K] [--municipality K] [--region K] [--must-change-password]
                                создать сотрудника (пароль: из USLUGI_NEW_PASSWORD или stdin)
  worker                        фоновые задачи без веб-сервера / run job workers only
  audit verify                  проверить цепочку журнала аудита / verify the audit chain
  check <snils|inn|ogrn|ogrnip|passport|phone> <значение>   проверить идентификатор
  score --model <id> --inputs <файл.json>   рассчитать оценку по модели / evaluate a scoring model`;

export async function main(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'check') return runCheck(rest, out);
  if (command === 'score') return (await import('./modules/scoring/score-command.js')).runScore(rest, out, err);
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err('Настройки заданы неверно (invalid configuration):');
      for (const p of error.problems) err(`  - ${p}`);
      return 78;
    }
    throw error;
  }

  const { describeDatabase, openAndMigrate, startServer, startWorker } = await import('./runtime.js');

  switch (command) {
    case 'start': {
      const server = await startServer(config);
      out(`uslugi: ${server.url} (${describeDatabase(config)})`);
      await waitForSignal();
      await server.stop();
      return 0;
    }
    case 'worker': {
      const worker = await startWorker(config);
      out(`uslugi worker: ${describeDatabase(config)}`);
      await waitForSignal();
      await worker.stop();
      return 0;
    }
    case 'migrate': {
      const db = await openAndMigrate(config);
      await db.close();
      out(`Миграции применены (${describeDatabase(config)}).`);
      return 0;
    }
    case 'seed': {
      if (rest[0] !== 'demo') {
        err('Укажите набор данных: uslugi seed demo');
        return 2;
      }
      const { seedDemo } = await import('./db/seed/demo.js');
      const db = await openAndMigrate(config);
      try {
        await seedDemo(db, out, { activityScale: config.demoActivityScale });
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'create-staff':
      return createStaffCommand(config, rest, env, out, err);
    case 'audit': {
      if (rest[0] !== 'verify') {
        err('Использование: uslugi audit verify');
        return 2;
      }
      const { verifyAuditChain } = await import('./platform/audit.js');
      const db = await openAndMigrate(config);
      try {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          out(`Журнал аудита цел: проверено записей — ${result.checked} (audit chain intact).`);
          return 0;
        }
        err(`Журнал аудита нарушен: первая повреждённая запись № ${result.firstBroken!.seq} — ${result.firstBroken!.reason}. Проверено до неё: ${result.checked}.`);
        return 1;
      } finally {
        await db.close();
      }
    }
    default:
      err(`Неизвестная команда «${command}».\n${USAGE}`);
      return 2;
  }
}

async function createStaffCommand(config: Config, args: string[], env: Record<string, string | undefined>, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      organisation: { type: 'string' },
      centre: { type: 'string' },
      municipality: { type: 'string' },
      region: { type: 'string' },
      'must-change-password': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.login || !values.name || !values.role) {
    err('Нужны --login, --name и --role. Роли: operator, reception, department_officer, municipal_coordinator, regional_admin, system_admin.');
    return 2;
  }
  const password = env.USLUGI_NEW_PASSWORD ?? (await readStdin()).trim();
  const { createStaff } = await import('./modules/staff/create-staff.js');
  const db = await (await import('./runtime.js')).openAndMigrate(config);
  try {
    const result = await createStaff(db, {
      login: values.login,
      password,
      fullName: values.name,
      email: values.email,
      role: values.role,
      organisationKey: values.organisation,
      serviceCentreKey: values.centre,
      municipalityKey: values.municipality,
      regionKey: values.region,
      mustChangePassword: values['must-change-password'],
    });
    if (!result.ok) {
      for (const e of result.errors) err(`${e.field}: ${e.message}`);
      return 1;
    }
    out(`Сотрудник ${values.login} создан (id ${result.id}).`);
    return 0;
  } finally {
    await db.close();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
