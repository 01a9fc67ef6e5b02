import { Readable } from 'node:stream';
import { isStreamed, type ReplyFile } from '../core/interaction/reply.ts';

/** The bytes of a reply's file: text is sent as UTF-8. A file read page by page has none. */
export function fileBytes(file: ReplyFile): Buffer {
  const { content } = file;
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (isStreamed(content)) throw new Error(`${file.name} is read page by page: use fileSource`);
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/**
 * What an upload reads a reply's file from: its bytes, or a stream that reads a large export a
 * page at a time while it is sent (grammY's `InputFile` and discord.js's attachments take both).
 */
export function fileSource(file: ReplyFile): Buffer | Readable {
  const { content } = file;
  if (!isStreamed(content)) return fileBytes(file);
  return Readable.from(utf8(content.pages()));
}

async function* utf8(pages: AsyncIterable<string>): AsyncIterable<Buffer> {
  for await (const page of pages) yield Buffer.from(page, 'utf8');
}

/** Pictures are shown as photos (Telegram) rather than sent as documents. */
export function isPicture(file: ReplyFile): boolean {
  return file.mimeType === 'image/png' || file.mimeType === 'image/jpeg';
}
