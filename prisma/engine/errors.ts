import type { ErrorRegistry } from '@prisma/driver-adapter-utils';

/** A failure reported by the schema engine, with Prisma's error code when it has one. */
export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    message: string,
    /** Prisma error code such as `P3005`, when known. */
    readonly code?: string,
    /** True when the WebAssembly engine itself crashed (a Rust panic). */
    readonly isPanic = false,
    readonly meta?: unknown,
  ) {
    super(message);
  }
}

/**
 * Turns whatever the engine threw into an `EngineError`. Errors raised by the driver adapter
 * reach the engine as "External error id#N"; the registry gives back the original error.
 */
export function toEngineError(error: unknown, registry?: ErrorRegistry): EngineError {
  if (error instanceof EngineError) return error;
  const external = /External error id#(\d+)/.exec(String((error as Error)?.message));
  const original = external && registry?.consumeError(Number(external[1]))?.error;
  if (original) return toEngineError(original);
  if (error instanceof Error && error.name === 'RuntimeError') {
    // A WebAssembly trap: the Rust code panicked.
    return new EngineError(`The schema engine crashed: ${error.message}`, undefined, true);
  }
  const { message, code, meta } = error as { message?: string; code?: unknown; meta?: unknown };
  const prismaCode = typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
  return new EngineError(message ?? String(error), prismaCode, false, meta);
}
