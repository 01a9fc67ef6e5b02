import type { Supporter } from '../../src/core/supporters/supporter.types.ts';
import type { Harness } from '../support/core-harness.ts';

/** The supporter behind a platform account in a campaign; fails the test when there is none. */
export async function supporterOf(
  h: Harness,
  campaignId: number,
  platform: string,
  userId: string,
): Promise<Supporter> {
  const found = await h.core.deps.store.supporters.findByIdentity(campaignId, platform, userId);
  if (!found) throw new Error(`no supporter for ${platform}:${userId} in campaign ${campaignId}`);
  return found;
}
