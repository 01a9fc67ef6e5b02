import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { Log } from '../../core/deps.ts';
import type { RouteHandler } from '../../http/server.ts';

/**
 * Largest webhook body read. Telegram's updates are a few kilobytes (a 4096-character message,
 * perhaps quoting another); anything larger is refused before it is held in memory.
 */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The fields the adapter reads, checked before grammY sees the update; the rest passes through. */
const updateShape = z.looseObject({
  update_id: z.number().int(),
  message: z.looseObject({ text: z.string().optional() }).optional(),
  callback_query: z.looseObject({ data: z.string().optional() }).optional(),
});

class BodyTooLarge extends Error {}

/**
 * The webhook route's handler: a wrong or missing secret gets 401 before the body is read; a body
 * over {@link MAX_WEBHOOK_BODY_BYTES} gets 413 as soon as that is known (from its announced length
 * or while it arrives); a body that is not JSON, or not an update whose text and button data are
 * strings, gets 400. Each refusal of a request with the right secret is logged as one line.
 */
export function telegramWebhookHandler(bot: Bot, secret: string, log: Log): RouteHandler {
  const handleUpdate = webhookCallback(bot, 'callback', { secretToken: secret });
  return async (request, response) => {
    if (!secretMatches(request, secret)) return refuse(response, 401, 'unauthorized');
    let body: string;
    try {
      body = await readBounded(request, MAX_WEBHOOK_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      log.warn({ limitBytes: MAX_WEBHOOK_BODY_BYTES }, 'telegram webhook body too large');
      // The rest of the body is not wanted: answer, then close the connection.
      response.setHeader('connection', 'close');
      refuse(response, 413, 'body too large');
      response.once('finish', () => request.destroy());
      return;
    }
    const update = parseUpdate(body);
    if (!update) {
      log.warn({ bytes: Buffer.byteLength(body) }, 'telegram webhook body is not an update');
      return refuse(response, 400, 'not an update');
    }
    await handleUpdate(update, () => undefined, secret);
    if (!response.headersSent) response.writeHead(200).end();
  };
}

function secretMatches(request: IncomingMessage, secret: string): boolean {
  const header = request.headers[SECRET_HEADER];
  const given = Buffer.from((Array.isArray(header) ? header[0] : header) ?? '');
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Reads the body as UTF-8, failing with {@link BodyTooLarge} once it passes `limit` bytes. */
function readBounded(request: IncomingMessage, limit: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

function parseUpdate(body: string): Update | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  return updateShape.safeParse(json).success ? (json as Update) : null;
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}
