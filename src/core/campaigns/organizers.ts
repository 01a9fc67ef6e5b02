import type { CoreDeps } from '../deps.ts';

/** The console's one user, admin of every campaign. */
const CONSOLE_ADMIN = { platform: 'console', externalId: 'local' };

/**
 * The supporter ids of a campaign's organizers and admins the assistant knows (promoted with
 * `/organizer add`, made admin, listed in ADMIN_IDS, or the console's user): who hears what only
 * organizers should.
 */
export function campaignOrganizers(deps: CoreDeps, campaignId: number): Promise<number[]> {
  const admins = deps.settings.admins.map((admin) => ({
    platform: admin.platform,
    externalId: admin.userId,
  }));
  return deps.store.stats.organizers(campaignId, [...admins, CONSOLE_ADMIN]);
}
