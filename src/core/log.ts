/** Where every part of the program reports what happened (pino fits). */
export interface Log {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** The part of {@link Log} a reporter of failures needs. */
export type ErrorLog = Pick<Log, 'error'>;
