/**
 * Runs after `npm install` / `npm ci`: generates both Prisma clients (`npm run db:generate`) and
 * compiles the program to dist/ (`npm run build`).
 *
 * A production install (`npm ci --omit=dev`) has neither the prisma CLI nor esbuild: it runs a
 * dist/ compiled beforehand (as the Dockerfile's first stage does), so there is nothing to do.
 * Plain JavaScript, so it runs in both.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function run(script) {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', script]] : ['npm', ['run', script]];
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

if (installed('prisma') && installed('esbuild')) {
  run('db:generate');
  run('build');
} else {
  console.log('Development dependencies are not installed: Prisma clients and dist/ not rebuilt.');
}
