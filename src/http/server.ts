import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { ErrorLog } from '../core/deps.ts';

/** Handles one request to an extra route; it must answer through `response`. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** An extra endpoint, such as the Telegram webhook (`POST /telegram/webhook`). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
}

export interface HttpServerOptions {
  port: number;
  /** Interface to listen on; all of them by default (tests use 127.0.0.1). */
  host?: string;
  /** Whose registry `/metrics` exposes (a `PromDeliveryMetrics`). */
  metrics: { readonly registry: Registry };
  /** Whether the process can do its work (database reachable, bots started): `/readyz`. */
  ready: () => Promise<boolean> | boolean;
  log: ErrorLog;
  routes?: readonly HttpRoute[];
}

/** The port is taken by another program (or not allowed): the start stops with this sentence. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';

  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (or not allowed): set HTTP_PORT to a free port, or HTTP_PORT=0 to run without the HTTP server.`,
    );
  }
}

/** A listening server and the way to stop it. */
export interface HttpServer {
  /** The bound port (useful when 0 asked for any free one). */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (200 while the process runs), `GET /readyz` (200 when `ready()` holds,
 * else 503), `GET /metrics` (Prometheus text) and the given extra routes; anything else is 404.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { port, host = '0.0.0.0', log } = options;
  const routes = new Map<string, RouteHandler>([
    ['GET /healthz', (_request, response) => answer(response, 200, 'ok\n')],
    ['GET /readyz', (_request, response) => readiness(options, response)],
    ['GET /metrics', (_request, response) => metrics(options.metrics.registry, response)],
    ...(options.routes ?? []).map(
      (route) => [`${route.method} ${route.path}`, route.handler] as const,
    ),
  ]);

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(`${request.method} ${path}`);
    try {
      await (handler ? handler(request, response) : answer(response, 404, 'not found\n'));
    } catch (error) {
      log.error({ err: error, method: request.method, path }, 'HTTP request failed');
      if (!response.headersSent) answer(response, 500, 'internal error\n');
      else response.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new PortUnavailableError(port)
          : error,
      );
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (Prometheus scrapers) would otherwise hold the close open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

async function readiness(options: HttpServerOptions, response: ServerResponse): Promise<void> {
  let ready = false;
  try {
    ready = await options.ready();
  } catch (error) {
    options.log.error({ err: error }, 'readiness check failed');
  }
  answer(response, ready ? 200 : 503, ready ? 'ready\n' : 'not ready\n');
}

async function metrics(registry: Registry, response: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType });
  response.end(text);
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
