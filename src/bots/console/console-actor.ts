import type { Actor, PlatformWords } from '../../core/interaction/request.ts';

/**
 * The person at the terminal: admin of the campaign they act for, named `@local` (or `me`) in
 * commands; their display name is in the campaign's language.
 */
export const CONSOLE_ACTOR: Actor = {
  platform: 'console',
  userId: 'local',
  username: 'local',
};

/** The console registers with `/join` and has no servers. */
export const CONSOLE_WORDS: PlatformWords = {
  joinCommand: '/join',
  listsAliases: false,
  spaceRoles: false,
};
