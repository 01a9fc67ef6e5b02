import { createCatalogue } from './commands/index.ts';
import { CommandRunner } from './commands/run-command.ts';
import { TextCommands } from './commands/text-commands.ts';
import type { CoreDeps, ErrorLog } from './deps.ts';
import { createServices } from './services.ts';

/** The core assembled: services, the command catalogue and the command path. */
export function createCore(deps: CoreDeps, log: ErrorLog) {
  const services = createServices(deps);
  const catalogue = createCatalogue();
  const runner = new CommandRunner({ catalogue, services, deps, log });
  const text = new TextCommands(catalogue, runner, deps.store.conversations, deps.clock);
  return { deps, services, catalogue, runner, text };
}

export type Core = ReturnType<typeof createCore>;
