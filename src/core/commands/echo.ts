import type { MessageParams } from '../i18n/i18n.ts';

/** Longest value an error sentence repeats back to its author. */
export const MAX_ECHO_LENGTH = 80;

/**
 * The parameters of an error sentence with every text value cut to {@link MAX_ECHO_LENGTH}
 * characters (and an ellipsis), so whatever someone typed is never sent back whole.
 */
export function clipEchoes(params: MessageParams = {}): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && value.length > MAX_ECHO_LENGTH
        ? `${value.slice(0, MAX_ECHO_LENGTH)}…`
        : value,
    ]),
  );
}
