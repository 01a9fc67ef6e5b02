/**
 * Errors the core raises on purpose. Each has a stable `code` that the command path turns into a
 * localized sentence; `params` fill the message's blanks.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** A record asked for by id does not exist in the caller's campaign. */
export class NotFoundError extends DomainError {
  constructor(
    entity: 'campaign' | 'supporter' | 'identity' | 'task' | 'event',
    id: number | string,
  ) {
    super(`${entity.toUpperCase()}_NOT_FOUND`, { entity, id });
  }
}
