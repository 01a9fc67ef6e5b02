import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { CampaignEvent, EventPatch, RsvpChoice } from './event.types.ts';
import type { EventChange } from './event-changes.ts';
import type { EventDraft } from './events.service.ts';
import type { EventSeries, SeriesScope } from './series.types.ts';
import { cancelSeries, editSeries } from './series-changes.ts';
import { checkRepeat, type RepeatInput } from './series-input.ts';
import {
  addOccurrence,
  answerFor,
  copyTemplateShifts,
  extendSeries,
  horizonAt,
} from './series-occurrences.ts';

/** A new series: its first occurrence and how many are scheduled so far. */
export interface CreatedSeries {
  series: EventSeries;
  first: CampaignEvent;
  scheduled: CampaignEvent[];
}

/**
 * Recurring series of events: an RFC 5545 rule in the campaign's zone, occurrences made a rolling
 * horizon ahead, edits and cancellations of one, the following or all occurrences, and standing
 * answers to every future occurrence.
 */
export class SeriesService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * Schedules a series starting with `draft`: the series and the occurrences up to the horizon
   * in one transaction (a refused rule writes nothing).
   */
  create(
    campaign: Campaign,
    draft: EventDraft,
    repeat: RepeatInput,
    createdById: number | null,
  ): Promise<CreatedSeries> {
    const now = this.deps.clock.now();
    const frame = { zone: campaign.timezone, locale: campaign.locale };
    const checked = checkRepeat(repeat, draft.startsAt, now, frame);
    const durationMinutes = Math.round(
      (draft.endsAt.getTime() - draft.startsAt.getTime()) / 60_000,
    );
    const horizon = new Date(Math.max(horizonAt(now).getTime(), checked.starts[0]!.getTime()));
    return this.deps.store.transaction(async (store) => {
      let series = await store.series.create(campaign.id, {
        campaignId: campaign.id,
        rule: checked.rule,
        firstStart: checked.firstStart,
        timezone: checked.timezone,
        durationMinutes,
        title: draft.title,
        description: draft.description ?? null,
        location: draft.location ?? null,
        capacity: draft.capacity ?? null,
        reminderOffsets: draft.reminderOffsets ?? null,
        hostId: draft.hostId ?? null,
        createdById,
        templateId: null,
        materializedUntil: horizon,
      });
      const deps = { ...this.deps, store };
      const scheduled: CampaignEvent[] = [];
      for (const start of checked.starts.filter((s) => s <= horizon)) {
        const made = await addOccurrence(deps, campaign, series, start);
        if (made) scheduled.push(made);
      }
      const first = scheduled[0]!;
      series = await store.series.update(campaign.id, series.id, { templateId: first.id });
      return { series, first, scheduled };
    });
  }

  /** The series an occurrence belongs to, or null. */
  find(campaignId: number, seriesId: number | null): Promise<EventSeries | null> {
    if (seriesId === null) return Promise.resolve(null);
    return this.deps.store.series.findById(campaignId, seriesId);
  }

  /** Makes occurrences up to the horizon for every series short of it (the scheduler tick). */
  extend(): Promise<number> {
    return extendSeries(this.deps);
  }

  /** Edits one occurrence, it and the following ones, or all those to come. */
  edit(
    campaign: Campaign,
    occurrence: CampaignEvent,
    patch: EventPatch,
    scope: SeriesScope,
    options: { confirm?: boolean } = {},
  ): Promise<EventChange & { count: number }> {
    return editSeries(this.deps, campaign, occurrence, patch, scope, options);
  }

  /** Cancels one occurrence, it and the following ones, or all those to come. */
  cancel(
    campaign: Campaign,
    occurrence: CampaignEvent,
    scope: SeriesScope,
    reason: string | null,
  ): Promise<EventChange & { count: number }> {
    return cancelSeries(this.deps, campaign, occurrence, scope, reason);
  }

  /** Refuses `series:` on an event outside a series, before any answer is written. */
  async assertInSeries(campaignId: number, eventId: number, usage: string): Promise<void> {
    const event = await this.deps.store.events.findById(campaignId, eventId);
    if (!event || event.seriesId !== null) return;
    throw new DomainError('SERIES_NOT_SERIES', { id: eventId, option: 'series', example: usage });
  }

  /**
   * `series:on`: the answer (to the occurrence, or to shift `shiftNumber` of it) becomes the
   * supporter's answer to every later occurrence, those scheduled and those to come; returns how
   * many scheduled ones took it. `series:off` stops it (answers already given stay); returns 0.
   */
  async standingAnswer(
    campaign: Campaign,
    occurrenceId: number,
    supporterId: number,
    answer: RsvpChoice,
    on: boolean,
    shiftNumber?: number,
  ): Promise<number> {
    const { store, clock } = this.deps;
    const occurrence = await store.events.findById(campaign.id, occurrenceId);
    if (!occurrence || occurrence.seriesId === null) return 0;
    const seriesId = occurrence.seriesId;
    if (!on) {
      await store.series.dropStanding(seriesId, supporterId);
      return 0;
    }
    const standing = { seriesId, supporterId, answer, shiftNumber: shiftNumber ?? null };
    await store.series.setStanding(standing);
    const now = clock.now();
    let answered = 0;
    for (const later of await store.series.occurrences(campaign.id, seriesId)) {
      if (later.startsAt <= occurrence.startsAt || later.startsAt <= now) continue;
      const shifts = await store.events.listShifts(campaign.id, later.id);
      if (await answerFor(this.deps, campaign, standing, later, shifts)) answered += 1;
    }
    return answered;
  }

  /**
   * After a shift is added to a series' template occurrence, the occurrences to come get it too
   * (those made later copy it anyway).
   */
  async shiftAdded(campaign: Campaign, eventId: number): Promise<void> {
    const { store, clock } = this.deps;
    const event = await store.events.findById(campaign.id, eventId);
    const series = await this.find(campaign.id, event?.seriesId ?? null);
    if (!series || series.templateId !== eventId) return;
    const now = clock.now();
    for (const later of await store.series.occurrences(campaign.id, series.id, now)) {
      if (later.status !== 'scheduled' || later.id === eventId) continue;
      await store.transaction((tx) => copyTemplateShifts(tx, series, later));
    }
  }
}
