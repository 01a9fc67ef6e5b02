import type { SpacePlatform } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { translator } from '../i18n/i18n.ts';
import { isRegistered } from '../interaction/registered.ts';
import type { Reply } from '../interaction/reply.ts';
import { privacyNotice } from '../supporters/privacy-notice.ts';
import { recordRsvp } from './rsvp.ts';

/** Someone marked a mirrored event as interesting on the server's calendar, or unmarked it. */
export interface InterestChange {
  platform: SpacePlatform;
  /** The server (guild id). */
  spaceId: string;
  /** The platform's id of the mirrored event. */
  externalEventId: string;
  userId: string;
  interested: boolean;
}

/** What it came to: an answer recorded, the privacy notice to send privately first, or nothing. */
export type InterestOutcome =
  | { kind: 'answered'; eventId: number; answer: 'maybe' | 'no' }
  | { kind: 'notice'; reply: Reply }
  | { kind: 'ignored'; reason: string };

/**
 * "Interested" counts as a maybe from a registered supporter, unless they already said yes,
 * maybe or wait; taking it back withdraws a maybe (an answer given otherwise stays). Someone not
 * registered gets the privacy notice, and nothing about them is stored until they agree.
 */
export async function changeInterest(
  deps: CoreDeps,
  change: InterestChange,
): Promise<InterestOutcome> {
  const { store } = deps;
  const space = await store.campaigns.findSpace(change.platform, change.spaceId);
  if (!space) return { kind: 'ignored', reason: 'unbound server' };
  const mirror = await store.eventMirrors.findByExternal(space.id, change.externalEventId);
  if (!mirror) return { kind: 'ignored', reason: 'not a mirrored event' };
  const campaign = await store.campaigns.findById(mirror.campaignId);
  if (!campaign) return { kind: 'ignored', reason: 'no campaign' };
  const who = await store.supporters.findByIdentity(campaign.id, change.platform, change.userId);
  if (!isRegistered(who)) {
    if (!change.interested) return { kind: 'ignored', reason: 'not registered' };
    const t = translator(campaign.locale);
    const platform = deps.settings.platformNames[change.platform] ?? change.platform;
    const notice = privacyNotice(t, campaign, platform, true);
    return { kind: 'notice', reply: { ...notice, private: true, locale: campaign.locale } };
  }
  // An event with shifts is answered per shift, which "Interested" cannot say.
  const shifts = await store.events.listShifts(campaign.id, mirror.eventId);
  if (shifts.some((shift) => shift.status === 'scheduled')) {
    return { kind: 'ignored', reason: 'answered per shift' };
  }
  const current = await store.events.findRsvp(campaign.id, mirror.eventId, who.id);
  const answer = change.interested ? 'maybe' : 'no';
  if (change.interested && current && current.answer !== 'no') {
    return { kind: 'ignored', reason: `already answered ${current.answer}` };
  }
  if (!change.interested && current?.answer !== 'maybe') {
    return { kind: 'ignored', reason: 'no maybe to withdraw' };
  }
  try {
    await recordRsvp(deps, campaign, mirror.eventId, who.id, answer);
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'ignored', reason: error.code };
    throw error;
  }
  return { kind: 'answered', eventId: mirror.eventId, answer };
}
