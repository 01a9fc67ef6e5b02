import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
} from './support/databases.ts';
import { type NpmRun, npmStart } from './support/npm-start.ts';

reportPostgresSkip('a question answered through another process');

describe.skipIf(!TEST_POSTGRES_URL)('two processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const runs: NpmRun[] = [];
  const start = async () => {
    const run = npmStart({ DATABASE_URL: database.url, CAMPAIGN_NAME: 'Riverside' });
    runs.push(run);
    await run.waitFor('console adapter started');
    return run;
  };

  beforeAll(async () => {
    database = await createPostgresDatabase('organizer_conversations_e2e');
  });
  afterAll(async () => {
    for (const run of runs) run.kill();
    await database?.drop();
  });

  it('takes the answer to a question asked by one process through the other', async () => {
    // One after the other: the first start migrates the new database.
    const asking = await start();
    const answering = await start();

    asking.child.stdin?.write('/task create slots:2\n');
    await asking.waitFor('Send it as your next message');
    answering.child.stdin?.write('Hand out flyers\n');
    await answering.waitFor('Task #1 created: Hand out flyers.');

    // The question was taken: the same words again are no answer any more.
    asking.child.stdin?.write('Hand out flyers\n');
    await asking.waitFor('Type /help to see the commands you can use.');
    for (const run of runs) run.child.stdin?.end();
    expect(await Promise.all(runs.map((run) => run.exited))).toEqual([0, 0]);
    expect(asking.stdout()).not.toContain('Task #1 created');
  }, 180_000);
});
