/**
 * The `npm run db:*` scripts: `tsx scripts/db.ts <verb> [prisma args...]`.
 *
 * - `generate`: generates both Prisma clients (SQLite and PostgreSQL); needs no database.
 * - `twin`: rewrites prisma/postgres/schema.prisma from prisma/schema.prisma.
 * - `migrate`: after editing prisma/schema.prisma, regenerates the twin, runs
 *   `prisma migrate dev` for BOTH histories so they never drift, then regenerates both clients.
 *   SQLite runs on DATABASE_URL when it is a file (else the default file); PostgreSQL on
 *   DATABASE_URL when it is PostgreSQL, else on a temporary database created on the
 *   TEST_POSTGRES_URL server and dropped afterwards. Without any PostgreSQL server it stops after
 *   the SQLite side and says so. The PostgreSQL migration gets the SQLite one's name. Without a
 *   terminal, pass `--name <name>` (the CLI would otherwise wait for one).
 * - `deploy`, `status`: `prisma migrate deploy|status` on DATABASE_URL.
 *
 * DATABASE_URL comes from the environment, then from `.env`, as for the application.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATABASE_URL, isPostgresUrl, projectLayout } from '../prisma/engine/datasource.ts';
import { migrationNames, projectMigrationsFolder } from '../prisma/engine/migrations.ts';
import { withTemporaryDatabase } from '../prisma/engine/temporary-database.ts';
import { renderPostgresTwin, SOURCE_PATH, TWIN_PATH } from './postgres-twin.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PRISMA_CLI = createRequire(import.meta.url).resolve('prisma/build/index.js');

/** Runs the prisma CLI from the project root with DATABASE_URL set; resolves to its exit code. */
function prisma(args: string[], databaseUrl: string): Promise<number> {
  const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** Generates both clients at once (each CLI run waits mostly on its own start-up). */
async function generate(args: string[]): Promise<number> {
  const codes = await Promise.all(
    (['sqlite', 'postgres'] as const).map((kind) =>
      prisma(['generate', '--schema', projectLayout(kind).schema, ...args], DEFAULT_DATABASE_URL),
    ),
  );
  return codes.find((code) => code !== 0) ?? 0;
}

async function twin(): Promise<number> {
  const source = await readFile(join(ROOT, SOURCE_PATH), 'utf8');
  await mkdir(dirname(join(ROOT, TWIN_PATH)), { recursive: true });
  await writeFile(join(ROOT, TWIN_PATH), renderPostgresTwin(source));
  console.log(`Wrote ${TWIN_PATH} from ${SOURCE_PATH}.`);
  return 0;
}

async function migrate(args: string[], databaseUrl: string): Promise<number> {
  await twin();
  const sqliteUrl = isPostgresUrl(databaseUrl) ? DEFAULT_DATABASE_URL : databaseUrl;
  const sqliteFolder = projectMigrationsFolder('sqlite');
  const before = await migrationNames(sqliteFolder);
  const sqliteCode = await prisma(['migrate', 'dev', ...args], sqliteUrl);
  if (sqliteCode !== 0) return sqliteCode;
  // Give the PostgreSQL migration the name chosen (perhaps at a prompt) for the SQLite one.
  const created = (await migrationNames(sqliteFolder)).find((name) => !before.includes(name));
  const named = args.some((arg) => arg === '--name' || arg === '-n' || arg.startsWith('--name='));
  const pgArgs = created && !named ? [...args, '--name', created.replace(/^\d+_/, '')] : args;

  if (isPostgresUrl(databaseUrl)) return prisma(['migrate', 'dev', ...pgArgs], databaseUrl);
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    console.error(
      'No PostgreSQL server (DATABASE_URL or TEST_POSTGRES_URL): prisma/postgres/migrations was ' +
        'not updated. Run `npm run db:migrate` again with one of them set.',
    );
    return 1;
  }
  return withTemporaryDatabase(server, 'organizer_migrate', (url) =>
    prisma(['migrate', 'dev', ...pgArgs], url),
  );
}

async function main(): Promise<number> {
  const [verb = '', ...args] = process.argv.slice(2);
  if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));
  const databaseUrl = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  switch (verb) {
    case 'generate':
      return generate(args);
    case 'twin':
      return twin();
    case 'migrate':
      return (await migrate(args, databaseUrl)) || generate([]);
    case 'deploy':
      return prisma(['migrate', 'deploy', ...args], databaseUrl);
    case 'status':
      return prisma(['migrate', 'status', ...args], databaseUrl);
    default:
      console.error('Usage: tsx scripts/db.ts generate|twin|migrate|deploy|status [prisma args]');
      return 2;
  }
}

process.exitCode = await main();
