import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buttonData, commandData, type OptionValue } from './discord-interactions.ts';
import {
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  type InteractionPlace,
  interactionBase,
  roleObject,
  userObject,
} from './discord-payloads.ts';
import { FakeGateway } from './fake-discord-gateway.ts';
import {
  type InjectedFailure,
  type InteractionRecord,
  type RestAnswer,
  type RestCall,
  readBody,
  restRoute,
} from './fake-discord-rest.ts';
import { DiscordState } from './fake-discord-state.ts';

export { buttonsOf } from './discord-interactions.ts';
export type { FakeGuild, FakeMessage, FakeUser } from './discord-payloads.ts';
export { shownText } from './discord-payloads.ts';
export type { FakeScheduledEvent } from './fake-discord-events.ts';
export type {
  FakeForm,
  InjectedFailure,
  InteractionRecord,
  RestCall,
} from './fake-discord-rest.ts';

/** A token shaped like a real bot token (the logger recognises it as a secret). */
export const FAKE_DISCORD_TOKEN =
  'MTAxNDU2Nzg5MDEyMzQ1Njc4OQ.GfAkEx.FakeTokenForTheOfflineDiscordApi_0123';

export interface FakeDiscordOptions {
  token?: string;
  /** Shards `GET /gateway/bot` recommends. */
  shards?: number;
  /**
   * Discord's 41.25 s by default: a short interval lets a test process busy with synchronous
   * SQLite calls miss an ACK, and discord.js then reconnects as from a zombie connection.
   */
  heartbeatMs?: number;
  /** Requests accepted per sliding second (Discord's global limit) before answering 429. */
  requestsPerSecond?: number;
}

/** Who acts: a member in a guild's channel, or a user in their DM with the bot. */
export interface Who {
  user: FakeUser;
  guild?: FakeGuild;
  channelId?: string;
}

const API_PREFIX = '/api/v10';
const WAIT_MS = 10_000;
/** Routes answered without the bot token: interaction tokens authorise them. */
const TOKENLESS = /^\/(interactions|webhooks)\//;

/**
 * Discord on 127.0.0.1 for tests, used by the unpatched discord.js: REST v10 under `apiBase`
 * and the gateway its `GET /gateway/bot` points to. Records every REST call, keeps the messages
 * the bot sent, dispatches interactions typed from the commands the bot registered, and can
 * answer chosen calls with errors.
 */
