import type { SpacePlatform } from '../campaigns/campaign.types.ts';

/**
 * Where a mirror stands on the platform: shown, cancelled there, marked as over, or deleted by
 * the server's people (then left alone).
 */
export type MirrorState = 'scheduled' | 'cancelled' | 'completed' | 'removed';

/** An event shown on a bound server's own calendar (a Discord Guild Scheduled Event). */
export interface EventMirror {
  id: number;
  campaignId: number;
  eventId: number;
  chatSpaceId: number;
  /** The platform's id of the mirrored event, once created. */
  externalId: string | null;
  /** Fingerprint of what was last sent. */
  syncedHash: string | null;
  state: MirrorState;
  attempts: number;
  retryAt: Date | null;
}

/** What a server's calendar shows of an event. */
export interface MirroredEvent {
  title: string;
  /** The event's description, its shifts and its number. */
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A platform's own calendar of a server (Discord's Guild Scheduled Events), implemented by its
 * adapter. Every method throws {@link MirrorPermissionError} when the bot may not do it;
 * `update` throws {@link MirrorGoneError} when the mirror was deleted there.
 */
export interface MirrorTarget {
  readonly platform: SpacePlatform;
  /** Whether this process serves the server (its shard runs here). */
  serves(spaceId: string): boolean;
  /** Creates the mirror and returns the platform's id of it. */
  create(spaceId: string, event: MirroredEvent): Promise<string>;
  update(spaceId: string, externalId: string, event: MirroredEvent): Promise<void>;
  cancel(spaceId: string, externalId: string): Promise<void>;
  /** Marks it as over (a mirror already over or gone counts as done). */
  complete(spaceId: string, externalId: string): Promise<void>;
  /** Sends one private message to a platform user. */
  tell(userId: string, text: string): Promise<void>;
}

/** The platform refused for want of a permission (Discord's Manage Events). */
export class MirrorPermissionError extends Error {
  override readonly name = 'MirrorPermissionError';
}

/** The mirror is gone from the platform (deleted in the server). */
export class MirrorGoneError extends Error {
  override readonly name = 'MirrorGoneError';
}

/** What a change in a mirror leads to when it is written back. */
export interface MirrorSettlement {
  externalId?: string;
  syncedHash?: string;
  state?: MirrorState;
}
