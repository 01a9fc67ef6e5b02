import type { IncomingMessage } from 'node:http';
import {
  dmChannelObject,
  EPHEMERAL,
  type FakeEmbed,
  type FakeMessage,
  type FakeUser,
  messageObject,
  type UploadedFile,
} from './discord-payloads.ts';
import { type ScheduledEventWorld, scheduledEventRoute } from './fake-discord-events.ts';

/** One REST request the fake received. */
export interface RestCall {
  method: string;
  /** Path after `/api/v10`, decoded (`@original`, not `%40original`). */
  path: string;
  /** Whether the request carried `Authorization: Bot <token>` with the right token. */
  auth: boolean;
  body: unknown;
  files: UploadedFile[];
  status: number;
}

/** An answer the fake gives instead of doing the call: `{code, message}` with a status. */
export interface InjectedFailure {
  method?: string;
  /** Matched against the decoded path, e.g. `/channels/` or /\/users\/@me\/channels/. */
  path: string | RegExp;
  status: number;
  code?: number;
  message?: string;
  /** Seconds, for 429 answers (header and body). */
  retryAfter?: number;
  /** How many calls it hits (default 1). */
  times?: number;
}

/** What an interaction led to, as a person would see it. */
export interface InteractionRecord {
  id: string;
  token: string;
  kind: 'command' | 'button' | 'autocomplete' | 'form';
  /** The channel it happened in, where replies appear. */
  channelId: string;
  /** The message whose button was pressed. */
  pressed?: FakeMessage;
  /**
   * Callback types in order: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices,
   * 9 a form (modal) shown.
   */
  callbacks: number[];
  /** The reply, or the pressed message when the interaction updated it. */
  original?: FakeMessage;
  followUps: FakeMessage[];
  /** Autocomplete choices offered. */
  choices?: { name: string; value: string | number }[];
  /** The form (modal) shown instead of an answer. */
  form?: FakeForm;
}

/** A modal as the bot sends it: its id, title and one text field per row. */
export interface FakeForm {
  custom_id: string;
  title: string;
  components: {
    type: number;
    components: { custom_id: string; label: string; style: number; required?: boolean }[];
  }[];
}

/** The state the REST routes act on, owned by FakeDiscord. */
export interface RestWorld extends ScheduledEventWorld {
  applicationId: string;
  botUser: FakeUser;
  gatewayUrl(): string;
  shards: number;
  commands: Map<string, object[]>;
  messages: Map<string, FakeMessage>;
  interactions: Map<string, InteractionRecord>;
  channelExists(channelId: string): boolean;
  guildOfChannel(channelId: string): string | undefined;
  dmChannel(userId: string): { id: string; user: FakeUser } | undefined;
  newId(): string;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Reads a JSON body, or the `payload_json` and `files[n]` of a multipart one. */
export async function readBody(
  request: IncomingMessage,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/')) {
    return { body: raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined, files: [] };
  }
  // The platform's own Request parses multipart bodies, boundaries included.
  const form = await new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: raw,
  }).formData();
  const files: UploadedFile[] = [];
  for (const [name, value] of form) {
    if (name.startsWith('files[') && typeof value !== 'string') {
      const bytes = Buffer.from(await value.arrayBuffer());
      files.push({
        filename: value.name,
        type: value.type,
        content: bytes.toString('utf8'),
        bytes,
      });
    }
  }
  const payload = form.get('payload_json');
  return { body: typeof payload === 'string' ? JSON.parse(payload) : {}, files };
}

const unknown = (code: number, message: string): RestAnswer => ({
  status: 404,
  body: { code, message },
});

