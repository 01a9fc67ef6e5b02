import { afterAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../src/main.ts';
import { tempSqliteUrl } from './support/databases.ts';

const file = tempSqliteUrl();
afterAll(() => file.cleanup());

describe('the program keeps series ahead', () => {
  it('makes the next dates of a series from its scheduler tick', async () => {
    const app = await startApp({
      env: {
        DATABASE_URL: file.url,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        SCHEDULER_CRON: '* * * * * *',
      },
      console: 'never',
    });
    try {
      const campaign = await app.core.services.campaigns.ensureDefault();
      const start = new Date(Date.now() + 24 * 60 * 60_000);
      const { series, first, scheduled } = await app.core.services.series.create(
        campaign,
        { title: 'Phone bank', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) },
        { repeat: 'weekly' },
        null,
      );
      expect(scheduled).toHaveLength(8);
      // As if the series had been made long ago: only its first date exists, nothing ahead.
      await app.db.client.event.deleteMany({
        where: { seriesId: series.id, NOT: { id: first.id } },
      });
      await app.db.client.eventSeries.update({
        where: { id: series.id },
        data: { materializedUntil: first.startsAt },
      });
      await vi.waitFor(
        async () =>
          expect(await app.db.client.event.count({ where: { seriesId: series.id } })).toBe(8),
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await app.stop();
    }
  });
});
