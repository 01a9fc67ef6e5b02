import { execFileSync } from 'node:child_process';
import { ROOT } from './npm-start.ts';

/**
 * Vitest global setup: compiles dist/ before any test runs when a source changed since the last
 * build, so the end-to-end tests that run `npm start` run the code under test, and parallel
 * test files never build it at the same time.
 */
export function setup(): void {
  execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
