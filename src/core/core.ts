import { createCatalogue } from './commands/index.ts';
import { CommandRunner } from './commands/run-command.ts';
import { TextCommands } from './commands/text-commands.ts';
import type { CoreDeps, ErrorLog } from './deps.ts';
import { FanOuts } from './notifications/fan-out.ts';
import { createServices } from './services.ts';

/** What the core is built from; it makes its own fan-out writer. */
export type CoreInput = Omit<CoreDeps, 'fanOuts'> & {
  /** Lease name of this process's fan-outs (default `core`); see {@link FanOuts}. */
  workerId?: string;
};

/** The core assembled: services, the command catalogue and the command path. */
export function createCore(input: CoreInput, log: ErrorLog) {
  const { workerId = 'core', ...rest } = input;
  const fanOuts = new FanOuts({ store: rest.store, clock: rest.clock, log, workerId });
  const deps: CoreDeps = { ...rest, fanOuts };
  const services = createServices(deps);
  const catalogue = createCatalogue();
  const runner = new CommandRunner({ catalogue, services, deps, log });
  const text = new TextCommands(catalogue, runner, deps.store.conversations, deps.clock);
  return { deps, services, catalogue, runner, text, workerId };
}

export type Core = ReturnType<typeof createCore>;
