import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordBot } from '../../../src/bots/discord/discord-bot.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { useCore } from '../../support/core-harness.ts';

const harness = useCore();
let fake: FakeDiscord;
const lines: string[] = [];
const log = {
  info: (details: object, message: string) => lines.push(JSON.stringify({ ...details, message })),
  warn: (details: object, message: string) => lines.push(JSON.stringify({ ...details, message })),
  error: (details: object, message: string) => lines.push(JSON.stringify({ ...details, message })),
};

beforeAll(async () => {
  // A short heartbeat interval, to see heartbeats acknowledged within the test.
  fake = await FakeDiscord.start({ heartbeatMs: 250 });
});
afterAll(() => fake.close());

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('starting and stopping the Discord bot', () => {
  it('refuses a wrong token without writing it into the error', async () => {
    const token = `${fake.token}WRONG`;
    const start = startDiscordBot({
      config: { token, apiBase: fake.apiBase },
      core: harness.core,
      log,
    });
    const error = await start.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).not.toContain(token);
    expect(fake.gateway.identifies).toEqual([]);
  });

  it('keeps the gateway alive with heartbeats, and disconnects on stop', async () => {
    const bot = await startDiscordBot({
      config: { token: fake.token, apiBase: fake.apiBase },
      core: harness.core,
      log,
    });
    expect(fake.gateway.connected).toBe(1);
    await until(() => fake.gateway.heartbeats >= 2);
    expect(fake.gateway.connected).toBe(1);
    await bot.stop();
    await bot.stop();
    await until(() => fake.gateway.connected === 0);
    expect(lines.join('\n')).not.toContain(fake.token);
  });
});

describe('the fake Discord gateway', () => {
  it('closes the connection with 4004 when IDENTIFY carries a wrong token', async () => {
    const socket = new WebSocket(`${fake.gatewayUrl()}/?v=10&encoding=json`);
    await once(socket, 'message');
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4004);
  });
});
