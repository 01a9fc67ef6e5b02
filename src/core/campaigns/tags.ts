import { DomainError } from '../errors.ts';
import type { Store } from '../ports.ts';
import type { TagCount } from './stats.types.ts';

const LISTED_TAGS = 20;

/** Tags are case-insensitive labels: compared and stored trimmed and lower-case. */
export function normalizeTag(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * The campaign's tag of that name (any case); otherwise raises a sentence naming the tags that
 * do exist, so an organizer can fix a typo.
 */
export async function requireTag(
  store: Store,
  campaignId: number,
  name: string,
): Promise<TagCount> {
  const [tag] = await store.stats.tags(campaignId, name);
  if (tag) return tag;
  const known = (await store.stats.tags(campaignId)).map((t) => t.name);
  if (known.length === 0) throw new DomainError('ORGANIZER_NO_TAGS', { tag: name });
  const listed = known.slice(0, LISTED_TAGS).join(', ');
  throw new DomainError('ORGANIZER_UNKNOWN_TAG', {
    tag: name,
    tags: known.length > LISTED_TAGS ? `${listed}, …` : listed,
  });
}
