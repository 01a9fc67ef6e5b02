import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { answerTo, type NpmRun, npmStart } from './support/npm-start.ts';

const files: Array<ReturnType<typeof tempSqliteUrl>> = [];
const runs: NpmRun[] = [];

afterAll(() => {
  for (const run of runs) run.kill();
  for (const file of files) file.cleanup();
});

async function session(env: Record<string, string>, script: string[]): Promise<string> {
  const file = tempSqliteUrl();
  files.push(file);
  const run = npmStart({ DATABASE_URL: file.url, ...env });
  runs.push(run);
  run.child.stdin?.end(`${script.join('\n')}\n`);
  expect(await run.exited).toBe(0);
  return run.stdout();
}

describe('guided questions in the console', () => {
  it('asks again after a wrong answer, keeps the title, and /cancel leaves', async () => {
    const out = await session({}, [
      '/event create title:"Canvass"',
      'someday maybe',
      'tomorrow 10:00',
      '/task create slots:2',
      '/cancel',
      'Posters',
      '/task list',
    ]);
    const again = answerTo(out, 'someday maybe');
    expect(again).toContain('I could not understand the time "someday maybe"');
    expect(again).toContain('Start (date and time)? Send it as your next message');
    const created = answerTo(out, 'tomorrow 10:00');
    expect(created).toContain('#1');
    expect(created).toContain('Canvass');
    expect(answerTo(out, '/cancel')).toContain('Cancelled.');
    expect(answerTo(out, 'Posters')).not.toContain('Posters');
    expect(answerTo(out, '/task list')).not.toContain('Posters');
  });

  it('does the same in French, where /annuler leaves', async () => {
    const out = await session({ DEFAULT_LOCALE: 'fr' }, [
      '/event create title:"Porte-à-porte"',
      'un jour peut-être',
      'demain 10:00',
      '/task create slots:2',
      '/annuler',
      'Affiches',
      '/task list',
    ]);
    const again = answerTo(out, 'un jour peut-être');
    expect(again).toContain('Je n’ai pas compris l’heure « un jour peut-être »');
    expect(again).toContain('Répondez dans votre prochain message');
    const created = answerTo(out, 'demain 10:00');
    expect(created).toContain('#1');
    expect(created).toContain('Porte-à-porte');
    expect(answerTo(out, '/annuler')).toContain('Annulé.');
    expect(answerTo(out, '/task list')).not.toContain('Affiches');
  });
});

describe('times around a daylight-saving change in the console', () => {
  it('names a skipped local time and the one used, instead of shifting it silently', async () => {
    const create = '/event create title:"Night walk" start:"2027-03-28 02:30"';
    const out = await session({ DEFAULT_TIMEZONE: 'Europe/Paris' }, [create]);
    const answer = answerTo(out, create);
    expect(answer).toContain('Night walk');
    expect(answer).toContain('Sun 28 Mar 2027, 03:30 (Europe/Paris)');
    expect(answer).toContain(
      'Note: 02:30 does not exist on Sunday 28 March 2027 in the Europe/Paris time zone (the clocks go forward), so I used 03:30 (UTC+2).',
    );
  });
});
