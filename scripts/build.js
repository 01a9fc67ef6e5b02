/**
 * `npm run build`: compiles the program to JavaScript in dist/ (esbuild, no type check: that is
 * `npm run typecheck`). Each entry point becomes one file (dist/main.js,
 * dist/bots/discord/register-cli.js, dist/bots/discord/shard-manager.js); code loaded with
 * `import()` goes to dist/chunks/; packages stay in node_modules.
 *
 * `node scripts/build.js --if-stale` (run before `npm start`) builds only when dist/ is missing
 * or older than a source file. In a production install (no esbuild) it checks that dist/ exists.
 *
 * Plain JavaScript, so it runs without a TypeScript loader.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'dist');
const ENTRIES = [
  'src/main.ts',
  'src/bots/discord/register-cli.ts',
  'src/bots/discord/shard-manager.ts',
];
/** What the program is compiled from: a change in any of these makes dist/ stale. */
const SOURCES = ['src', 'prisma/engine', 'package.json', 'scripts/build.js'];

/** Compiles the entry points into a fresh dist/. */
export async function buildProgram() {
  const { build } = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES.map((entry) => join(ROOT, entry)),
    outbase: join(ROOT, 'src'),
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    plugins: [queryCompilerFromFile],
  });
}

/**
 * The generated Prisma clients load their query compiler by importing a module whose source is
 * the WebAssembly as one base64 string (4.4 MB for SQLite's): an imported module stays in memory
 * for the life of the process, its source and the string literal both, some 9 MB of V8 heap kept
 * for nothing once the compiler is compiled. The compiled program reads the same file as text
 * instead, decodes it, and lets it go.
 */
const queryCompilerFromFile = {
  name: 'query-compiler-from-file',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]src[\\/]generated[\\/][^\\/]+[\\/]internal[\\/]class\.ts$/ },
      (args) => {
        const source = readFileSync(args.path, 'utf8');
        const imported =
          /const \{ wasm \} = await import\(("@prisma\/client\/runtime\/[\w.-]+\.wasm-base64\.mjs")\)(\s*return await decodeBase64AsWasm\()wasm\)/;
        if (!imported.test(source)) {
          throw new Error(
            `${relative(ROOT, args.path)} no longer imports its query compiler as expected: ` +
              'update the query-compiler-from-file step of scripts/build.js.',
          );
        }
        const contents = source.replace(
          imported,
          (_, specifier, call) =>
            "const { readFileSync } = await import('node:fs')\n" +
            "    const { createRequire } = await import('node:module')\n" +
            `    const text = readFileSync(createRequire(import.meta.url).resolve(${specifier}), 'utf8')` +
            `${call}text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')))`,
        );
        return { contents, loader: 'ts' };
      },
    );
  },
};

/** True when dist/ is missing or a source file changed after it was built. */
export function isStale() {
  const built = join(OUT, 'main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > builtAt);
}

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path, { recursive: true })) {
    newest = Math.max(newest, statSync(join(path, name)).mtimeMs);
  }
  return newest;
}

async function hasEsbuild() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (process.argv.includes('--if-stale')) {
    if (!(await hasEsbuild())) {
      if (existsSync(join(OUT, 'main.js'))) return;
      throw new Error(
        `${relative(process.cwd(), OUT) || 'dist'} is missing and esbuild is not installed: ` +
          'run `npm install` (with development dependencies) and `npm run build`.',
      );
    }
    if (!isStale()) return;
  }
  await buildProgram();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
