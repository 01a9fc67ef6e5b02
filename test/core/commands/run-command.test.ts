import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EChartsChartRenderer } from '../../../src/charts/echarts-chart-renderer.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { Catalogue } from '../../../src/core/commands/catalogue.ts';
import { defineCommand } from '../../../src/core/commands/define-command.ts';
import { integer, text } from '../../../src/core/commands/options.ts';
import { CommandRunner } from '../../../src/core/commands/run-command.ts';
import { TextCommands } from '../../../src/core/commands/text-commands.ts';
import { DomainError, NotFoundError } from '../../../src/core/errors.ts';
import type { Actor } from '../../../src/core/interaction/request.ts';
import { FanOuts } from '../../../src/core/notifications/fan-out.ts';
import { createServices } from '../../../src/core/services.ts';
import { nodeCronRules } from '../../../src/scheduler/cron-rules.ts';
import { type Database, openDatabase } from '../../../src/store/database.ts';
import { tempSqliteUrl } from '../../support/databases.ts';
import { wordsOf } from '../../support/platform-words.ts';

const d = { en: 'A title', fr: 'Un titre' };
const ran: Record<string, unknown>[] = [];
const definitions = [
  defineCommand({
    name: 'make',
    description: d,
    access: 'organizer',
    options: {
      title: text({ required: true, max: 10, description: d, example: 'Flyers' }),
      slots: integer({ min: 1, max: 5, description: d, example: '3' }),
    },
    async run(ctx, args) {
      ran.push(args);
      return ctx.reply(`made ${args.title}`);
    },
  }),
  defineCommand({
    name: 'boom',
    description: d,
    access: 'anyone',
    options: {},
    run: async () => {
      throw new Error('kaput');
    },
  }),
  defineCommand({
    name: 'refuse',
    description: d,
    access: 'anyone',
    options: {},
    run: async () => {
      throw new DomainError('ERROR_ORGANIZERS_ONLY', { command: '/x' });
    },
  }),
  defineCommand({
    name: 'lost',
    description: d,
    access: 'anyone',
    options: {},
    run: async () => {
      throw new NotFoundError('supporter', 7);
    },
  }),
  defineCommand({
    name: 'mine',
    description: d,
    access: 'supporter',
    options: {},
    run: async (ctx) => ctx.reply('yours'),
  }),
];

const file = tempSqliteUrl();
const clock = fixedClock(new Date('2026-11-30T09:00:00Z'));
const logged: Record<string, unknown>[] = [];
let db: Database;
let commands: TextCommands;
let runner: CommandRunner;
const volunteer: Actor = { platform: 'telegram', userId: '501' };
const frenchVolunteer: Actor = { platform: 'telegram', userId: '502', platformLocale: 'fr' };

beforeAll(async () => {
  db = await openDatabase(file.url);
  const deps = {
    store: db.store,
    clock,
    settings: {
      defaults: { name: 'C', timezone: 'UTC', locale: 'en' as const },
      admins: [{ platform: 'telegram', userId: '900' }],
      commandsPerMinute: 3,
      policyVersion: '1',
      platformNames: {},
    },
    cron: nodeCronRules,
    charts: new EChartsChartRenderer(),
    fanOuts: new FanOuts({
      store: db.store,
      clock,
      log: { error: () => undefined },
      workerId: 'test',
    }),
  };
  const catalogue = new Catalogue(definitions);
  runner = new CommandRunner({
    catalogue,
    services: createServices(deps),
    deps,
    log: { error: (details) => logged.push(details) },
  });
  commands = new TextCommands(catalogue, runner, db.store.conversations, clock);
});
afterAll(async () => {
  await db.close();
  file.cleanup();
});

const say = async (actor: Actor, line: string) =>
  (
    await commands.handle(line, { actor, requestId: 'r1', words: wordsOf(actor.platform) })
  )?.blocks.join('\n');

