import type { Broadcast } from '../broadcasts/broadcast.types.ts';
import type { Campaign } from '../campaigns/campaign.types.ts';
import { coverNotice } from '../covers/content-covers.ts';
import type { CoreDeps } from '../deps.ts';
import { EventsService } from '../events/events.service.ts';
import { reportNotice } from '../reports/report-notice.ts';
import { ReportsService } from '../reports/reports.service.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { TasksService } from '../tasks/tasks.service.ts';
import { digestItems, digestNotice } from './content-digest.ts';
import { eventNotice } from './content-events.ts';
import { taskNotice } from './content-tasks.ts';
import {
  fitMessage,
  MESSAGE_LIMIT,
  messageLength,
  type NoticeBody,
  type NotificationView,
  notificationView,
} from './content-view.ts';
import type { Notification } from './notification.types.ts';
import type { NotificationContent, RenderedNotification } from './notification-content.ts';

const CAMPAIGN_TTL_MS = 5_000;
const KEPT_BROADCASTS = 50;

/**
 * Renders outbox rows at send time, from the current state of their subject, in the recipient's
 * language (theirs, else the campaign's) with times in their zone (theirs, else the campaign's).
 * Every message fits the smallest platform limit ({@link MESSAGE_LIMIT}) and every button carries
 * a command line of at most 64 bytes.
 */
export class CoreNotificationContent implements NotificationContent {
  private readonly tasks: TasksService;
  private readonly events: EventsService;
  private readonly reports: ReportsService;
  private readonly campaigns = new Map<number, { at: number; campaign: Campaign | null }>();
  private readonly broadcasts = new Map<string, Broadcast>();

  constructor(private readonly deps: CoreDeps) {
    this.tasks = new TasksService(deps);
    this.events = new EventsService(deps);
    this.reports = new ReportsService(deps);
  }

  async render(row: Notification, recipient: Supporter): Promise<RenderedNotification | null> {
    const campaign = await this.campaign(row.campaignId);
    if (!campaign) return null;
    const view = notificationView(campaign, recipient);
    const body = await this.body(row, recipient, campaign, view);
    return body && { ...body, blocks: fitMessage(body.blocks), locale: view.locale };
  }

  private async body(
    row: Notification,
    recipient: Supporter,
    campaign: Campaign,
    view: NotificationView,
  ): Promise<NoticeBody | null> {
    const { store, clock } = this.deps;
    switch (row.kind) {
      case 'event_reminder':
      case 'waitlist_promotion':
      case 'event_changed':
      case 'event_cancelled':
        return eventNotice(store, { ...row, kind: row.kind }, view);
      case 'task_due':
      case 'task_handout':
        return taskNotice(store, { ...row, kind: row.kind }, view);
      case 'broadcast':
        return this.broadcast(row, campaign, view);
      case 'fan_out_done':
        return {
          blocks: [
            view.t('notification.broadcast_queued', {
              id: row.broadcastId ?? 0,
              count: Number(row.payload.written ?? 0),
            }),
          ],
        };
      case 'digest': {
        const previous = await store.notifications.list(row.campaignId, {
          recipientId: recipient.id,
          status: ['sent'],
        });
        const services = { tasks: this.tasks, events: this.events };
        const items = await digestItems(services, previous, recipient, clock.now());
        return digestNotice(view, campaign, items);
      }
      case 'organizer_report':
        return reportNotice(this.reports, view, campaign, row);
      case 'cover_offer':
      case 'cover_taken':
        return coverNotice(store, { ...row, kind: row.kind }, view);
    }
  }

  /** The organizers' words under a line saying who sends them (left out if it would not fit). */
  private async broadcast(
    row: Notification,
    campaign: Campaign,
    view: NotificationView,
  ): Promise<NoticeBody | null> {
    if (row.broadcastId === null) return null;
    const broadcast = await this.broadcastRow(row.campaignId, row.broadcastId);
    if (!broadcast) return null;
    const blocks = [
      view.t('notification.broadcast_from', { campaign: campaign.name }),
      broadcast.message,
    ];
    return { blocks: messageLength(blocks) > MESSAGE_LIMIT ? [broadcast.message] : blocks };
  }

  /**
   * A dispatch renders many rows of one campaign in a row: its settings are read again at most
   * every few seconds, so a change made by /setup shows in the next messages.
   */
  private async campaign(id: number): Promise<Campaign | null> {
    const now = this.deps.clock.now().getTime();
    const hit = this.campaigns.get(id);
    if (hit && now - hit.at < CAMPAIGN_TTL_MS) return hit.campaign;
    const campaign = await this.deps.store.campaigns.findById(id);
    this.campaigns.set(id, { at: now, campaign });
    return campaign;
  }

  /** Broadcasts never change once sent, and one goes to many people: keep the latest few. */
  private async broadcastRow(campaignId: number, id: number): Promise<Broadcast | null> {
    const key = `${campaignId}:${id}`;
    const hit = this.broadcasts.get(key);
    if (hit) return hit;
    const broadcast = await this.deps.store.broadcasts.findById(campaignId, id);
    if (broadcast) {
      if (this.broadcasts.size >= KEPT_BROADCASTS) this.broadcasts.clear();
      this.broadcasts.set(key, broadcast);
    }
    return broadcast;
  }
}
