import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../src/main.ts';
import { tempSqliteUrl } from './support/databases.ts';

const file = tempSqliteUrl();
afterAll(() => file.cleanup());

/** A port nobody listens on right now (HTTP_PORT=0 means "no server", so one must be named). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the program with delivery', () => {
  it('serves health, readiness and delivery metrics on HTTP_PORT, and closes the port on stop', async () => {
    const port = await freePort();
    const app = await startApp({
      env: { DATABASE_URL: file.url, LOG_LEVEL: 'silent', HTTP_PORT: String(port) },
      console: 'never',
    });
    const base = `http://127.0.0.1:${app.http?.port}`;
    try {
      expect(app.http?.port).toBe(port);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('notification_queue_depth');
    } finally {
      await app.stop();
    }
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('runs no HTTP server when HTTP_PORT is 0', async () => {
    const app = await startApp({
      env: { DATABASE_URL: file.url, LOG_LEVEL: 'silent', HTTP_PORT: '0' },
      console: 'never',
    });
    expect(app.http).toBeUndefined();
    await app.stop();
  });
});
