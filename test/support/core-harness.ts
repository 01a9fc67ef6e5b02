import { afterAll, beforeAll } from 'vitest';
import { EChartsChartRenderer } from '../../src/charts/echarts-chart-renderer.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { formatCommandLine } from '../../src/core/commands/command-line.ts';
import { type Core, createCore } from '../../src/core/core.ts';
import type { CoreSettings } from '../../src/core/deps.ts';
import type { Reply } from '../../src/core/interaction/reply.ts';
import type { Actor, CommandRequest } from '../../src/core/interaction/request.ts';
import { nodeCronRules } from '../../src/scheduler/cron-rules.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { createPostgresDatabase, tempSqliteUrl } from './databases.ts';
import { PLATFORM_NAMES, wordsOf } from './platform-words.ts';

export const NOW = new Date('2026-11-30T09:00:00Z');

export interface Harness {
  core: Core;
  db: Database;
  clock: ReturnType<typeof fixedClock>;
  errors: unknown[];
  /** Types one line as this person (Telegram-like text, private chat unless a space is given). */
  say(actor: Actor | string, line: string, space?: CommandRequest['space']): Promise<Reply>;
  /** All reply text joined, for assertions. */
  text(reply: Reply | null): string;
  /** Registers a Telegram volunteer through /start and the "I agree" button (/join agree:on). */
  volunteer(userId: string, username?: string): Promise<Actor>;
}

/**
 * A real core over a fresh SQLite file per test file (or a fresh database on TEST_POSTGRES_URL's
 * server), with a fixed clock. Call at the top of a test file; the returned object is filled in
 * before the tests run.
 */
export function useCore(
  settings: Partial<CoreSettings> = {},
  database: 'sqlite' | 'postgresql' = 'sqlite',
): Harness {
  const harness = { errors: [] as unknown[] } as Harness;
  let cleanup = async () => {};
  beforeAll(async () => {
    if (database === 'postgresql') {
      const created = await createPostgresDatabase();
      harness.db = await openDatabase(created.url);
      cleanup = created.drop;
    } else {
      const file = tempSqliteUrl();
      harness.db = await openDatabase(file.url);
      cleanup = async () => file.cleanup();
    }
    harness.clock = fixedClock(NOW);
    harness.core = createCore(
      {
        store: harness.db.store,
        clock: harness.clock,
        settings: {
          defaults: { name: 'Test campaign', timezone: 'Europe/Paris', locale: 'en' },
          admins: [],
          commandsPerMinute: 1_000,
          policyVersion: '1',
          platformNames: PLATFORM_NAMES,
          ...settings,
        },
        cron: nodeCronRules,
        charts: new EChartsChartRenderer(),
      },
      { error: (details) => harness.errors.push(details.err) },
    );
    await harness.core.services.campaigns.ensureDefault();
  });
  afterAll(async () => {
    await harness.core?.deps.fanOuts.stop();
    await harness.db?.close();
    await cleanup();
  });
  harness.say = async (who, line, space) => {
    const actor = typeof who === 'string' ? telegramUser(who) : who;
    const reply = await harness.core.text.handle(line, {
      actor,
      space,
      words: wordsOf(actor.platform),
    });
    if (!reply) throw new Error(`no reply to ${line}`);
    for (const button of reply.buttons?.flat() ?? []) {
      const data = formatCommandLine(button.action);
      // Telegram's callback data holds at most 64 bytes: every button must fit.
      if (Buffer.byteLength(data) > 64) throw new Error(`button data over 64 bytes: ${data}`);
    }
    return reply;
  };
  harness.text = (reply) => (reply ? reply.blocks.join('\n') : '');
  harness.volunteer = async (userId, username) => {
    const actor = telegramUser(userId, username);
    await harness.say(actor, '/start');
    await harness.say(actor, '/join agree:on');
    return actor;
  };
  return harness;
}

export function telegramUser(userId: string, username?: string): Actor {
  return { platform: 'telegram', userId, chatId: userId, ...(username && { username }) };
}

export const consoleAdmin: Actor = { platform: 'console', userId: 'local' };
