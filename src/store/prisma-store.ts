import type { DatabaseKind } from '../config.ts';
import type { Store } from '../core/ports.ts';
import { PrismaBroadcastRepo } from './prisma-broadcast.repo.ts';
import { PrismaCalendarFeedRepo } from './prisma-calendar-feed.repo.ts';
import { PrismaCampaignRepo } from './prisma-campaign.repo.ts';
import { PrismaCardRepo } from './prisma-card.repo.ts';
import { atomically, type DbClient } from './prisma-client.ts';
import { PrismaConversationStore } from './prisma-conversations.ts';
import { PrismaCoverRepo } from './prisma-cover.repo.ts';
import { PrismaEventRepo } from './prisma-event.repo.ts';
import { PrismaEventMirrorRepo } from './prisma-event-mirror.repo.ts';
import { PrismaFanOutRepo } from './prisma-fan-out.repo.ts';
import { PrismaNotificationRepo } from './prisma-notification.repo.ts';
import { PrismaPrivacyRepo } from './prisma-privacy.repo.ts';
import { PrismaSeriesRepo } from './prisma-series.repo.ts';
import { PrismaStatsRepo } from './prisma-stats.repo.ts';
import { PrismaSupporterRepo } from './prisma-supporter.repo.ts';
import { PrismaTaskRepo } from './prisma-task.repo.ts';

/** Every repository over one Prisma client (or one open transaction). */
export class PrismaStore implements Store {
  readonly campaigns: PrismaCampaignRepo;
  readonly supporters: PrismaSupporterRepo;
  readonly tasks: PrismaTaskRepo;
  readonly events: PrismaEventRepo;
  readonly series: PrismaSeriesRepo;
  readonly calendarFeeds: PrismaCalendarFeedRepo;
  readonly notifications: PrismaNotificationRepo;
  readonly privacy: PrismaPrivacyRepo;
  readonly broadcasts: PrismaBroadcastRepo;
  readonly stats: PrismaStatsRepo;
  readonly conversations: PrismaConversationStore;
  readonly fanOuts: PrismaFanOutRepo;
  readonly covers: PrismaCoverRepo;
  readonly eventMirrors: PrismaEventMirrorRepo;
  readonly cards: PrismaCardRepo;

  constructor(
    private readonly db: DbClient,
    private readonly kind: DatabaseKind,
  ) {
    this.campaigns = new PrismaCampaignRepo(db);
    this.supporters = new PrismaSupporterRepo(db);
    this.tasks = new PrismaTaskRepo(db);
    this.events = new PrismaEventRepo(db);
    this.series = new PrismaSeriesRepo(db);
    this.calendarFeeds = new PrismaCalendarFeedRepo(db);
    this.notifications = new PrismaNotificationRepo(db);
    this.privacy = new PrismaPrivacyRepo(db, kind);
    this.broadcasts = new PrismaBroadcastRepo(db);
    this.stats = new PrismaStatsRepo(db);
    this.conversations = new PrismaConversationStore(db);
    this.fanOuts = new PrismaFanOutRepo(db);
    this.covers = new PrismaCoverRepo(db);
    this.eventMirrors = new PrismaEventMirrorRepo(db);
    this.cards = new PrismaCardRepo(db);
  }

  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return atomically(this.db, (tx) =>
      work(tx === this.db ? this : new PrismaStore(tx, this.kind)),
    );
  }
}
