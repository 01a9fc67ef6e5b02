import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { answerTo, type NpmRun, npmStart } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;

afterAll(() => {
  run?.kill();
  file.cleanup();
});

describe('shifts in the console (npm start, piped script)', () => {
  it('adds shifts to an event and takes one by its numbered choice', async () => {
    run = npmStart({ DATABASE_URL: file.url, CAMPAIGN_NAME: 'Riverside' });
    const create = '/event create title:"Canvass" start:"2030-06-01 09:00" duration:6h';
    const morning = '/event shift add 1 start:"10:00" end:"12:00" capacity:6 label:"Morning"';
    const script = [create, morning, '/join', '/join agree:on', '/events', '2', '/calendar'];
    run.child.stdin?.end(`${script.join('\n')}\n`);
    expect(await run.exited).toBe(0);
    const out = run.stdout();
    expect(answerTo(out, morning)).toContain('Shift 1 added to event #1: Morning 10:00-12:00');
    const events = answerTo(out, '/events');
    expect(events).toContain('Shift 1: Morning 10:00-12:00 · 0/6');
    // Choice numbers keep counting while visible: "[1] I agree" came first.
    expect(events).toMatch(/\[2\] Yes #1\.1/);
    const taken = answerTo(out, '2');
    expect(taken).toContain('/event rsvp id:1 shift:1 answer:yes');
    expect(taken).toContain('You are going to #1.1 Canvass · Morning');
    // The console alone runs no HTTP server, so there is no feed address to give.
    expect(answerTo(out, '/calendar')).toContain('Calendar feeds are off here');
  });
});
