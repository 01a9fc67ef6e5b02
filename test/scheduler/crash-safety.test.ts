import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { tempSqliteUrl } from '../support/databases.ts';
import { seedCampaign, UNMARKED_AT_MOST } from './fixtures/delivery-fixtures.ts';

const CHILD = fileURLToPath(new URL('./fixtures/crash-dispatcher.ts', import.meta.url));
const ROWS = 1_000;
const file = tempSqliteUrl();
const acceptedFile = join(file.dir, 'accepted.txt');
afterAll(() => file.cleanup());

function startDispatcher(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, file.url, acceptedFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function acceptedKeys(): string[] {
  if (!existsSync(acceptedFile)) return [];
  return readFileSync(acceptedFile, 'utf8').split('\n').filter(Boolean);
}

/** Resolves once `count` keys are accepted or the child ended; false when it ended first. */
async function waitForAccepted(child: ChildProcess, count: number): Promise<boolean> {
  for (let poll = 0; poll < 6_000; poll += 1) {
    if (acceptedKeys().length >= count) return true;
    if (child.exitCode !== null) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the dispatcher made no progress');
}

describe('crash safety', () => {
  it('loses nothing when killed mid-run, and repeats only messages accepted just before a kill, not yet marked sent', async () => {
    const db = await openDatabase(file.url);
    const { campaignId, rows } = await seedCampaign(
      db.store,
      'Crash',
      { people: 20, rows: ROWS },
      new Date(Date.now() - 60_000),
    );
    // The children migrate the database when they open it, which waits for other connections.
    await db.close();

    const plannedKills = 3 + Math.floor(Math.random() * 3);
    // The keys accepted last before each kill, which may not be marked sent yet.
    const lastBeforeKill: string[] = [];
    for (let kill = 0; kill < plannedKills; kill += 1) {
      const child = startDispatcher();
      const target = acceptedKeys().length + 20 + Math.floor(Math.random() * 150);
      if (!(await waitForAccepted(child, target))) break;
      // Somewhere between two sends, or inside one: claim, send, fsync, mark sent.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      child.kill('SIGKILL');
      await exited(child);
      lastBeforeKill.push(...acceptedKeys().slice(-UNMARKED_AT_MOST));
    }
    expect(await exited(startDispatcher())).toBe(0);

    const accepted = acceptedKeys();
    const counts = new Map<string, number>();
    for (const key of accepted) counts.set(key, (counts.get(key) ?? 0) + 1);
    const duplicated = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
    const kills = lastBeforeKill.length / UNMARKED_AT_MOST;
    console.log(
      `crash safety: ${kills} kills, ${accepted.length} messages accepted for ${ROWS} rows, ${duplicated.length} duplicated`,
    );
    expect(rows.every((row) => counts.has(row.key))).toBe(true);
    expect(duplicated.every((key) => counts.get(key) === 2 && lastBeforeKill.includes(key))).toBe(
      true,
    );
    expect(duplicated.length).toBeLessThanOrEqual(kills * UNMARKED_AT_MOST);
    const reopened = await openDatabase(file.url);
    const sent = await reopened.store.notifications.list(campaignId, { status: ['sent'] });
    await reopened.close();
    expect(sent).toHaveLength(ROWS);
  }, 180_000);
});