/** Discord's REST API v10 routes the program uses, over the fake's state. */
export function restRoute(
  world: RestWorld,
  call: Pick<RestCall, 'method' | 'path' | 'body' | 'files'>,
): RestAnswer {
  const { method, path } = call;
  const body = (call.body ?? {}) as Record<string, unknown>;
  const parts = path.split('/').filter(Boolean);
  if (method === 'GET' && path === '/gateway/bot') {
    const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
    return {
      status: 200,
      body: { url: world.gatewayUrl(), shards: world.shards, session_start_limit: limit },
    };
  }
  if (method === 'GET' && path === '/applications/@me') {
    return { status: 200, body: { id: world.applicationId, name: 'Fake app', flags: 0 } };
  }
  if (parts[0] === 'applications' && parts.at(-1) === 'commands') {
    const scope = parts[2] === 'guilds' ? parts[3]! : 'global';
    if (method === 'PUT') world.commands.set(scope, registered(world, scope, call.body));
    return { status: 200, body: world.commands.get(scope) ?? [] };
  }
  if (method === 'POST' && parts[0] === 'interactions' && parts[3] === 'callback') {
    return interactionCallback(world, parts[1]!, body, call.files);
  }
  if (parts[0] === 'webhooks') return webhook(world, method, parts, body, call.files);
  const scheduled = scheduledEventRoute(world, method, parts, body);
  if (scheduled) return scheduled;
  if (method === 'POST' && path === '/users/@me/channels') {
    const dm = world.dmChannel(String(body.recipient_id));
    if (!dm) return unknown(10013, 'Unknown User');
    return { status: 200, body: dmChannelObject(dm.id, dm.user) };
  }
  if (method === 'POST' && parts[0] === 'channels' && parts[2] === 'messages') {
    const channelId = parts[1]!;
    if (!world.channelExists(channelId)) return unknown(10003, 'Unknown Channel');
    const message = store(world, channelId, body, call.files, 0);
    return { status: 200, body: messageObject(message, world.botUser) };
  }
  if (method === 'PATCH' && parts[0] === 'channels' && parts[2] === 'messages' && parts[3]) {
    const message = world.messages.get(parts[3]);
    if (!message || message.deleted || message.channelId !== parts[1]) {
      return unknown(10008, 'Unknown Message');
    }
    edit(message, body, call.files);
    message.edits = (message.edits ?? 0) + 1;
    return { status: 200, body: messageObject(message, world.botUser) };
  }
  return unknown(0, `404: Not Found (${method} ${path})`);
}

function registered(world: RestWorld, scope: string, list: unknown): object[] {
  return (list as object[]).map((command) => ({
    ...command,
    id: world.newId(),
    application_id: world.applicationId,
    version: world.newId(),
    ...(scope !== 'global' && { guild_id: scope }),
  }));
}

function interactionCallback(
  world: RestWorld,
  interactionId: string,
  body: Record<string, unknown>,
  files: UploadedFile[],
): RestAnswer {
  const record = world.interactions.get(interactionId);
  if (!record) return unknown(10062, 'Unknown interaction');
  if (record.callbacks.length > 0) {
    return {
      status: 400,
      body: { code: 40060, message: 'Interaction has already been acknowledged.' },
    };
  }
  const type = Number(body.type);
  const data = (body.data ?? {}) as Record<string, unknown>;
  record.callbacks.push(type);
  if (type === 4 || type === 5) {
    const flags = Number(data.flags ?? 0) & EPHEMERAL;
    record.original = store(world, record.channelId, type === 4 ? data : {}, files, flags);
  } else if (type === 6 || type === 7) {
    record.original = record.pressed;
    if (type === 7 && record.original) edit(record.original, data, files);
  } else if (type === 8) {
    record.choices = data.choices as InteractionRecord['choices'];
  } else if (type === 9) {
    record.form = data as unknown as FakeForm;
  }
  return { status: 204 };
}

function webhook(
  world: RestWorld,
  method: string,
  parts: string[],
  body: Record<string, unknown>,
  files: UploadedFile[],
): RestAnswer {
  const [, applicationId, token, , messageId] = parts;
  const record = [...world.interactions.values()].find((r) => r.token === token);
  if (applicationId !== world.applicationId || !record) return unknown(10015, 'Unknown Webhook');
  if (method === 'POST' && !messageId) {
    const flags = Number(body.flags ?? 0) & EPHEMERAL;
    const message = store(world, record.channelId, body, files, flags);
    record.followUps.push(message);
    return { status: 200, body: messageObject(message, world.botUser) };
  }
  const target =
    messageId === '@original' ? record.original : record.followUps.find((m) => m.id === messageId);
  if (!target || target.deleted) return unknown(10008, 'Unknown Message');
  if (method === 'DELETE') {
    target.deleted = true;
    return { status: 204 };
  }
  if (method === 'PATCH') edit(target, body, files);
  return { status: 200, body: messageObject(target, world.botUser) };
}

function store(
  world: RestWorld,
  channelId: string,
  body: Record<string, unknown>,
  files: UploadedFile[],
  flags: number,
): FakeMessage {
  const message: FakeMessage = {
    id: world.newId(),
    channelId,
    guildId: world.guildOfChannel(channelId),
    content: String(body.content ?? ''),
    components: (body.components as unknown[]) ?? [],
    files,
    flags,
    allowedMentions: body.allowed_mentions,
    embeds: (body.embeds as FakeEmbed[] | undefined) ?? [],
  };
  world.messages.set(message.id, message);
  return message;
}

function edit(message: FakeMessage, body: Record<string, unknown>, files: UploadedFile[]): void {
  if ('content' in body) message.content = String(body.content ?? '');
  if ('components' in body) message.components = (body.components as unknown[]) ?? [];
  if ('embeds' in body) message.embeds = (body.embeds as FakeEmbed[] | undefined) ?? [];
  if (files.length > 0 || Array.isArray(body.attachments)) message.files = files;
}
