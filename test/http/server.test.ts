import { afterEach, describe, expect, it } from 'vitest';
import { PromDeliveryMetrics } from '../../src/http/metrics.ts';
import { type HttpServer, type HttpServerOptions, startHttpServer } from '../../src/http/server.ts';

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Partial<HttpServerOptions> = {}) {
  const errors: unknown[] = [];
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    metrics: new PromDeliveryMetrics(),
    ready: () => true,
    log: { error: (details) => errors.push(details.err) },
    ...options,
  });
  servers.push(server);
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, init);
    return { status: response.status, text: await response.text(), response };
  };
  return { server, get, errors };
}

describe('health and readiness', () => {
  it('answers ok on /healthz while the process runs', async () => {
    const { get } = await serve({ ready: () => false });
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.text.trim()).toBe('ok');
  });

  it('is ready only while the readiness check holds', async () => {
    let ready = false;
    const { get } = await serve({ ready: async () => ready });
    expect((await get('/readyz')).status).toBe(503);
    ready = true;
    expect((await get('/readyz')).status).toBe(200);
  });

  it('reports not ready, and logs why, when the readiness check throws', async () => {
    const { get, errors } = await serve({
      ready: () => {
        throw new Error('database unreachable');
      },
    });
    expect((await get('/readyz')).status).toBe(503);
    expect(errors).toHaveLength(1);
  });

  it('answers 404 for unknown paths and methods', async () => {
    const { get } = await serve();
    expect((await get('/nowhere')).status).toBe(404);
    expect((await get('/healthz', { method: 'POST' })).status).toBe(404);
  });
});

describe('metrics', () => {
  it('exposes delivery counters, lag and queue depth in Prometheus text', async () => {
    const metrics = new PromDeliveryMetrics();
    metrics.handled('event_reminder', 'telegram', 'sent');
    metrics.handled('event_reminder', 'telegram', 'sent');
    metrics.handled('task_due', 'discord', 'failed');
    metrics.handled('broadcast', 'none', 'skipped');
    metrics.lag(2.5);
    metrics.queueDepth(7);
    const { get } = await serve({ metrics });

    const { status, text, response } = await get('/metrics');
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain(
      'notifications_handled_total{kind="event_reminder",platform="telegram",outcome="sent"} 2',
    );
    expect(text).toContain(
      'notifications_handled_total{kind="task_due",platform="discord",outcome="failed"} 1',
    );
    expect(text).toContain(
      'notifications_handled_total{kind="broadcast",platform="none",outcome="skipped"} 1',
    );
    expect(text).toContain('notification_dispatch_lag_seconds_count 1');
    expect(text).toContain('notification_queue_depth 7');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('keeps each instance on its own registry', async () => {
    const first = new PromDeliveryMetrics();
    const second = new PromDeliveryMetrics();
    first.queueDepth(3);
    expect(await second.registry.metrics()).toContain('notification_queue_depth 0');
  });
});

describe('extra routes', () => {
  it('serves a registered route and turns its failure into a logged 500', async () => {
    const { get, errors } = await serve({
      routes: [
        {
          method: 'POST',
          path: '/telegram/webhook',
          handler: (_request, response) => response.writeHead(204).end(),
        },
        {
          method: 'POST',
          path: '/broken',
          handler: async () => {
            throw new Error('boom');
          },
        },
      ],
    });
    expect((await get('/telegram/webhook', { method: 'POST', body: '{}' })).status).toBe(204);
    expect((await get('/telegram/webhook')).status).toBe(404);
    expect((await get('/broken', { method: 'POST' })).status).toBe(500);
    expect(errors).toHaveLength(1);
  });

  it('stops listening on close', async () => {
    const { server, get } = await serve();
    await get('/healthz');
    servers.splice(servers.indexOf(server), 1);
    await server.close();
    await expect(get('/healthz')).rejects.toThrow();
  });
});
