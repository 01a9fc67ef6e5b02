import type { CalendarsService } from '../core/calendars/calendars.service.ts';
import { answer, type HttpRoute } from './server.ts';

const FEED_PATH = /^\/calendar\/([^/]+)\.ics$/;

/**
 * `GET /calendar/<token>.ics`: a live calendar feed (`text/calendar`); 404 for an unknown token
 * or the feed of an erased supporter.
 */
export function calendarRoute(calendars: Pick<CalendarsService, 'render'>): HttpRoute {
  return {
    method: 'GET',
    path: '/calendar/',
    prefix: true,
    async handler(request, response) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const token = FEED_PATH.exec(path)?.[1];
      const ics = token ? await calendars.render(token) : null;
      if (!ics) return answer(response, 404, 'not found\n');
      response.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
      });
      response.end(ics);
    },
  };
}
