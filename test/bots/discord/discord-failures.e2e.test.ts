import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../../src/core/commands/catalogue.ts';
import { defineCommand } from '../../../src/core/commands/define-command.ts';
import { CommandRunner } from '../../../src/core/commands/run-command.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const EPHEMERAL = 64;
const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';
const REPLY_LOST = 'Your command was carried out, but its answer could not be shown.';
const failures: { requestId?: unknown; command?: unknown }[] = [];

/** A public command whose handler breaks, as a bug or a lost database would. */
const explode = defineCommand({
  name: 'explode',
  description: { en: 'Fails on purpose', fr: 'Échoue exprès' },
  access: 'anyone',
  options: {},
  async run() {
    throw new Error('handler broke');
  },
});

// Every answer is deferred first: the path taken by work longer than Discord's 3 seconds.
const world = useDiscord({
  deferAfterMs: 0,
  adapt: (core) => {
    const catalogue = new Catalogue([...core.catalogue.definitions, explode]);
    const log = { error: (details: Record<string, unknown>) => void failures.push(details) };
    const runner = new CommandRunner({ catalogue, services: core.services, deps: core.deps, log });
    return { ...core, catalogue, runner };
  },
});

describe('Discord bot when things go wrong', () => {
  it('defers a slow answer publicly for a public command, then edits it in', async () => {
    const record = await world.run({ user: world.organizer, guild: world.guild }, 'setup');
    expect(record.callbacks).toEqual([5]);
    expect(record.original?.flags).toBe(0);
    expect(record.original?.content).toContain('now bound to a new campaign, "Riverside Greens"');
  });

  it('defers privately for a private command', async () => {
    const record = await world.run({ user: world.volunteer, guild: world.guild }, 'join');
    expect(record.callbacks).toEqual([5]);
    expect(record.original?.flags).toBe(EPHEMERAL);
    expect(record.original?.content).toContain('Before you join Riverside Greens');
  });

  it('answers a handler error with a private apology, logged with the interaction id', async () => {
    const record = await world.run({ user: world.volunteer, guild: world.guild }, 'explode');
    // The public "thinking" message gives way to an ephemeral apology.
    expect(record.original?.deleted).toBe(true);
    expect(record.followUps.map((m) => [m.content, m.flags])).toEqual([[APOLOGY, EPHEMERAL]]);
    expect(failures.at(-1)).toMatchObject({ requestId: record.id, command: 'explode' });
  });

  it('sends a reply again when Discord fails to take it after the command ran', async () => {
    // Four 502s: more than discord.js retries by itself.
    world.fake.fail({ method: 'PATCH', path: '/messages/@original', status: 502, times: 4 });
    const record = await world.run({ user: world.volunteer, guild: world.guild }, 'help');
    expect(answerText(record)).toContain('/task next');
    expect(answerText(record)).not.toContain(APOLOGY);
  });

  it('never apologizes when Discord refuses the answer of a command that ran, and keeps answering', async () => {
    world.fake.fail({ method: 'PATCH', path: '/messages/@original', status: 400, code: 50035 });
    const failed = await world.run({ user: world.volunteer, guild: world.guild }, 'help');
    expect(failed.followUps.map((m) => [m.content, m.flags])).toEqual([[REPLY_LOST, EPHEMERAL]]);
    const logged = world.logs.find((line) => line.includes('discord reply not delivered'));
    expect(JSON.parse(logged!)).toMatchObject({ interactionId: failed.id, err: { code: 50035 } });
    expect(logged).not.toContain(failed.token);

    const next = await world.run({ user: world.volunteer, guild: world.guild }, 'help');
    expect(answerText(next)).toContain('/task next');
  });
});
