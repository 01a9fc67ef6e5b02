import { parentPort, Worker, workerData } from 'node:worker_threads';
import { deployMigrations } from './deploy.ts';
import { EngineError } from './errors.ts';

/** What the worker sends back: the migrations applied, or why it failed. */
type Outcome =
  | { applied: string[] }
  | { failure: { message: string; engine: boolean; code?: string; isPanic?: boolean } };

/**
 * Applies the pending migrations of the database at `url` in a worker thread, which then ends:
 * the schema engine (some 10 MB of compiled WebAssembly, plus its memory and its JavaScript) goes
 * with it instead of staying in the program for as long as it runs. Only for the compiled
 * program: the worker loads this module's JavaScript (a worker could not load the TypeScript
 * sources without a loader). Failures come back as errors with the same message (and, for the
 * engine's, the same `EngineError` code).
 */
export function deployInWorker(url: string): Promise<{ applied: string[] }> {
  // An evaluated script rather than a file, so that it finds this module wherever the build put it.
  const script = `import(${JSON.stringify(import.meta.url)}).then((worker) => worker.runDeployWorker());`;
  return new Promise((resolve, reject) => {
    let outcome: Outcome | undefined;
    const worker = new Worker(script, { eval: true, workerData: { url } });
    worker.once('message', (message: Outcome) => {
      outcome = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!outcome) reject(new Error(`The migrations stopped unexpectedly (exit code ${code})`));
      else if ('applied' in outcome) resolve({ applied: outcome.applied });
      else {
        const { message, engine, code: engineCode, isPanic } = outcome.failure;
        reject(engine ? new EngineError(message, engineCode, isPanic) : new Error(message));
      }
    });
  });
}

/** The worker's side: applies the migrations, posts the outcome, and lets the thread end. */
export async function runDeployWorker(): Promise<void> {
  const { url } = workerData as { url: string };
  let outcome: Outcome;
  try {
    outcome = { applied: (await deployMigrations(url)).applied };
  } catch (error) {
    const engine = error instanceof EngineError;
    outcome = {
      failure: {
        message: error instanceof Error ? error.message : String(error),
        engine,
        ...(engine ? { code: error.code, isPanic: error.isPanic } : {}),
      },
    };
  }
  parentPort?.postMessage(outcome);
}
