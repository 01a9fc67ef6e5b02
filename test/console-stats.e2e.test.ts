import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart, ROOT } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;
const saved: string[] = [];

afterAll(() => {
  run?.kill();
  file.cleanup();
  for (const path of saved) rmSync(path, { force: true });
});

describe('/stats in the console (npm start)', () => {
  it('prints the figures and the path of the chart saved under ./data/exports/', async () => {
    run = npmStart({ DATABASE_URL: file.url, DEFAULT_LOCALE: 'fr' });
    run.child.stdin?.end('/stats period:30d\n');
    expect(await run.exited).toBe(0);
    const out = run.stdout();
    expect(out).toContain('Soutiens : 0');
    const path = /Fichier enregistré : (\S+\.png)/.exec(out)?.[1];
    expect(path).toBe(`${ROOT}data/exports/stats-30d.png`);
    saved.push(path!);
    const png = readFileSync(path!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 800]);
  }, 120_000);
});