export class FakeDiscord extends DiscordState {
  readonly calls: RestCall[] = [];
  /** When each authorised REST request arrived (`Date.now()`), accepted or not. */
  readonly requestTimes: number[] = [];
  /** 429 answers given by the global limit. */
  tooManyRequests = 0;
  readonly gateway: FakeGateway;
  private requestsPerSecond: number | undefined;
  private recent: number[] = [];
  private failures: (InjectedFailure & { remaining: number })[] = [];
  private readonly changed = new EventEmitter();
  private readonly server = createServer((request, response) => {
    this.serve(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  private constructor(
    readonly token: string,
    shards: number,
    heartbeatMs: number,
  ) {
    super(shards);
    this.gateway = new FakeGateway(this.server, {
      token,
      heartbeatMs,
      ready: () => ({
        user: { ...userObject(this.botUser, true), verified: true, mfa_enabled: false, flags: 0 },
        application: { id: this.applicationId, flags: 0 },
      }),
      guilds: (shard) => this.guildsOfShard(shard) as { id: string }[],
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(
      options.token ?? FAKE_DISCORD_TOKEN,
      options.shards ?? 1,
      options.heartbeatMs ?? 41_250,
    );
    fake.requestsPerSecond = options.requestsPerSecond;
    await new Promise<void>((done) => fake.server.listen(0, '127.0.0.1', done));
    return fake;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  override gatewayUrl(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A new role; a connected bot hears of it as from Discord (GUILD_ROLE_CREATE). */
  addRole(guild: FakeGuild): string {
    const id = this.newId();
    guild.roleIds.push(id);
    if (this.gateway.connected > 0) {
      this.gateway.dispatch(
        'GUILD_ROLE_CREATE',
        { guild_id: guild.id, role: roleObject(guild, id) },
        guild.id,
      );
    }
    return id;
  }

  /**
   * A member presses "Interested" on a scheduled event in the server's Events (or takes it
   * back): the gateway sends GUILD_SCHEDULED_EVENT_USER_ADD (or _REMOVE) as Discord does.
   */
  interested(user: FakeUser, guild: FakeGuild, scheduledEventId: string, on = true): void {
    const event = on ? 'GUILD_SCHEDULED_EVENT_USER_ADD' : 'GUILD_SCHEDULED_EVENT_USER_REMOVE';
    const data = {
      guild_scheduled_event_id: scheduledEventId,
      user_id: user.id,
      guild_id: guild.id,
    };
    this.gateway.dispatch(event, data, guild.id);
  }

  /** Answers the next matching calls with an error instead of doing them. */
  fail(failure: InjectedFailure): void {
    this.failures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /**
   * Runs `/name [subcommand]` with typed options as Discord would; resolves once the bot
   * acknowledged it (replied or deferred). Edits and follow-ups may come after.
   */
  async command(
    who: Who,
    name: string,
    values: Record<string, OptionValue> = {},
  ): Promise<InteractionRecord> {
    const data = this.commandDataFor(who, name, values);
    return this.interact(who, 'command', { type: 2, data });
  }

  /** Types into an autocompleted option; resolves with the choices offered. */
  async autocomplete(
    who: Who,
    name: string,
    values: Record<string, OptionValue>,
    focused: string,
  ): Promise<InteractionRecord['choices']> {
    const data = this.commandDataFor(who, name, values, focused);
    const record = await this.interact(who, 'autocomplete', { type: 4, data });
    return record.choices;
  }

  /**
   * Fills in and submits a form (modal) the bot showed, as Discord sends it (a MODAL_SUBMIT
   * interaction with one text input per row); resolves once the bot acknowledged it.
   */
  async submitForm(
    who: Who,
    shown: InteractionRecord,
    values: Record<string, string>,
  ): Promise<InteractionRecord> {
    const form = shown.form;
    if (!form) throw new Error(`interaction ${shown.id} showed no form`);
    const fields = form.components.flatMap((row) => row.components.map((c) => c.custom_id));
    for (const name of Object.keys(values)) {
      if (!fields.includes(name)) throw new Error(`the form has no field ${name}`);
    }
    const components = fields.map((name) => ({
      type: 1,
      components: [{ type: 4, custom_id: name, value: values[name] ?? '' }],
    }));
    return this.interact(who, 'form', { type: 5, data: { custom_id: form.custom_id, components } });
  }

  /** Presses a button of a message the bot sent; resolves once the bot acknowledged it. */
  async press(who: Who, message: FakeMessage, customId: string): Promise<InteractionRecord> {
    const payload = { type: 3, ...buttonData(message, customId, this.botUser) };
    return this.interact({ ...who, channelId: message.channelId }, 'button', payload, message);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private commandDataFor(
    who: Who,
    line: string,
    values: Record<string, OptionValue>,
    focused?: string,
  ) {
    const [name = '', ...rest] = line.split(' ');
    const subcommand = rest.length > 0 ? rest.join(' ') : undefined;
    const command = [...this.registered(who.guild?.id), ...this.registered()].find(
      (c) => c.name === name,
    );
    if (!command) throw new Error(`/${name} is not registered`);
    return commandData(command as never, subcommand, values, who.guild, focused);
  }

  private async interact(
    who: Who,
    kind: InteractionRecord['kind'],
    payload: object,
    pressed?: FakeMessage,
  ): Promise<InteractionRecord> {
    const id = this.newId();
    const ids = {
      id,
      token: `interaction-token-${id}`,
      applicationId: this.applicationId,
    };
    const place: InteractionPlace = who.guild
      ? { guild: who.guild, member: this.memberOf(who), channelId: who.channelId }
      : { dmChannelId: this.dmChannel(who.user.id)!.id, user: who.user };
    const channelId =
      'guild' in place ? (who.channelId ?? place.guild.channelId) : place.dmChannelId;
    const record: InteractionRecord = {
      id: ids.id,
      token: ids.token,
      kind,
      channelId,
      pressed,
      callbacks: [],
      followUps: [],
    };
    this.interactions.set(ids.id, record);
    this.gateway.dispatch(
      'INTERACTION_CREATE',
      { ...interactionBase(ids, place), ...payload },
      who.guild?.id,
    );
    await this.until(() => record.callbacks.length > 0, `an answer to interaction ${ids.id}`);
    return record;
  }

  private memberOf(who: Who) {
    const member = who.guild?.members.get(who.user.id);
    if (!member) throw new Error(`${who.user.username} is not a member of ${who.guild?.name}`);
    return member;
  }

  private until(check: () => boolean, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.changed.off('call', listener);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.off('call', listener);
        reject(new Error(`the fake Discord saw no ${what}`));
      }, WAIT_MS);
      this.changed.on('call', listener);
    });
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length).split('/').map(decodeURIComponent).join('/')
      : url.pathname;
    const method = request.method ?? 'GET';
    const { body, files } = await readBody(request);
    const auth = request.headers.authorization === `Bot ${this.token}`;
    if (auth) this.requestTimes.push(Date.now());
    const answer: RestAnswer =
      !auth && !TOKENLESS.test(path)
        ? { status: 401, body: { code: 0, message: '401: Unauthorized' } }
        : (this.injected(method, path) ??
          this.overGlobalLimit(auth) ??
          restRoute(this, { method, path, body, files }));
    this.calls.push({ method, path, auth, body, files, status: answer.status });
    response.writeHead(answer.status, {
      ...(answer.body !== undefined && { 'content-type': 'application/json' }),
      ...answer.headers,
    });
    response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    this.changed.emit('call');
  }

  /** Discord's global limit over a sliding second: a 429 marked global beyond it. */
  private overGlobalLimit(auth: boolean): RestAnswer | undefined {
    if (!auth || this.requestsPerSecond === undefined) return undefined;
    const now = performance.now();
    this.recent = this.recent.filter((at) => at > now - 1_000);
    if (this.recent.length < this.requestsPerSecond) {
      this.recent.push(now);
      return undefined;
    }
    this.tooManyRequests += 1;
    return {
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: true },
    };
  }

  private injected(method: string, path: string): RestAnswer | undefined {
    const failure = this.failures.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method === method) &&
        (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path)),
    );
    if (!failure) return undefined;
    failure.remaining--;
    const message = failure.message ?? 'Injected failure';
    if (failure.status === 429) {
      const retryAfter = failure.retryAfter ?? 1;
      return {
        status: 429,
        headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      };
    }
    return { status: failure.status, body: { code: failure.code ?? 0, message } };
  }
}
