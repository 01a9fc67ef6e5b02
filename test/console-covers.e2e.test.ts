import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { answerTo, type NpmRun, npmStart } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;

afterAll(() => {
  run?.kill();
  file.cleanup();
});

describe('cover requests in the console (npm start, piped script)', () => {
  it('asks for cover with /event swap while keeping the seat, and shows the open request', async () => {
    run = npmStart({ DATABASE_URL: file.url, CAMPAIGN_NAME: 'Riverside' });
    const create = '/event create title:"Canvass" start:"2030-06-01 09:00" duration:6h';
    const morning = '/event shift add 1 start:"10:00" end:"12:00" capacity:2 label:"Morning"';
    const early = '/event swap 1';
    const swap = '/event swap 1 shift:1';
    const script = [
      create,
      morning,
      '/join',
      '/join agree:on',
      early,
      '/event rsvp 1 yes shift:1',
      swap,
      '/event attendees 1',
    ];
    run.child.stdin?.end(`${script.join('\n')}\n`);
    expect(await run.exited).toBe(0);
    const out = run.stdout();
    expect(answerTo(out, early)).toContain('Event #1 has shifts: 1 (Morning)');
    expect(answerTo(out, early)).toContain('/event swap 1 shift:1');
    const asked = answerTo(out, swap);
    expect(asked).toContain('You keep your seat at #1.1 Canvass · Morning until someone takes it');
    expect(asked).toContain('Nobody matching can be asked right now');
    const attendees = answerTo(out, '/event attendees 1');
    expect(attendees).toContain('#1.1 Canvass · Morning: looking for 1 volunteer');
  });
});
