import { calendarMessages } from './calendars.ts';
import { cardMessages } from './cards.ts';
import { commonMessages } from './common.ts';
import { coverMessages } from './covers.ts';
import { eventMessages } from './events.ts';
import { mirrorMessages } from './mirrors.ts';
import { notificationMessages } from './notifications.ts';
import { organizerMessages } from './organizers.ts';
import { privacyMessages } from './privacy.ts';
import { reportMessages } from './reports.ts';
import { seriesMessages } from './series.ts';
import { shiftMessages } from './shifts.ts';
import { supporterMessages } from './supporters.ts';
import { taskMessages } from './tasks.ts';

/** Every message of the assistant, in every language, keyed by id. */
export const messages = {
  ...commonMessages,
  ...supporterMessages,
  ...taskMessages,
  ...eventMessages,
  ...shiftMessages,
  ...seriesMessages,
  ...coverMessages,
  ...mirrorMessages,
  ...calendarMessages,
  ...privacyMessages,
  ...organizerMessages,
  ...notificationMessages,
  ...reportMessages,
  ...cardMessages,
};
