import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The engine class exported by `@prisma/schema-engine-wasm`. */
export type SchemaEngineClass = typeof bindings.SchemaEngine;

/** The part of the WebAssembly API used here (Node has it; the project's type libs do not). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
}

let loaded: SchemaEngineClass | undefined;

/**
 * Instantiates Prisma's schema engine WebAssembly module once per process and returns its
 * `SchemaEngine` class. The package's own entry imports the `.wasm` as an ES module, which
 * Node 20 cannot do, so the module is compiled here and wired to its JavaScript bindings.
 */
export function loadSchemaEngine(): SchemaEngineClass {
  if (loaded) return loaded;
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi })
    .WebAssembly;
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const module = new Module(readFileSync(bindingsPath.replace(/\.js$/, '.wasm')));
  const instance = new Instance(module, { './schema_engine_bg.js': withUnrefTimers() });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = bindings.SchemaEngine;
  return loaded;
}

/** Whether this process has loaded the engine (a start with nothing to migrate does not). */
export function schemaEngineLoaded(): boolean {
  return loaded !== undefined;
}

/** The engine build's revision, as the native engine's `--version` reports it. */
export function engineVersion(): string {
  loadSchemaEngine();
  return bindings.version();
}

/**
 * The bindings, except that timers the engine starts do not keep the process alive: it arms
 * timeouts around its work and never clears them, which would hold a finished process for
 * seconds to a minute. (`WasmSchemaEngine.run` keeps the process alive while a call runs.)
 */
function withUnrefTimers(): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const [name, value] of Object.entries(bindings)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    const setTimer = value as (...args: unknown[]) => { unref?: () => void } | undefined;
    imports[name] = (...args: unknown[]) => {
      const timer = setTimer(...args);
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}
