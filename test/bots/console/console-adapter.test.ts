import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/bots/console/console-adapter.ts';
import { EChartsChartRenderer } from '../../../src/charts/echarts-chart-renderer.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { Catalogue } from '../../../src/core/commands/catalogue.ts';
import { defineCommand } from '../../../src/core/commands/define-command.ts';
import { helpCommands } from '../../../src/core/commands/help.commands.ts';
import { text } from '../../../src/core/commands/options.ts';
import { CommandRunner } from '../../../src/core/commands/run-command.ts';
import { TextCommands } from '../../../src/core/commands/text-commands.ts';
import type { CoreDeps } from '../../../src/core/deps.ts';
import { FanOuts } from '../../../src/core/notifications/fan-out.ts';
import { createServices, type Services } from '../../../src/core/services.ts';
import { nodeCronRules } from '../../../src/scheduler/cron-rules.ts';
import { type Database, openDatabase } from '../../../src/store/database.ts';
import { tempSqliteUrl } from '../../support/databases.ts';

const about = { en: 'Repeat a word', fr: 'Répéter un mot' };
/** Small commands standing for the real ones: one with buttons, one with a required option, one with a file. */
const definitions = [
  ...helpCommands,
  defineCommand({
    name: 'echo',
    description: about,
    access: 'anyone',
    options: { word: text({ required: true, max: 50, description: about, example: 'hello' }) },
    run: async (ctx, args) => ctx.reply(`echo: ${args.word}`),
  }),
  defineCommand({
    name: 'pick',
    description: { en: 'Offer two choices', fr: 'Proposer deux choix' },
    access: 'anyone',
    options: {},
    run: async (ctx) =>
      ctx.reply('Coming to the canvass?', {
        buttons: [
          [
            { label: 'Yes', action: { command: 'echo', args: { word: 'yes' } } },
            { label: 'No', action: { command: 'echo', args: { word: 'no thanks' } } },
          ],
        ],
      }),
  }),
  defineCommand({
    name: 'sheet',
    description: { en: 'Send a file', fr: 'Envoyer un fichier' },
    access: 'organizer',
    options: {},
    run: async (ctx) =>
      ctx.reply('Here is the sheet.', {
        files: [{ name: '../../sup porters.csv', mimeType: 'text/csv', content: 'name\nAda\n' }],
      }),
  }),
];

const file = tempSqliteUrl();
const exportDir = join(file.dir, 'exports');
const logged: unknown[] = [];
let db: Database;
let core: { text: TextCommands; services: Services };

