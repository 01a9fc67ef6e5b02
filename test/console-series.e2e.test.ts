import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { answerTo, type NpmRun, npmStart } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;

afterAll(() => {
  run?.kill();
  file.cleanup();
});

describe('recurring series in the console (npm start, piped script)', () => {
  it('creates a weekly series and answers every date of it with series:on', async () => {
    run = npmStart({ DATABASE_URL: file.url, CAMPAIGN_NAME: 'Riverside' });
    const create = '/event create title:"Phone bank" start:"tomorrow 18:00" repeat:weekly count:4';
    const answer = '/event rsvp 1 yes series:on';
    const script = [create, '/join', '/join agree:on', '/events', answer, '/myevents'];
    run.child.stdin?.end(`${script.join('\n')}\n`);
    expect(await run.exited).toBe(0);
    const out = run.stdout();
    const created = answerTo(out, create);
    expect(created).toContain('Event #1 created: Phone bank');
    expect(created).toContain('It repeats: weekly, 4 times. 4 dates are scheduled so far');
    // The series takes one place in the list, at its next date.
    const listed = answerTo(out, '/events');
    expect(listed).toContain('#1 Phone bank');
    expect(listed).toContain(
      'Repeats; next dates: #2, #3, #4. To answer them all: /event rsvp 1 yes series:on',
    );
    expect(listed).not.toContain('#2 Phone bank');
    const answered = answerTo(out, answer);
    expect(answered).toContain('You are going to #1 Phone bank');
    expect(answered).toContain('the 3 later dates already scheduled and to every new one');
    const mine = answerTo(out, '/myevents');
    for (const id of [1, 2, 3, 4]) expect(mine).toContain(`#${id} Phone bank`);
  });
});
