import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { calendarRoute } from '../../src/http/calendar-route.ts';
import { PromDeliveryMetrics } from '../../src/http/metrics.ts';
import { type HttpServer, startHttpServer } from '../../src/http/server.ts';
import { eventFixtures } from '../core/events-fixtures.ts';
import { consoleAdmin, useCore } from '../support/core-harness.ts';

const BASE = 'https://organizer.example.org';
const h = useCore({ publicBaseUrl: BASE });
const f = eventFixtures(h);
let server: HttpServer;
let ana: Actor;

beforeAll(async () => {
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    metrics: new PromDeliveryMetrics(),
    ready: () => true,
    log: { error: () => {} },
    routes: [calendarRoute(h.core.services.calendars)],
  });
  ana = await h.volunteer('900', 'ana');
});

afterAll(() => server?.close());

/** The feed path a reply gives (`https://…/calendar/<token>.ics`), without the base. */
function feedPath(text: string): string {
  const https = new RegExp(`${BASE}(/calendar/[\\w-]+\\.ics)`).exec(text)?.[1];
  if (!https) throw new Error(`no feed address in: ${text}`);
  return https;
}

async function get(path: string) {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

function vevents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: vevent.getFirstPropertyValue('uid'),
    summary: vevent.getFirstPropertyValue('summary'),
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    status: vevent.getFirstPropertyValue('status'),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    lastModified: vevent.getFirstPropertyValue('last-modified'),
  }));
}

describe('personal calendar feed', () => {
  it('gives a private webcal:// address whose token carries at least 128 random bits', async () => {
    const reply = h.text(await h.say(ana, '/calendar'));
    expect(reply).toContain(`webcal://organizer.example.org/calendar/`);
    expect(reply).toContain('Keep it private');
    const token = /calendar\/([\w-]+)\.ics/.exec(reply)?.[1] ?? '';
    expect(token.length * 6).toBeGreaterThanOrEqual(128 + 64);
    expect(h.text(await h.say(ana, '/calendar'))).toContain(token);
  });

  it('holds what the supporter said yes to and the due times of their tasks, updated live', async () => {
    const going = await f.createEvent(consoleAdmin, 'title:"Door knock" start:"2026-12-05 18:00"');
    const skipped = await f.createEvent(
      consoleAdmin,
      'title:"Phone bank" start:"2026-12-06 18:00"',
    );
    await h.say(ana, `/event rsvp ${going} yes`);
    await h.say(ana, `/event rsvp ${skipped} no`);
    await h.say(
      consoleAdmin,
      '/task create title:"Print flyers" due:"2026-12-04 12:00" notify:off',
    );
    await h.say(ana, '/task claim 1');
    const path = feedPath(h.text(await h.say(ana, '/calendar')));
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.type).toContain('text/calendar');
    const entries = vevents(first.text);
    expect(entries.map((e) => e.summary)).toEqual(['Door knock', 'Print flyers']);
    expect(entries[0]).toMatchObject({ uid: `event-${going}@organizer`, status: 'CONFIRMED' });

    await h.say(consoleAdmin, `/event edit ${going} start:"2026-12-05 19:00"`);
    const moved = vevents((await get(path)).text)[0]!;
    expect(moved.uid).toBe(entries[0]!.uid);
    expect(moved.sequence).toBeGreaterThan(entries[0]!.sequence);
    expect(moved.start).toEqual(new Date('2026-12-05T18:00:00Z'));
    expect(moved.lastModified).toBeTruthy();

    await h.say(consoleAdmin, `/event cancel ${going} Rain`);
    const cancelled = vevents((await get(path)).text)[0]!;
    expect(cancelled).toMatchObject({ uid: entries[0]!.uid, status: 'CANCELLED' });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });

  it('answers 404 to a wrong token, and to the old one after /calendar reset', async () => {
    const old = feedPath(h.text(await h.say(ana, '/calendar')));
    expect((await get(old)).status).toBe(200);
    const wrong = old.replace(/[\w-](?=\.ics$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await get(wrong)).status).toBe(404);
    expect((await get('/calendar/nope.ics')).status).toBe(404);
    const renewed = feedPath(h.text(await h.say(ana, '/calendar reset')));
    expect(renewed).not.toBe(old);
    expect((await get(old)).status).toBe(404);
    expect((await get(renewed)).status).toBe(200);
  });

  it('is gone once the supporter is erased', async () => {
    const bo = await h.volunteer('901', 'bo');
    const path = feedPath(h.text(await h.say(bo, '/calendar')));
    expect((await get(path)).status).toBe(200);
    await h.say(bo, '/forgetme confirm:on');
    expect((await get(path)).status).toBe(404);
  });
});

describe('campaign calendar feed', () => {
  it('is shown to organizers by /setup and lists upcoming events, cancelled ones marked', async () => {
    const setup = h.text(await h.say(consoleAdmin, '/setup'));
    expect(setup).toContain('Campaign calendar');
    const path = feedPath(setup.replace('webcal://organizer.example.org', BASE));
    const rally = await f.createEvent(consoleAdmin, 'title:"Rally" start:"2026-12-12 10:00"');
    const entries = vevents((await get(path)).text);
    expect(entries.find((e) => e.uid === `event-${rally}@organizer`)?.status).toBe('CONFIRMED');
    expect(entries.some((e) => e.summary === 'Door knock' && e.status === 'CANCELLED')).toBe(true);
  });

  it('logs a failing feed by its route, never with its token', async () => {
    const logged: Record<string, unknown>[] = [];
    const failing = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: new PromDeliveryMetrics(),
      ready: () => true,
      log: { error: (details) => logged.push(details) },
      routes: [calendarRoute({ render: () => Promise.reject(new Error('database down')) })],
    });
    const response = await fetch(`http://127.0.0.1:${failing.port}/calendar/s3cretToken.ics`);
    await failing.close();
    expect(response.status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.path).toBe('/calendar/…');
    expect(JSON.stringify(logged)).not.toContain('s3cretToken');
  });
});
