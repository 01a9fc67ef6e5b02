import { calendarCommands } from './calendar.commands.ts';
import { Catalogue } from './catalogue.ts';
import { coverCommands } from './cover.commands.ts';
import { eventCommands } from './event.commands.ts';
import { helpCommands } from './help.commands.ts';
import { organizerCommands } from './organizer.commands.ts';
import { privacyCommands } from './privacy.commands.ts';
import { supporterCommands } from './supporter.commands.ts';
import { taskCommands } from './task.commands.ts';

/** The one catalogue of commands every adapter renders. */
export function createCatalogue(): Catalogue {
  return new Catalogue([
    ...supporterCommands,
    ...taskCommands,
    ...eventCommands,
    ...coverCommands,
    ...calendarCommands,
    ...privacyCommands,
    ...organizerCommands,
    ...helpCommands,
  ]);
}
