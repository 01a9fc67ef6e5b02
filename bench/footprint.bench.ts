/**
 * (f) Footprint: the idle memory of the compiled program, started as `npm start` starts it (its
 * Node options and environment variables included) with both bots connected to the fakes of the tests, on SQLite; then
 * what each library costs when imported alone.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/fakes/fake-discord.ts';
import { FakeTelegram } from '../test/fakes/fake-telegram.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MB = 1024 * 1024;

/** Idle memory of one process, in MB. */
export interface IdleMemory {
  /** Resident set (VmRSS), and its anonymous and file-backed parts (/proc/<pid>/status). */
  rss: number;
  rssAnon: number;
  rssFile: number;
  /** V8's heap: used and reserved; memory held outside it (Buffers, WebAssembly, native). */
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Seconds the process had been idle when sampled. */
  idleS: number;
}

/** Idle memory at the first start (which migrates a new database) and at a restart. */
export interface IdleFootprint {
  firstStart: IdleMemory;
  restart: IdleMemory;
}

/**
 * Starts the compiled program with both bots on the fakes, lets it idle, samples its memory;
 * twice on the same SQLite file: a first start (migrations applied) and a restart.
 */
export async function benchIdleMemory(idleS = 30): Promise<IdleFootprint> {
  spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const telegram = await FakeTelegram.start();
  const discord = await FakeDiscord.start();
  discord.addGuild('Campaign', discord.addUser('owner'));
  const folder = await mkdtemp(join(tmpdir(), 'footprint-'));
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: `file:${join(folder, 'organizer.db')}`,
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_BASE: discord.apiBase,
  };
  try {
    const firstStart = await idleRun(env, idleS);
    const restart = await idleRun(env, idleS);
    return { firstStart, restart };
  } finally {
    await Promise.all([telegram.close(), discord.close()]);
    await rm(folder, { recursive: true, force: true });
  }
}

async function idleRun(env: NodeJS.ProcessEnv, idleS: number): Promise<IdleMemory> {
  const port = await freePort();
  const child = spawn(process.execPath, await startArguments(), {
    cwd: ROOT,
    env: { ...env, ...(await startVariables()), HTTP_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitReady(port, child);
    await new Promise((resolve) => setTimeout(resolve, idleS * 1000));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return {
      rss: statusMb(status, 'VmRSS'),
      rssAnon: statusMb(status, 'RssAnon'),
      rssFile: statusMb(status, 'RssFile'),
      heapUsed: metricMb(metrics, 'nodejs_heap_size_used_bytes'),
      heapTotal: metricMb(metrics, 'nodejs_heap_size_total_bytes'),
      external: metricMb(metrics, 'nodejs_external_memory_bytes'),
      idleS,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** What a library adds to a process when imported, in MB (after a full garbage collection). */
export interface LibraryCost {
  library: string;
  rss: number;
  heapUsed: number;
}

/**
 * Imports the libraries one after another in one fresh process started with the Node options of
 * `npm start` (in the order the program loads them) and reports what each added. A library shared with an earlier one is counted there.
 */
export async function libraryCosts(): Promise<LibraryCost[]> {
  const steps: [string, string][] = [
    [
      'pino, zod, luxon, chrono-node (en, fr), node-cron, prom-client',
      "await import('pino'); await import('zod'); await import('luxon'); await import('chrono-node/en'); await import('chrono-node/fr'); await import('node-cron'); await import('prom-client');",
    ],
    [
      'Prisma client runtime + better-sqlite3 adapter',
      "await import('@prisma/client/runtime/client'); await import('@prisma/adapter-better-sqlite3'); await import('better-sqlite3');",
    ],
    ['pg + Prisma pg adapter', "await import('pg'); await import('@prisma/adapter-pg');"],
    [
      'Prisma schema engine (WebAssembly, compiled)',
      "const { readFileSync } = await import('node:fs'); const { createRequire } = await import('node:module'); const path = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\\.js$/, '.wasm'); globalThis.keep = new WebAssembly.Module(readFileSync(path));",
    ],
    ['grammY + runner', "await import('grammy'); await import('@grammyjs/runner');"],
    ['discord.js', "await import('discord.js');"],
  ];
  const script = `
    const sample = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return { rss: m.rss, heapUsed: m.heapUsed }; };
    const rows = [];
    let before = sample();
    rows.push({ library: 'node (empty process)', rss: before.rss, heapUsed: before.heapUsed });
    ${steps
      .map(
        ([name, code]) =>
          `${code} { const after = sample(); rows.push({ library: ${JSON.stringify(name)}, rss: after.rss - before.rss, heapUsed: after.heapUsed - before.heapUsed }); before = after; }`,
      )
      .join('\n')}
    console.log(JSON.stringify(rows));
  `;
  // With the Node options of `npm start`, less the program itself.
  const options = (await startArguments()).slice(0, -1);
  const result = spawnSync(
    process.execPath,
    [...options, '--expose-gc', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      env: { ...process.env, ...(await startVariables()) },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const rows = JSON.parse(result.stdout) as LibraryCost[];
  return rows.map((row) => ({
    library: row.library,
    rss: round(row.rss / MB),
    heapUsed: round(row.heapUsed / MB),
  }));
}

/** The words of `npm start`'s command line. */
async function startWords(): Promise<string[]> {
  const scripts = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).scripts;
  return String(scripts.start).split(/\s+/);
}

/** The arguments `npm start` gives node (its Node options and dist/main.js). */
async function startArguments(): Promise<string[]> {
  const words = await startWords();
  return words.slice(words.indexOf('node') + 1);
}

/** The environment variables `npm start` sets for node (`NAME=value` before the command). */
async function startVariables(): Promise<Record<string, string>> {
  const words = await startWords();
  const assignments = words
    .slice(0, words.indexOf('node'))
    .map((word) => /^(\w+)=(.*)$/.exec(word));
  return Object.fromEntries(assignments.flatMap((match) => (match ? [[match[1], match[2]]] : [])));
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the program ended (code ${child.exitCode})`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the program never became ready');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function statusMb(status: string, field: string): number {
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return round(kb / 1024);
}

function metricMb(metrics: string, name: string): number {
  const value = Number(new RegExp(`^${name} (\\S+)`, 'm').exec(metrics)?.[1]);
  return round(value / MB);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
