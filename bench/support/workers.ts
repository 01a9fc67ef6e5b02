import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig, WorkerReport } from './dispatch-worker.ts';

const EXIT_GRACE_MS = 5_000;
/** When set, each dispatcher process writes a V8 CPU profile there. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const WORKER = fileURLToPath(new URL('./dispatch-worker.ts', import.meta.url));

/** What several dispatcher processes did together. */
export interface RunResult {
  /** From the `go` signal to the last process's report. */
  elapsedMs: number;
  reports: WorkerReport[];
}

/**
 * Forks one dispatcher process per config, waits until each has opened the database, starts
 * them together, and collects their reports (start-up is not timed).
 */
export async function runDispatchers(configs: WorkerConfig[]): Promise<RunResult> {
  const children = configs.map((config) =>
    fork(WORKER, [JSON.stringify(config)], {
      execArgv: [
        '--import',
        'tsx',
        ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      ],
      stdio: 'inherit',
    }),
  );
  const message = (child: (typeof children)[number], type: string) =>
    new Promise<{ report?: WorkerReport }>((resolve, reject) => {
      const onMessage = (received: { type: string; report?: WorkerReport }) => {
        if (received.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(received);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`dispatcher exited with ${code} before ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  try {
    await Promise.all(children.map((child) => message(child, 'ready')));
    const done = children.map((child) => message(child, 'done'));
    const started = performance.now();
    for (const child of children) child.send('go');
    const reports = (await Promise.all(done)).map(({ report }) => report!);
    return { elapsedMs: performance.now() - started, reports };
  } finally {
    await Promise.all(children.map(stopped));
  }
}

/** Lets a process that reported exit by itself (a profile, if asked, is written then). */
async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const timer = setTimeout(() => child.kill(), EXIT_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
