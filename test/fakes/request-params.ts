import type { IncomingMessage } from 'node:http';

/** A file uploaded in a multipart request, as the fake keeps it. */
export interface UploadedFile {
  filename: string;
  type: string;
  /** The bytes read as UTF-8 text (CSV, ICS, JSON). */
  content: string;
  /** The bytes as sent (a PNG picture). */
  bytes: Buffer;
}

/** Parameters of a call: JSON values, or strings and files from a form. */
export type Params = Record<string, unknown>;

/**
 * Reads the parameters of a Bot API call the way Telegram accepts them: the query string, then a
 * JSON, URL-encoded or multipart body. Form values holding JSON (reply_markup) are decoded, and
 * `attach://name` values are replaced by the file uploaded under that name.
 */
export async function readParams(request: IncomingMessage): Promise<Params> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return params;
  const body = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    return { ...params, ...(JSON.parse(body.toString('utf8')) as Params) };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const fields = boundary
    ? multipartFields(body, boundary[1] ?? boundary[2]!)
    : new URLSearchParams(body.toString('utf8'));
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of fields) {
    if (typeof value === 'string') params[name] = decodeFormValue(value);
    else files.set(name, value);
  }
  for (const [name, value] of Object.entries(params)) {
    const attached = typeof value === 'string' && /^attach:\/\/(.+)$/.exec(value)?.[1];
    if (attached && files.has(attached)) params[name] = files.get(attached);
  }
  for (const [name, file] of files) params[name] ??= file;
  return params;
}

/**
 * Splits a multipart body into fields. Written by hand because grammY's encoder writes headers
 * without spaces and file names without quotes, which stricter parsers reject.
 */
function multipartFields(body: Buffer, boundary: string): [string, string | UploadedFile][] {
  const parts = body.toString('latin1').split(`--${boundary}`).slice(1, -1);
  return parts.map((part) => {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    const bytes = Buffer.from(part.slice(split + 4, -2), 'latin1');
    const content = bytes.toString('utf8');
    const name = /(?:^|[;\s])name="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
    return [name, filename === undefined ? content : { filename, type, content, bytes }];
  });
}

function decodeFormValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
