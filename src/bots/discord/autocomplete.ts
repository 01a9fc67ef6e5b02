import type { AutocompleteInteraction } from 'discord.js';
import type { Core } from '../../core/core.ts';
import { isRegistered } from '../../core/interaction/registered.ts';
import { shorten } from '../../core/notifications/content-view.ts';
import { timeZonesStartingWith } from '../../core/time/zones.ts';
import { ZONE_OPTIONS } from './discord-options.ts';
import { actorOf, spaceOf } from './interaction-request.ts';

/** Discord shows at most 25 choices of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_NAME = 100;

interface Numbered {
  id: number;
  title: string;
}

/**
 * Completes time zones from the IANA list, and task and event numbers with `#12 Title` choices
 * as the person types (the number or part of the title): tasks they can claim, the ones they
 * hold for done/drop, open tasks for organizers' commands, upcoming events for event commands.
 */
export class IdAutocomplete {
  constructor(private readonly core: Pick<Core, 'services' | 'deps'>) {}

  async respond(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    if (ZONE_OPTIONS.has(focused.name)) {
      const zones = timeZonesStartingWith(String(focused.value), MAX_CHOICES);
      await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
      return;
    }
    const typed = String(interaction.options.getFocused()).replace('#', '').trim().toLowerCase();
    const items = await this.candidates(interaction);
    const choices = items
      .filter(
        ({ id, title }) => String(id).startsWith(typed) || title.toLowerCase().includes(typed),
      )
      .slice(0, MAX_CHOICES)
      .map(({ id, title }) => ({ name: shorten(`#${id} ${title}`, MAX_NAME), value: id }));
    await interaction.respond(choices);
  }

  private async candidates(interaction: AutocompleteInteraction): Promise<Numbered[]> {
    const { services, deps } = this.core;
    const { campaign } = await services.campaigns.scopeOf({
      actor: actorOf(interaction),
      space: spaceOf(interaction),
    });
    if (interaction.commandName === 'event') return services.events.upcoming(campaign.id);
    if (interaction.commandName !== 'task') return [];
    const subcommand = interaction.options.getSubcommand(false);
    if (subcommand === 'assign' || subcommand === 'close') {
      const overview = await services.tasks.overview(campaign.id);
      return overview.map(({ task }) => task).filter((task) => task.status === 'open');
    }
    // Read without noting activity: completions come with every keystroke.
    const me = await deps.store.supporters.findByIdentity(
      campaign.id,
      'discord',
      interaction.user.id,
    );
    if (!isRegistered(me)) return [];
    if (subcommand === 'claim') return services.tasks.available(campaign.id, me);
    const held = await services.tasks.mine(campaign.id, me.id);
    return held.filter(({ assignment }) => assignment.status === 'claimed').map(({ task }) => task);
  }
}
