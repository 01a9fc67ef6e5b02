import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PRISMA_CLI = createRequire(import.meta.url).resolve('prisma/build/index.js');
const ENGINE = fileURLToPath(new URL('../../prisma/engine/schema-engine', import.meta.url));

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real prisma CLI in `cwd` with the wasm schema engine and no telemetry, the way a
 * developer would; never throws on a failing exit code.
 */
export function runPrisma(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd,
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: ENGINE,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
