/**
 * The schema engine executable the prisma CLI runs (through the `schema-engine` launcher):
 * - `--datasource <json> cli can-connect-to-database|create-database|drop-database` answers
 *   once, through the exit code and JSON log lines on stderr;
 * - otherwise it serves the engine's JSON-RPC over stdin/stdout until stdin closes.
 * It exits explicitly once done instead of waiting for every handle to close.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { canConnect, createDatabase, dropDatabase } from './database-admin.ts';
import { parseDatasource } from './datasource.ts';
import { EngineError, toEngineError } from './errors.ts';
import { serveJsonRpc } from './json-rpc.ts';
import { engineVersion } from './wasm.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    datasource: { type: 'string' },
    datamodels: { type: 'string', multiple: true },
    version: { type: 'boolean', short: 'V' },
  },
});

const datasource = JSON.parse(String(values.datasource ?? '{}')) as {
  url?: string;
  shadowDatabaseUrl?: string;
};

if (values.version) {
  process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
  process.exit(0);
} else if (positionals[0] === 'cli') {
  runOnce(positionals[1] ?? '').then(
    () => process.exit(0),
    (error) => {
      logError(toEngineError(error));
      process.exit(1);
    },
  );
} else {
  const paths = (values.datamodels ?? []) as string[];
  serveJsonRpc({
    url: datasource.url,
    shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    datamodels: paths.map((path): [string, string] => [path, readFileSync(path, 'utf8')]),
    onLog: (line) => process.stderr.write(`${line.trimEnd()}\n`),
  });
}

async function runOnce(command: string): Promise<void> {
  if (!datasource.url) throw new EngineError('No datasource URL was given (--datasource).');
  const target = parseDatasource(datasource.url);
  switch (command) {
    case 'can-connect-to-database':
      return canConnect(target);
    case 'create-database':
      await createDatabase(target);
      return;
    case 'drop-database':
      return dropDatabase(target);
    default:
      throw new EngineError(`Unknown cli command "${command}".`);
  }
}

/** The CLI skips the first stderr line and reads Prisma's error code from the ERROR line. */
function logError(error: EngineError): void {
  const line = (level: string, fields: object) =>
    JSON.stringify({ level, fields, target: 'schema_engine::logger' });
  process.stderr.write(
    `${line('INFO', { message: 'Starting schema engine CLI' })}\n${line('ERROR', {
      message: error.message,
      ...(error.code ? { error_code: error.code } : {}),
    })}\n`,
  );
}
