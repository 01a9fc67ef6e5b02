import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { answerTo, type NpmRun, npmStart } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;

afterAll(() => {
  run?.kill();
  file.cleanup();
});

describe('npm start without tokens, driven by a piped script', () => {
  it('creates a task and an event, RSVPs by choice number, then exits 0 at the end of input', async () => {
    run = npmStart({ DATABASE_URL: file.url, CAMPAIGN_NAME: 'Riverside' });
    const createTask = '/task create title:"Hand out flyers" slots:2';
    const createEvent = '/event create title:"Canvass" start:"tomorrow 10:00" capacity:10';
    const script = [
      createTask,
      createEvent,
      '/task list',
      '/join',
      '/join agree:on',
      '/events',
      // Choice numbers keep counting while visible: "[1] I agree" came first, so Yes is 2.
      '2',
      '/myevents',
    ];
    run.child.stdin?.end(`${script.join('\n')}\n`);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped');
    const out = run.stdout();
    expect(out).toContain('campaign "Riverside"');

    const task = answerTo(out, createTask);
    expect(task).toContain('#1');
    expect(task).toContain('Hand out flyers');

    const event = answerTo(out, createEvent);
    expect(event).toContain('#1');
    expect(event).toContain('Canvass');
    expect(event).toContain('10:00 (UTC)');

    expect(answerTo(out, '/task list')).toContain('Hand out flyers');

    const events = answerTo(out, '/events');
    expect(events).toContain('Canvass');
    expect(events).toMatch(/\[2\] [^\n[]*Yes/i);

    const rsvp = answerTo(out, '2');
    expect(rsvp).toMatch(/^-> \/event rsvp /);
    expect(rsvp).toContain('#1');
    expect(rsvp).not.toContain('/help');

    expect(answerTo(out, '/myevents')).toContain('Canvass');
  });
});