beforeAll(async () => {
  db = await openDatabase(file.url);
  const clock = fixedClock(new Date('2026-11-30T09:00:00Z'));
  const deps: CoreDeps = {
    store: db.store,
    clock,
    settings: {
      defaults: { name: 'Riverside campaign', timezone: 'Europe/Paris', locale: 'en' },
      admins: [],
      commandsPerMinute: 1_000,
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
  const services = createServices(deps);
  const log = { error: (details: Record<string, unknown>) => logged.push(details) };
  const runner = new CommandRunner({ catalogue, services, deps, log });
  core = { services, text: new TextCommands(catalogue, runner, db.store.conversations, clock) };
});

afterAll(async () => {
  await db?.close();
  file.cleanup();
});

/** A console on in-memory streams; `script` pipes lines in and ends the input. */
async function startConsole() {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => {
    transcript += chunk;
  });
  const adapter = new ConsoleAdapter({ core, input, output, exportDir, log: { error: () => {} } });
  await adapter.start();
  return {
    adapter,
    output: () => transcript,
    async script(...lines: string[]) {
      input.end(`${lines.join('\n')}\n`);
      await adapter.ended;
      return transcript;
    },
  };
}

describe('console adapter', () => {
  it('greets with the campaign name and a hint to type /help', async () => {
    const terminal = await startConsole();
    expect(terminal.output()).toContain('Riverside campaign');
    expect(terminal.output()).toContain('/help');
    await terminal.script();
  });

  it('prints buttons as numbered choices and runs the chosen button when its number is typed', async () => {
    const out = await (await startConsole()).script('/pick', '2');
    expect(out).toContain('Coming to the canvass?');
    expect(out).toContain('[1] Yes   [2] No');
    expect(out).toContain('-> /echo word:"no thanks"');
    expect(out).toContain('echo: no thanks');
    expect(out).not.toContain('echo: yes');
  });

  it('says which numbers exist when a number matches no shown choice', async () => {
    const out = await (await startConsole()).script('/pick', '7');
    expect(out).toContain('There is no choice 7. Type a number shown in brackets (up to 2)');
    expect(out).not.toContain('echo:');
  });

  it('asks for a missing required option and takes the next line as its value, even a number', async () => {
    const out = await (await startConsole()).script('/pick', '/echo', '1');
    expect(out).toContain('Repeat a word? Send it as your next message');
    expect(out).toContain('echo: 1');
    expect(out).not.toContain('echo: yes');
  });

  it('forgets the question after /cancel', async () => {
    const out = await (await startConsole()).script('/echo', '/cancel', 'hello');
    expect(out).toContain('Cancelled.');
    expect(out).not.toContain('echo: hello');
    expect(out).toContain('Type /help to see the commands you can use.');
  });

  it('prints /help with the commands the local organizer may use', async () => {
    const out = await (await startConsole()).script('/help');
    expect(out).toContain('For everyone (volunteers):');
    expect(out).toContain('/echo word:hello - Repeat a word');
    expect(out).toContain('/sheet - Send a file');
  });

  it('answers plain text that is no command with a hint to type /help', async () => {
    const out = await (await startConsole()).script('hello there', '3');
    expect(out).toContain('> hello there\nType a command (they start with /). Type /help');
    expect(out).toContain('> 3\nType a command');
  });

  it('answers every piped line in order, then resolves closed at the end of input', async () => {
    const out = await (await startConsole()).script('/echo one', '', '/echo two', '/echo three');
    const order = ['echo: one', 'echo: two', 'echo: three'].map((line) => out.indexOf(line));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes reply files into the export folder under a safe name and prints the path', async () => {
    const out = await (await startConsole()).script('/sheet');
    const saved = join(exportDir, 'sup_porters.csv');
    expect(out).toContain(`File saved: ${saved}`);
    expect(readFileSync(saved, 'utf8')).toBe('name\nAda\n');
    expect(existsSync(join(file.dir, 'sup porters.csv'))).toBe(false);
  });

  it('shows a message arriving on its own with numbered choices that work', async () => {
    const terminal = await startConsole();
    await terminal.adapter.show(
      ['Reminder: Canvass starts in 2 hours.'],
      [[{ label: 'Still coming', action: { command: 'echo', args: { word: 'coming' } } }]],
    );
    const out = await terminal.script('1');
    expect(out).toContain('New message:\nReminder: Canvass starts in 2 hours.\n[1] Still coming');
    expect(out).toContain('echo: coming');
  });

  it('keeps numbers unique while visible: a message arriving later continues the numbering', async () => {
    const terminal = await startConsole();
    terminal.adapter.show(
      ['Reminder: Canvass starts in 2 hours.'],
      [[{ label: 'Still coming', action: { command: 'echo', args: { word: 'coming' } } }]],
    );
    const out = await terminal.script('/pick', '1', '3');
    expect(out).toContain('[1] Still coming');
    expect(out).toContain('[2] Yes   [3] No');
    expect(out).toContain('> 1\n-> /echo word:coming\necho: coming');
    expect(out).toContain('> 3\n-> /echo word:"no thanks"');
  });

  it('still runs a number whose message scrolled away, as that message said', async () => {
    const out = await (await startConsole()).script('/pick', '/echo one', '/pick', '2', '4');
    expect(out).toContain('[3] Yes   [4] No');
    expect(out).toContain('> 2\n-> /echo word:"no thanks"');
    expect(out).toContain('> 4\n-> /echo word:"no thanks"');
  });

  it('resolves closed when closed from the program, after the line in progress', async () => {
    const terminal = await startConsole();
    await terminal.adapter.stop();
    await expect(terminal.adapter.ended).resolves.toBeUndefined();
    expect(logged).toEqual([]);
  });
});
