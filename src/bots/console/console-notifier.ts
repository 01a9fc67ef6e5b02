import {
  DeliveryError,
  type Notifier,
  type OutgoingMessage,
} from '../../core/notifications/notifier.ts';
import { CONSOLE_ACTOR } from './console-actor.ts';
import type { ConsoleAdapter } from './console-adapter.ts';

/**
 * Delivers notifications to the person at the terminal: the message is printed with its buttons
 * as numbered choices, so typing the number answers a reminder like pressing its button; a
 * picture is saved under the exports folder and its path printed. The console has one user; a
 * message for any other console identity cannot be delivered.
 */
export class ConsoleNotifier implements Notifier {
  readonly platform = 'console';

  constructor(private readonly terminal: Pick<ConsoleAdapter, 'show'>) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (message.recipient.externalId !== CONSOLE_ACTOR.userId) {
      throw new DeliveryError(
        'unreachable',
        `no console user ${message.recipient.externalId} at this terminal`,
      );
    }
    await this.terminal.show(message.blocks, message.buttons, message.files);
  }
}
