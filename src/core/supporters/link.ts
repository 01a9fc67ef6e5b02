import { randomInt } from 'node:crypto';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { isRegistered } from '../interaction/registered.ts';
import type { Actor } from '../interaction/request.ts';
import type { Identity, Supporter } from './supporter.types.ts';

/** Why a typed code links nothing. */
const LINK_REFUSALS = {
  unknown: 'LINK_UNKNOWN',
  expired: 'LINK_EXPIRED',
  used: 'LINK_USED',
} as const;

/** How long a link code works. */
export const LINK_CODE_MINUTES = 10;

/** Letters and digits that cannot be mistaken for one another when copied by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A supporter after linking, with all the platform accounts they now hold. */
export interface LinkResult {
  supporter: Supporter;
  identities: Identity[];
}

/** A fresh one-time code for this supporter, replacing any earlier one. */
export async function issueLinkCode(
  deps: CoreDeps,
  supporter: Supporter,
): Promise<{ code: string; expiresAt: Date }> {
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(
    '',
  );
  const expiresAt = new Date(deps.clock.now().getTime() + LINK_CODE_MINUTES * 60_000);
  await deps.store.supporters.createLinkCode(supporter.campaignId, supporter.id, code, expiresAt);
  return { code, expiresAt };
}

/**
 * Joins the account typing a code to the supporter who asked for it, in the code's campaign.
 * An account not yet known there is added to that supporter (their consent covers it); an
 * account known there is merged with them, the older supporter keeping the whole history.
 */
export function redeemLinkCode(deps: CoreDeps, actor: Actor, typed: string): Promise<LinkResult> {
  const { store, clock } = deps;
  const code = typed
    .trim()
    .replace(/^code:/i, '')
    .toUpperCase();
  return store.transaction(async (tx) => {
    const use = await tx.supporters.redeemLinkCode(code, clock.now());
    if (use.kind !== 'redeemed') throw new DomainError(LINK_REFUSALS[use.kind], { code });
    const { campaignId } = use;
    const owner = await tx.supporters.findById(campaignId, use.supporterId);
    if (!isRegistered(owner)) throw new DomainError('LINK_UNKNOWN', { code });
    const mine = await tx.supporters.findByIdentity(campaignId, actor.platform, actor.userId);
    if (mine?.id === owner.id) throw new DomainError('LINK_SAME_SUPPORTER');
    let supporter: Supporter;
    if (mine) {
      const [into, from] = mine.id < owner.id ? [mine, owner] : [owner, mine];
      supporter = await tx.supporters.merge(campaignId, into.id, from.id);
    } else {
      await tx.supporters.addIdentity(campaignId, owner.id, {
        platform: actor.platform,
        externalId: actor.userId,
        username: actor.username ?? null,
        chatId: actor.chatId ?? null,
      });
      supporter = owner;
    }
    return { supporter, identities: await tx.supporters.identities(campaignId, supporter.id) };
  });
}