describe('the command path', () => {
  it('checks the role before the arguments', async () => {
    clock.advance(60_000);
    expect(await say(volunteer, '/make slots:99')).toBe('Only organizers can use /make.');
    expect(ran).toEqual([]);
  });

  it('lets ADMIN_IDS and the console act as admins', async () => {
    clock.advance(60_000);
    expect(await say({ platform: 'telegram', userId: '900' }, '/make title:Flyers')).toBe(
      'made Flyers',
    );
    expect(await say({ platform: 'console', userId: 'local' }, '/make Posters slots:2')).toBe(
      'made Posters',
    );
  });

  it('does not make the admin of an unbound group an organizer of the campaign', async () => {
    clock.advance(60_000);
    const reply = await commands.handle('/make title:x', {
      actor: { platform: 'telegram', userId: '77', spaceAdmin: true },
      space: { platform: 'telegram', id: '-1001' },
      words: wordsOf('telegram'),
    });
    expect(reply?.blocks[0]).toBe('Only organizers can use /make.');
  });

  it('asks for a missing required option, then runs with the next message as its value', async () => {
    clock.advance(60_000);
    const admin: Actor = { platform: 'console', userId: 'local' };
    const prompt = await commands.handle('/make slots:2', {
      actor: admin,
      words: wordsOf('console'),
    });
    expect(prompt?.prompt).toMatchObject({ command: 'make', option: 'title' });
    expect(prompt?.blocks[0]).toContain('Flyers');
    expect(await say(admin, 'Banners')).toBe('made Banners');
    expect(ran.at(-1)).toEqual({ title: 'Banners', slots: 2 });
  });

  it('asks the same question again after a wrong answer, keeping the answers given', async () => {
    clock.advance(60_000);
    const admin: Actor = { platform: 'console', userId: 'local' };
    const origin = { actor: admin, words: wordsOf('console') };
    await commands.handle('/make slots:2', origin);
    const again = await commands.handle('far too long a title', origin);
    expect(again?.blocks).toEqual([
      'title must be 1 to 10 characters long. For example: title:Flyers',
      expect.stringContaining('A title? Send it as your next message'),
    ]);
    expect(again?.prompt).toMatchObject({ command: 'make', option: 'title', args: { slots: '2' } });
    expect(await say(admin, 'Banners')).toBe('made Banners');
    expect(ran.at(-1)).toEqual({ title: 'Banners', slots: 2 });
  });

  it('leaves a guided question with /cancel: the next message is not taken as its answer', async () => {
    clock.advance(60_000);
    const admin: Actor = { platform: 'console', userId: 'local' };
    const origin = { actor: admin, words: wordsOf('console') };
    const before = ran.length;
    await commands.handle('/make slots:2', origin);
    expect(await say(admin, '/cancel')).toBe('Cancelled.');
    expect(await commands.handle('Banners', origin)).toBeNull();
    expect(ran.length).toBe(before);
  });

  it('answers bad values with one sentence naming the option and an example', async () => {
    clock.advance(60_000);
    const admin: Actor = { platform: 'console', userId: 'local' };
    const before = ran.length;
    expect(await say(admin, '/make title:"far too long a title"')).toBe(
      'title must be 1 to 10 characters long. For example: title:Flyers',
    );
    expect(await say(admin, '/make title:ok slots:-1')).toBe(
      'slots must be a whole number from 1 to 5. For example: slots:3',
    );
    expect(ran.length).toBe(before);
  });

  it('asks unregistered people to join first, with the platform word for it', async () => {
    clock.advance(60_000);
    expect(await say(volunteer, '/mine')).toMatch(
      /^Please register first with \/start, then try again\.\s+Before you join/,
    );
    expect(await say({ platform: 'discord', userId: '1' }, '/mine')).toMatch(
      /^Please register first with \/join, then try again\.\s+Before you join/,
    );
  });

  it('turns a domain error into its sentence in the user language', async () => {
    clock.advance(60_000);
    expect(await say(frenchVolunteer, '/refuse')).toBe(
      'Seuls les organisateurs peuvent utiliser /x.',
    );
  });

  it('answers a crash with an apology and logs it with the request id', async () => {
    clock.advance(60_000);
    expect(await say(volunteer, '/boom')).toBe(
      'Sorry, something went wrong on our side. Please try again in a moment.',
    );
    expect(logged.at(-1)).toMatchObject({ requestId: 'r1', command: 'boom' });
    expect(logged.at(-1)?.err).toMatchObject({ message: 'kaput' });
  });

  it('answers an internal code with the apology and logs it, like any crash', async () => {
    clock.advance(60_000);
    expect(await say(volunteer, '/lost')).toBe(
      'Sorry, something went wrong on our side. Please try again in a moment.',
    );
    expect(logged.at(-1)?.err).toMatchObject({ code: 'SUPPORTER_NOT_FOUND' });
    // @ts-expect-error: a code must be declared with its message in error-codes.ts
    expect(new DomainError('NO_SUCH_CODE').code).toBe('NO_SUCH_CODE');
  });

  it('answers politely instead of working past the per-user rate limit', async () => {
    clock.advance(60_000);
    const actor: Actor = { platform: 'telegram', userId: '503' };
    for (let i = 0; i < 3; i++) expect(await say(actor, '/refuse')).toContain('organizers');
    expect(await say(actor, '/refuse')).toBe(
      'You are sending commands a little fast. Please wait a minute and try again.',
    );
    clock.advance(60_000);
    expect(await say(actor, '/refuse')).toContain('organizers');
  });

  it('names unknown commands', async () => {
    clock.advance(60_000);
    expect(await say(volunteer, '/fly')).toBe(
      'I do not know the command /fly. Type /help to see the commands you can use.',
    );
  });
});
