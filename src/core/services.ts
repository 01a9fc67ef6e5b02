import { BroadcastsService } from './broadcasts/broadcasts.service.ts';
import { CalendarsService } from './calendars/calendars.service.ts';
import { CampaignsService } from './campaigns/campaigns.service.ts';
import { StatsService } from './campaigns/stats.service.ts';
import { CoversService } from './covers/covers.service.ts';
import type { CoreDeps } from './deps.ts';
import { EventsService } from './events/events.service.ts';
import { PrivacyService } from './privacy/privacy.service.ts';
import { ReportsService } from './reports/reports.service.ts';
import { SupportersService } from './supporters/supporters.service.ts';
import { TasksService } from './tasks/tasks.service.ts';

/** The domain's services, each built from the same dependencies. */
export interface Services {
  campaigns: CampaignsService;
  supporters: SupportersService;
  tasks: TasksService;
  events: EventsService;
  covers: CoversService;
  calendars: CalendarsService;
  broadcasts: BroadcastsService;
  privacy: PrivacyService;
  stats: StatsService;
  reports: ReportsService;
}

export function createServices(deps: CoreDeps): Services {
  return {
    campaigns: new CampaignsService(deps),
    supporters: new SupportersService(deps),
    tasks: new TasksService(deps),
    events: new EventsService(deps),
    covers: new CoversService(deps),
    calendars: new CalendarsService(deps),
    broadcasts: new BroadcastsService(deps),
    privacy: new PrivacyService(deps),
    stats: new StatsService(deps),
    reports: new ReportsService(deps),
  };
}
