import { ApplicationCommandOptionType, ChannelType, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { slashCommands } from '../../../src/bots/discord/slash-commands.ts';
import { buttonsOf, shownText } from '../../fakes/fake-discord.ts';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const EPHEMERAL = 64;
const world = useDiscord();

function inGuild(user: typeof world.organizer) {
  return { user, guild: world.guild };
}

function dispatcher() {
  return testDispatcher(world.harness, [world.bot.notifier]);
}

async function supporterStatus(user: typeof world.volunteer): Promise<string | undefined> {
  const { core, db } = world.harness;
  const space = { platform: 'discord' as const, id: world.guild.id };
  const actor = { platform: 'discord' as const, userId: user.id };
  const { campaign } = await core.services.campaigns.scopeOf({ actor, space });
  return (await db.store.supporters.findByIdentity(campaign.id, 'discord', user.id))?.status;
}

describe('Discord bot, end to end against the fake Discord', () => {
  it('logs in with the Guilds and GuildScheduledEvents intents and registers the catalogue as slash commands', () => {
    const { fake, harness } = world;
    const intents = GatewayIntentBits.Guilds | GatewayIntentBits.GuildScheduledEvents;
    expect(fake.gateway.identifies).toEqual([{ tokenOk: true, intents, shard: [0, 1] }]);
    const puts = fake.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
    expect(puts[0]!.auth).toBe(true);
    expect(puts[0]!.body).toEqual(slashCommands(harness.core.catalogue));
    const names = fake.registered().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['join', 'task', 'event', 'setup', 'mydata']));
  });

  it('registers server pickers for the channel and the organizer role, a completed time zone, French answer words and optional long texts', () => {
    const registered = world.fake.registered() as {
      name: string;
      options: { name: string; type: number; [key: string]: unknown }[];
    }[];
    const command = (name: string) => registered.find((c) => c.name === name)!;
    const sub = (name: string, subcommand: string) =>
      command(name).options.find((o) => o.name === subcommand)!.options as {
        name: string;
        type: number;
        [key: string]: unknown;
      }[];
    const setup = command('setup').options;
    expect(setup.find((o) => o.name === 'channel')).toMatchObject({
      type: ApplicationCommandOptionType.Channel,
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    });
    expect(setup.find((o) => o.name === 'announcements')?.type).toBe(
      ApplicationCommandOptionType.Boolean,
    );
    expect(setup.find((o) => o.name === 'organizer_role')?.type).toBe(
      ApplicationCommandOptionType.Role,
    );
    expect(setup.find((o) => o.name === 'timezone')).toMatchObject({
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
    });
    expect(sub('event', 'rsvp').find((o) => o.name === 'answer')?.choices).toEqual([
      { name: 'yes', value: 'yes', name_localizations: { fr: 'oui' } },
      { name: 'maybe', value: 'maybe', name_localizations: { fr: 'peut-être' } },
      { name: 'no', value: 'no', name_localizations: { fr: 'non' } },
    ]);
    expect(command('broadcast').options.find((o) => o.name === 'message')?.required).toBe(false);
    expect(sub('task', 'create').find((o) => o.name === 'description')?.required).toBe(false);
  });

  it('does not register again when the commands Discord holds are the same', async () => {
    const putsBefore = world.fake.calls.filter((c) => c.method === 'PUT').length;
    const second = await world.startBot();
    await second.stop();
    expect(world.fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(putsBefore);
  });

  it('lets the server owner bind the server with /setup and an announcement channel', async () => {
    const channel = world.guild.channelIds[0]!;
    const record = await world.run(inGuild(world.organizer), 'setup', {
      timezone: 'Europe/Paris',
      channel,
    });
    const text = answerText(record);
    expect(text).toContain('now bound to a new campaign, "Riverside Greens"');
    expect(text).toContain(`Announcements of new events and tasks: <#${channel}>`);
    expect(text).toMatch(/Invite code: \w+/);
  });

  it('completes the time zone from the zone list as it is typed', async () => {
    const who = inGuild(world.organizer);
    const zones = await world.fake.autocomplete(
      who,
      'setup',
      { timezone: 'Europe/Pa' },
      'timezone',
    );
    expect(zones).toEqual([{ name: 'Europe/Paris', value: 'Europe/Paris' }]);
    const byCity = await world.fake.autocomplete(
      who,
      'profile set',
      { timezone: 'tok' },
      'timezone',
    );
    expect(byCity?.map((c) => c.value)).toContain('Asia/Tokyo');
  });

  it('asks for the description of a task in a form, then creates it privately and announces it', async () => {
    const shown = await world.run(inGuild(world.organizer), 'task create', {
      title: 'Hand out flyers',
      slots: 2,
      points: 10,
    });
    expect(shown.callbacks).toEqual([9]);
    expect(shown.form?.title).toBe('/task create');
    const record = await world.fake.submitForm(inGuild(world.organizer), shown, {
      description: 'Pick them up at the office',
    });
    await world.bot.idle();
    expect(record.original?.flags).toBe(EPHEMERAL);
    expect(answerText(record)).toContain('Task #1 created: Hand out flyers.');
    const posted = world.fake.messagesIn(world.guild.channelIds[0]!);
    expect(posted.map(shownText)).toEqual([
      'New task #1: Hand out flyers. Claim it with /task claim 1.\n\n0/2 taken',
    ]);
    expect(buttonsOf(posted[0]!).map((b) => b.label)).toEqual(['Claim #1']);
  });

  it('creates an event publicly, showing its time as a Discord timestamp, and announces it', async () => {
    const record = await world.run(inGuild(world.organizer), 'event create', {
      title: 'Canvass the market',
      start: '2026-12-05 18:00',
      location: 'Market square',
      description: 'Bring leaflets',
    });
    expect(record.original?.flags).toBe(0);
    // 18:00 in Paris: each reader sees it in their own zone.
    expect(answerText(record)).toContain(`<t:${Date.UTC(2026, 11, 5, 17) / 1000}:F>`);
    const posted = world.fake.messagesIn(world.guild.channelIds[0]!).map(shownText);
    expect(posted.at(-1)).toContain('Canvass the market');
  });

  it('shows a volunteer the privacy notice privately, and "I agree" registers them in place', async () => {
    const notice = await world.run(inGuild(world.volunteer), 'join');
    expect(notice.original?.flags).toBe(EPHEMERAL);
    expect(answerText(notice)).toContain('Riverside Greens');
    expect(buttonsOf(notice.original!).map((b) => b.label)).toEqual(['I agree']);

    const agreed = await world.press(inGuild(world.volunteer), notice.original!, 'I agree');
    expect(agreed.callbacks).toEqual([7]);
    expect(agreed.original?.id).toBe(notice.original?.id);
    expect(agreed.original?.content).toMatch(/Welcome/);
    expect(buttonsOf(agreed.original!)).toEqual([]);
  });

  it('offers the volunteer the next task with a Claim button that takes it', async () => {
    const next = await world.run(inGuild(world.volunteer), 'task next');
    expect(answerText(next)).toContain('#1 Hand out flyers');
    const claim = buttonsOf(next.original!).find((b) => b.label.includes('Claim'));
    expect(claim?.customId).toBe('/task claim id:1');

    const claimed = await world.press(inGuild(world.volunteer), next.original!, /Claim/);
    expect(claimed.original?.content).toContain('Task #1 is yours: Hand out flyers.');
    expect(buttonsOf(claimed.original!).map((b) => b.customId)).toEqual([
      '/task done id:1',
      '/task drop id:1',
    ]);
  });

  it('answers an RSVP button of the public event list privately, leaving the list as it was', async () => {
    const list = await world.run(inGuild(world.volunteer), 'events');
    expect(list.original?.flags).toBe(0);
    const before = list.original!.content;
    const yes = await world.press(inGuild(world.volunteer), list.original!, /Yes/);
    expect(yes.callbacks).toEqual([4]);
    expect(yes.original?.flags).toBe(EPHEMERAL);
    expect(yes.original?.content).toContain('You are going to #1 Canvass the market');
    expect(world.fake.messages.get(list.original!.id)?.content).toBe(before);
  });

  it('sends the event reminder by direct message with buttons; "Can\'t make it" answers no in place', async () => {
    const { harness, fake, volunteer } = world;
    harness.clock.set(new Date('2026-12-04T17:00:00Z'));
    const summary = await dispatcher().tick();
    expect(summary.sent).toBeGreaterThanOrEqual(1);
    const reminder = fake.dmsTo(volunteer).find((m) => m.content.includes('Reminder'));
    expect(reminder?.content).toContain('Canvass the market');
    expect(buttonsOf(reminder!).map((b) => b.label)).toEqual(['Still coming', "Can't make it"]);

    const answered = await world.press({ user: volunteer }, reminder!, "Can't make it");
    expect(answered.original?.id).toBe(reminder!.id);
    expect(answered.original?.content).toContain('not going to #1 Canvass the market');
  });

  it('sends /mydata as a private JSON attachment', async () => {
    const record = await world.run(inGuild(world.volunteer), 'mydata');
    expect(record.original?.flags).toBe(EPHEMERAL);
    const [file] = record.original!.files;
    expect(file?.filename).toMatch(/-mydata-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    expect(JSON.stringify(JSON.parse(file!.content))).toContain('vince');
  });

  it('completes task and event numbers with their titles as the person types', async () => {
    const who = inGuild(world.volunteer);
    expect(await world.fake.autocomplete(who, 'event rsvp', { id: '' }, 'id')).toEqual([
      { name: '#1 Canvass the market', value: 1 },
    ]);
    expect(await world.fake.autocomplete(who, 'task done', { id: 'flyer' }, 'id')).toEqual([
      { name: '#1 Hand out flyers', value: 1 },
    ]);
    expect(await world.fake.autocomplete(who, 'task drop', { id: '7' }, 'id')).toEqual([]);
  });

  it('answers /event rsvp with the typed options, in the language of the Discord client', async () => {
    const french = world.fake.addUser('francoise', { locale: 'fr' });
    world.fake.addMember(world.guild, french);
    const notice = await world.run(inGuild(french), 'join');
    await world.press(inGuild(french), notice.original!, 'J’accepte');
    const record = await world.run(inGuild(french), 'event rsvp', { id: 1, answer: 'yes' });
    expect(answerText(record)).toContain('vous venez à l’événement #1 Canvass the market');
  });

  it('treats members holding the organizer role set by /setup as organizers', async () => {
    const role = world.fake.addRole(world.guild);
    const helper = world.fake.addUser('hana');
    world.fake.addMember(world.guild, helper, { roles: [role] });
    await world.run(inGuild(world.organizer), 'setup', { organizer_role: role });
    const record = await world.run(inGuild(helper), 'task create', {
      title: 'Phone bank',
      description: 'Call the list',
      notify: false,
    });
    expect(answerText(record)).toContain('Task #2 created: Phone bank.');
  });

  it('refuses /broadcast to a volunteer, privately', async () => {
    const record = await world.run(inGuild(world.volunteer), 'broadcast', { message: 'Hello all' });
    expect(record.original?.flags).toBe(EPHEMERAL);
    expect(answerText(record)).toBe('Only organizers can use /broadcast.');
    // Without its message: refused at once, not asked for a message first.
    const bare = await world.run(inGuild(world.volunteer), 'broadcast');
    expect(bare.form).toBeUndefined();
    expect(answerText(bare)).toBe('Only organizers can use /broadcast.');
  });

  it('marks a volunteer unreachable when Discord answers 50007 to a direct message, until they write again', async () => {
    const { fake, volunteer } = world;
    // Without its message, /broadcast opens a form; submitting it sends the broadcast.
    const shown = await world.run(inGuild(world.organizer), 'broadcast');
    expect(shown.form?.components[0]?.components[0]?.label).toBe('The message to send');
    const sent = await fake.submitForm(inGuild(world.organizer), shown, {
      message: 'Canvass moved to 10:00',
    });
    await world.bot.idle();
    expect(answerText(sent)).toContain('Recipients queued: 2');
    const dm = fake.dmChannel(volunteer.id)!.id;
    fake.fail({ method: 'POST', path: `/channels/${dm}/messages`, status: 403, code: 50007 });

    const summary = await dispatcher().tick();
    expect(summary.skipped).toBe(1);
    expect(
      fake
        .dmsTo(volunteer)
        .map((m) => m.content)
        .join(),
    ).not.toContain('Canvass moved');
    expect(await supporterStatus(volunteer)).toBe('unreachable');

    await world.run(inGuild(volunteer), 'profile show');
    expect(await supporterStatus(volunteer)).toBe('active');
  });

  it('adds a shift through the /event shift group, and a volunteer takes it with its own button', async () => {
    const created = await world.run(inGuild(world.organizer), 'event create', {
      title: 'Shifted canvass',
      start: '2026-12-12 09:00',
      duration: '6h',
      description: 'Two shifts',
    });
    const id = Number(/#(\d+)/.exec(answerText(created))?.[1]);
    const added = await world.run(inGuild(world.organizer), 'event shift add', {
      id,
      start: '10:00',
      end: '12:00',
      capacity: 2,
      label: 'Morning',
    });
    // 10:00-12:00 in Paris, then in each reader's own zone.
    const hours = `10:00-12:00 (<t:${Date.UTC(2026, 11, 12, 9) / 1000}:t>-<t:${Date.UTC(2026, 11, 12, 11) / 1000}:t>)`;
    expect(answerText(added)).toContain(`Shift 1 added to event #${id}: Morning ${hours}`);
    const list = await world.run(inGuild(world.volunteer), 'events');
    expect(list.original?.content).toContain(`Shift 1: Morning ${hours} · 0/2`);
    const yes = await world.press(inGuild(world.volunteer), list.original!, `Yes #${id}.1`);
    expect(yes.original?.content).toContain(`You are going to #${id}.1 Shifted canvass · Morning`);
  });

  it('turns announcements off with announcements:False, as a channel picker cannot say off', async () => {
    const channel = world.guild.channelIds[0]!;
    const before = world.fake.messagesIn(channel).length;
    const record = await world.run(inGuild(world.organizer), 'setup', { announcements: false });
    expect(answerText(record)).toContain('Announcements of new events and tasks: none');
    await world.run(inGuild(world.organizer), 'event create', {
      title: 'Quiet meeting',
      start: '2026-12-14 18:00',
      description: 'Not announced',
    });
    expect(world.fake.messagesIn(channel)).toHaveLength(before);
  });

  it('never writes the bot token in a log line', () => {
    expect(world.logs.length).toBeGreaterThan(0);
    expect(world.logs.join('')).not.toContain(world.fake.token);
  });
});
