import type { ErrorArgs, ErrorCode, ErrorParams } from './error-codes.ts';

/**
 * Errors the core raises on purpose. Each has a declared `code` (see `error-codes.ts`) that the
 * command path turns into a localized sentence; `params` fill the message's blanks.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: ErrorParams<C>;

  constructor(
    readonly code: C,
    ...[params]: ErrorArgs<C>
  ) {
    super(code);
    this.name = new.target.name;
    this.params = (params ?? {}) as ErrorParams<C>;
  }
}

const NOT_FOUND = {
  campaign: 'CAMPAIGN_NOT_FOUND',
  supporter: 'SUPPORTER_NOT_FOUND',
  identity: 'IDENTITY_NOT_FOUND',
  task: 'TASK_NOT_FOUND',
  event: 'EVENT_NOT_FOUND',
} as const;

/** A record asked for by id does not exist in the caller's campaign. */
export class NotFoundError extends DomainError<(typeof NOT_FOUND)[keyof typeof NOT_FOUND]> {
  constructor(entity: keyof typeof NOT_FOUND, id: number | string) {
    super(NOT_FOUND[entity], { id });
  }
}
