import { afterAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart } from './support/npm-start.ts';

const file = tempSqliteUrl();
let run: NpmRun | undefined;

afterAll(() => {
  run?.kill();
  file.cleanup();
});

/**
 * Waits until the console printed `text`, polling its output; fails after `seconds` or at exit.
 * Only for the reminder below, which by its rule arrives a minute after the answer.
 */
async function printed(text: string, seconds: number): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  while (!run!.stdout().includes(text)) {
    if (Date.now() > deadline || run!.child.exitCode !== null) {
      throw new Error(`"${text}" never appeared; output:\n${run!.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return run!.stdout();
}

describe('npm start delivers reminders to the console', () => {
  // The rule is about minutes: the reminder of an event starting in 3 minutes with a 2-minute
  // offset is due a minute after the answer. This is the one test that waits that long.
  it('prints an event reminder about a minute later, and its "Can\'t make it" choice withdraws the answer', async () => {
    run = npmStart({ DATABASE_URL: file.url, SCHEDULER_CRON: '*/2 * * * * *', HTTP_PORT: '0' });
    const script = [
      '/join',
      '1',
      '/event create title:"Quick meet" start:"in 3 minutes" reminders:2m',
      '/event rsvp 1 yes',
    ];
    run.child.stdin?.write(`${script.join('\n')}\n`);
    await printed('You are going to #1 Quick meet', 30);

    const out = await printed('Reminder: #1 Quick meet starts', 100);
    const reminder = out.slice(out.lastIndexOf('New message:'));
    expect(reminder).toMatch(
      /Reminder: #1 Quick meet starts \w{3} \d+ \w{3} \d{4}, \d\d:\d\d \(UTC\)/,
    );
    const choice = /\[(\d+)\] Can't make it/.exec(reminder)?.[1];
    expect(reminder).toMatch(/\[\d+\] Still coming/);
    expect(choice).toBeDefined();

    run.child.stdin?.write(`${choice}\n`);
    const after = await printed('Noted: you are not going to #1 Quick meet', 30);
    expect(after).toContain(`> ${choice}\n-> /event rsvp id:1 answer:no`);

    run.child.stdin?.end();
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped');
  }, 150_000);
});
