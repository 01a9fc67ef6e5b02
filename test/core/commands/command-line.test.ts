import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../../src/core/commands/catalogue.ts';
import { formatCommandLine, parseCommandLine } from '../../../src/core/commands/command-line.ts';
import { defineCommand } from '../../../src/core/commands/define-command.ts';
import { id, integer, text } from '../../../src/core/commands/options.ts';

const d = { en: 'x', fr: 'x' };
const create = defineCommand({
  name: 'task',
  subcommand: 'create',
  description: d,
  access: 'organizer',
  options: {
    title: text({ required: true, max: 200, description: d, example: 'Hand out flyers' }),
    slots: integer({ min: 1, max: 10_000, description: d, example: '3' }),
  },
  run: async (ctx) => ctx.reply('ok'),
});
const done = defineCommand({
  name: 'task',
  subcommand: 'done',
  description: d,
  access: 'supporter',
  options: {
    id: id({ required: true, description: d, example: '12' }),
    note: text({ max: 500, rest: true, description: d, example: 'all done' }),
  },
  run: async (ctx) => ctx.reply('ok'),
});
const catalogue = new Catalogue([create, done]);

function bind(line: string) {
  const parsed = parseCommandLine(line);
  if (!parsed) throw new Error('not a command');
  return catalogue.bind(parsed);
}

describe('text command lines', () => {
  it('keeps quoted values with spaces as one option value', () => {
    expect(bind('/task create title:"Hand out flyers" slots:3')).toMatchObject({
      ok: true,
      args: { title: 'Hand out flyers', slots: '3' },
    });
  });

  it('accepts typographic quotes and unquoted words continuing a text option', () => {
    expect(bind('/task create title:“Porte à porte”')).toMatchObject({
      args: { title: 'Porte à porte' },
    });
    expect(bind('/task create title:Hand out flyers slots:2')).toMatchObject({
      args: { title: 'Hand out flyers', slots: '2' },
    });
  });

  it('fills options in order from positional words, the last text taking the rest', () => {
    expect(bind('/task done #12 all went well')).toMatchObject({
      args: { id: '#12', note: 'all went well' },
    });
  });

  it('strips the bot name of /cmd@bot and lower-cases the command', () => {
    expect(parseCommandLine('/Task@organizer_bot done 3')).toMatchObject({
      command: 'task',
      mention: 'organizer_bot',
    });
  });

  it('names an unknown option and lists the real ones', () => {
    expect(bind('/task create titel:x')).toMatchObject({
      ok: false,
      error: { id: 'error.unknown_option', params: { option: 'titel', options: 'title, slots' } },
    });
  });

  it('asks for a subcommand when none is given', () => {
    expect(bind('/task')).toMatchObject({ ok: false, error: { id: 'error.unknown_subcommand' } });
  });

  it('refuses a quote never closed instead of saving it in a title, showing where it opened', () => {
    expect(bind('/task create title:"Unbalanced quotes slots:2')).toMatchObject({
      ok: false,
      error: {
        id: 'error.unclosed_quote',
        params: { quote: '"', close: '"', text: 'title:"Unbalanced quotes slots:2' },
      },
    });
    expect(bind('/task create title:«Porte à porte slots:2')).toMatchObject({
      error: { params: { quote: '«', close: '»', text: 'title:«Porte à porte slots:2' } },
    });
  });

  it('is not a command without the leading slash', () => {
    expect(parseCommandLine('hello there')).toBeNull();
  });

  it('writes button actions as command lines that parse back to the same arguments', () => {
    const line = formatCommandLine({
      command: 'task',
      subcommand: 'create',
      args: { title: 'Hand out', slots: 2 },
    });
    expect(line).toBe('/task create title:"Hand out" slots:2');
    expect(bind(line)).toMatchObject({ args: { title: 'Hand out', slots: '2' } });
  });
});
