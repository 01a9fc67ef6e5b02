import { broadcastCommands } from './broadcast.commands.ts';
import type { CommandDefinition } from './define-command.ts';
import { peopleCommands } from './people.commands.ts';
import { reportCommands } from './report.commands.ts';
import { setupCommands } from './setup.commands.ts';

/** Commands that run the campaign: setup, broadcasts, supporters, tags, roles, reports. */
export const organizerCommands: CommandDefinition[] = [
  ...setupCommands,
  ...broadcastCommands,
  ...peopleCommands,
  ...reportCommands,
];
