import { createInterface } from 'node:readline';
import type { DiffResult } from '@prisma/schema-engine-wasm';
import { createDatabase } from './database-admin.ts';
import { parseDatasource } from './datasource.ts';
import { type EngineOptions, WasmSchemaEngine } from './engine.ts';
import { EngineError, toEngineError } from './errors.ts';

type Message = { id?: number | string; method?: string; params?: Record<string, unknown> };

/** Time allowed to close connections once the CLI is done, before exiting anyway. */
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * Serves the schema engine's JSON-RPC protocol on stdin/stdout, one request at a time, and exits
 * the process when stdin closes or the CLI stops it.
 */
export function serveJsonRpc(options: Omit<EngineOptions, 'url'> & { url?: string }): void {
  const { url } = options;
  const engine = url
    ? WasmSchemaEngine.open({ ...options, url })
    : Promise.reject(new EngineError('No datasource URL was given (--datasource).'));
  engine.catch(() => {});

  const send = (message: object) =>
    process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  let printId = 0;

  const answer = async (method: string, params: Record<string, unknown>) => {
    if (method === 'createDatabase') {
      const target = (params.datasource as { url?: string } | undefined)?.url ?? url;
      if (!target) throw new EngineError('No database URL to create.');
      return { databaseName: await createDatabase(parseDatasource(target)) };
    }
    const result = await (await engine).run(method, params);
    if (method !== 'diff') return result;
    // The CLI prints what the engine sends as a `print` request, not what `diff` returns.
    const { stdout, exitCode } = result as DiffResult;
    if (stdout) send({ id: `print-${++printId}`, method: 'print', params: { content: stdout } });
    return { exitCode };
  };

  const handle = async (line: string) => {
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      return send({ id: null, error: { code: -32700, message: 'Parse error' } });
    }
    // Lines without a method are the CLI's acknowledgements of our `print` requests.
    if (!message.method) return;
    try {
      send({ id: message.id, result: (await answer(message.method, message.params ?? {})) ?? {} });
    } catch (error) {
      send({ id: message.id, error: rpcError(toEngineError(error)) });
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    queue
      .then(() => engine)
      .then((opened) => opened.close())
      .catch(() => {})
      .finally(() => process.exit(0));
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (line.trim()) queue = queue.then(() => handle(line));
  });
  lines.on('close', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/** The error shape the CLI reads: a message, Prisma's code and whether the engine panicked. */
function rpcError(error: EngineError) {
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: error.isPanic,
      message: error.message,
      meta: error.meta ?? null,
      error_code: error.code ?? null,
    },
  };
}
