import {
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  memberObject,
  messageObject,
  userObject,
} from './discord-payloads.ts';

/** An option value as a test gives it: users as fake users, the rest as Discord would type them. */
export type OptionValue = string | number | boolean | FakeUser;

interface RegisteredOption {
  type: number;
  name: string;
  options?: RegisteredOption[];
}

interface RegisteredCommand {
  id: string;
  name: string;
  options?: RegisteredOption[];
}

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;

/**
 * `data` of a slash command interaction, typed from the command as it was registered (as the
 * Discord client does): an unknown command, subcommand or option is a test error.
 */
export function commandData(
  command: RegisteredCommand,
  subcommand: string | undefined,
  values: Record<string, OptionValue>,
  guild: FakeGuild | undefined,
  focused?: string,
) {
  // `shift add` names the subcommand `add` of the group `shift`.
  const [head, tail] = subcommand?.split(' ') ?? [];
  const group = tail ? command.options?.find((o) => o.name === head) : undefined;
  if (tail && group?.type !== SUB_COMMAND_GROUP) {
    throw new Error(`/${command.name} has no subcommand group ${head}`);
  }
  const sub = subcommand
    ? (group ?? command).options?.find((o) => o.name === (tail ?? head))
    : undefined;
  if (subcommand && sub?.type !== SUB_COMMAND) {
    throw new Error(`/${command.name} has no subcommand ${subcommand}`);
  }
  const specs = (sub ?? command).options ?? [];
  const users: Record<string, object> = {};
  const members: Record<string, object> = {};
  const options = Object.entries(values).map(([name, value]) => {
    const spec = specs.find((o) => o.name === name);
    if (!spec) throw new Error(`/${command.name} ${subcommand ?? ''} has no option ${name}`);
    if (spec.type === USER) {
      const user = value as FakeUser;
      users[user.id] = userObject(user);
      const member = guild?.members.get(user.id);
      if (member) {
        const { user: _user, ...rest } = memberObject(member);
        members[user.id] = rest;
      }
      return { type: USER, name, value: user.id };
    }
    return {
      type: spec.type,
      name,
      value: typed(spec.type, value),
      ...(name === focused && { focused: true }),
    };
  });
  const resolved = Object.keys(users).length > 0 ? { resolved: { users, members } } : {};
  return {
    id: command.id,
    name: command.name,
    type: 1,
    options: !sub
      ? options
      : group
        ? [
            {
              type: SUB_COMMAND_GROUP,
              name: group.name,
              options: [{ type: SUB_COMMAND, name: sub.name, options }],
            },
          ]
        : [{ type: SUB_COMMAND, name: sub.name, options }],
    ...resolved,
  };
}

function typed(type: number, value: OptionValue): string | number | boolean {
  // While typing, an autocompleted integer arrives as the text typed so far.
  if (type === INTEGER && typeof value === 'string') return value;
  if (type === INTEGER) return Number(value);
  if (type === BOOLEAN) return Boolean(value);
  if (type === STRING) return String(value);
  return value as string;
}

/** `data` and `message` of a button press on a message the bot sent. */
export function buttonData(message: FakeMessage, customId: string, author: FakeUser) {
  const ids = buttonsOf(message).map((button) => button.customId);
  if (!ids.includes(customId)) throw new Error(`no button ${customId} on message ${message.id}`);
  return {
    data: { custom_id: customId, component_type: 2 },
    message: messageObject(message, author),
  };
}

/** The buttons of a message, in reading order. */
export function buttonsOf(
  message: FakeMessage,
): { label: string; customId: string; style: number }[] {
  const rows = message.components as {
    components: { label: string; custom_id: string; style: number }[];
  }[];
  return rows.flatMap((row) =>
    row.components.map((b) => ({ label: b.label, customId: b.custom_id, style: b.style })),
  );
}
