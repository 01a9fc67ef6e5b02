import type { ReplyFile } from '../core/interaction/reply.ts';

/** The bytes of a reply's file: text is sent as UTF-8. */
export function fileBytes(file: ReplyFile): Buffer {
  return typeof file.content === 'string'
    ? Buffer.from(file.content, 'utf8')
    : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
}

/** Pictures are shown as photos (Telegram) rather than sent as documents. */
export function isPicture(file: ReplyFile): boolean {
  return file.mimeType === 'image/png' || file.mimeType === 'image/jpeg';
}
