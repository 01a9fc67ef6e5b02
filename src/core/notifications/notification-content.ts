import type { Locale } from '../campaigns/campaign.types.ts';
import type { Button, ReplyFile } from '../interaction/reply.ts';
import type { ShowInstant } from '../interaction/view.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import type { Notification } from './notification.types.ts';

/** The text, buttons and picture of one notification, in the recipient's language. */
export interface RenderedNotification {
  blocks: string[];
  buttons?: Button[][];
  /** A picture sent with the text (the organizers' report chart). */
  files?: ReplyFile[];
  /** The one link worth a preview: a task's own link. */
  preview?: string;
  locale: Locale;
}

/**
 * Turns an outbox row into its message at send time, from the current state of its subject
 * (event, task, broadcast). Null when there is nothing left to say (the subject is gone).
 */
export interface NotificationContent {
  /** `show` is how the recipient's platform shows instants (zoned text without it). */
  render(
    notification: Notification,
    recipient: Supporter,
    show?: ShowInstant,
  ): Promise<RenderedNotification | null>;
}
