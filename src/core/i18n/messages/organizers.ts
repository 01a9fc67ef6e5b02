import { defineMessages } from './define.ts';

/** Messages of the organizer commands: setup, broadcasts, supporters, tags, roles, reports. */
export const organizerMessages = defineMessages({
  'setup.created': {
    en: 'This server or group is now bound to a new campaign, "{name}".',
    fr: 'Ce serveur ou groupe est désormais lié à une nouvelle campagne, « {name} ».',
  },
  'setup.bound': {
    en: 'This server or group is now bound to the campaign "{name}".',
    fr: 'Ce serveur ou groupe est désormais lié à la campagne « {name} ».',
  },
  'setup.current': {
    en: 'Campaign "{name}":',
    fr: 'Campagne « {name} » :',
  },
  'setup.settings': {
    en: 'Time zone: {timezone}\nLanguage: {language}\nEvent reminders: {reminders} before the start\nDigest: {digest}\nLeaderboard: {leaderboard}',
    fr: 'Fuseau horaire : {timezone}\nLangue : {language}\nRappels d’événement : {reminders} avant le début\nRésumé : {digest}\nClassement : {leaderboard}',
  },
  'setup.organizer_role': {
    en: 'Organizer role: {role}',
    fr: 'Rôle des organisateurs : {role}',
  },
  'setup.announcements_option': {
    en: 'Announce new events and tasks (False stops the announcements)',
    fr: 'Annoncer les nouveaux événements et tâches (False arrête les annonces)',
  },
  'setup.ping_option': {
    en: 'Ping a role in announcements (False stops the ping)',
    fr: 'Mentionner un rôle dans les annonces (False arrête la mention)',
  },
  'setup.announce_channel': {
    en: 'Announcements of new events and tasks: {channel}',
    fr: 'Annonces des nouveaux événements et tâches : {channel}',
  },
  'setup.bad_channel': {
    en: '"{text}" is not a Discord channel. Mention the channel or give its id, for example channel:<#123456789012345678>, or channel:off.',
    fr: '« {text} » n’est pas un salon Discord. Mentionnez le salon ou donnez son identifiant, par exemple channel:<#123456789012345678>, ou channel:désactivé.',
  },
  'setup.announce_topic': {
    en: 'Announcements of new events and tasks: in this topic (run /setup in another topic to move them there).',
    fr: 'Annonces des nouveaux événements et tâches : dans ce sujet (lancez /setup dans un autre sujet pour les y déplacer).',
  },
  'setup.channel_needs_server': {
    en: 'channel can only be set by running /setup in a Discord server: announcements are posted in one of its channels.',
    fr: 'channel ne se règle qu’en lançant /setup dans un serveur Discord : les annonces sont publiées dans l’un de ses salons.',
  },
  'setup.invite': {
    en: 'Invite code: {code} (people join with /start {code} on Telegram, or /join in a server bound to this campaign).',
    fr: 'Code d’invitation : {code} (on rejoint avec /start {code} sur Telegram, ou /join dans un serveur lié à cette campagne).',
  },
  'setup.invite_link': {
    en: 'Invite link: {link}',
    fr: 'Lien d’invitation : {link}',
  },
  'setup.bad_digest': {
    en: '"{text}" is not a digest schedule. Give a cron expression with five fields (minute hour day month weekday), for example 0 9 * * 1 for Mondays at 9:00, or off.',
    fr: '« {text} » n’est pas un horaire de résumé. Donnez une expression cron à cinq champs (minute heure jour mois jour de la semaine), par exemple 0 9 * * 1 pour le lundi à 9 h, ou désactivé.',
  },
  'setup.bad_role': {
    en: '"{text}" is not a Discord role. Mention the role or give its id, for example organizer_role:<@&123456789012345678>.',
    fr: '« {text} » n’est pas un rôle Discord. Mentionnez le rôle ou donnez son identifiant, par exemple organizer_role:<@&123456789012345678>.',
  },
  'setup.ping_role': {
    en: 'Role pinged by announcements: {role}',
    fr: 'Rôle mentionné par les annonces : {role}',
  },
  'setup.bad_ping_role': {
    en: '"{text}" is not a Discord role. Mention the role, give its id or off, for example ping_role:<@&123456789012345678>.',
    fr: '« {text} » n’est pas un rôle Discord. Mentionnez le rôle, donnez son identifiant ou désactivé, par exemple ping_role:<@&123456789012345678>.',
  },
  'setup.ping_role_needs_server': {
    en: 'ping_role can only be set by running /setup in a Discord server: Telegram groups have no roles to ping.',
    fr: 'ping_role ne se règle qu’en lançant /setup dans un serveur Discord : les groupes Telegram n’ont pas de rôles à mentionner.',
  },
  'setup.role_needs_server': {
    en: 'organizer_role can only be set by running /setup in a Discord server. On Telegram, group administrators and people promoted with /organizer add are organizers.',
    fr: 'organizer_role ne se règle qu’en lançant /setup dans un serveur Discord. Sur Telegram, les administrateurs du groupe et les personnes promues avec /organizer add sont organisateurs.',
  },
  'setup.space_admin_only': {
    en: 'Only an administrator of this group or server can bind it to a new campaign.',
    fr: 'Seul un administrateur de ce groupe ou serveur peut le lier à une nouvelle campagne.',
  },
  'setup.invite_needs_space': {
    en: 'invite binds a group or server to a campaign: run /setup invite:<code> in that group or server.',
    fr: 'invite lie un groupe ou un serveur à une campagne : lancez /setup invite:<code> dans ce groupe ou serveur.',
  },
  'setup.unknown_invite': {
    en: 'No campaign has the invite code "{code}". Check the code shown by /setup in that campaign.',
    fr: 'Aucune campagne n’a le code d’invitation « {code} ». Vérifiez le code affiché par /setup dans cette campagne.',
  },
  'setup.not_your_campaign': {
    en: 'Only organizers of "{name}" can bind a group or server to it.',
    fr: 'Seuls les organisateurs de « {name} » peuvent y lier un groupe ou un serveur.',
  },
  'broadcast.queued_now': {
    en: 'Broadcast #{id} to {audience} is on its way. Recipients queued: {count}.',
    fr: 'La diffusion #{id} pour {audience} est en cours d’envoi. Destinataires en attente d’envoi : {count}.',
  },
  'broadcast.queued_at': {
    en: 'Broadcast #{id} to {audience} is scheduled for {when}. Recipients queued: {count}.',
    fr: 'La diffusion #{id} pour {audience} est prévue le {when}. Destinataires en attente d’envoi : {count}.',
  },
  'broadcast.audience_all': { en: 'all', fr: 'tout le monde' },
  'broadcast.audience_tag': {
    en: 'tag:{tag}',
    fr: 'les soutiens avec l’étiquette {tag}',
  },
  'broadcast.audience_event': {
    en: 'event:{id}',
    fr: 'les personnes ayant répondu à l’événement #{id}',
  },
  'broadcast.queuing_now': {
    en: 'Broadcast #{id} to {audience} is on its way to {count, plural, one {# recipient} other {# recipients}}. They are being queued now; I will tell you when all are (progress: /broadcast status {id}).',
    fr: 'La diffusion #{id} pour {audience} part vers {count, plural, one {# destinataire} other {# destinataires}}. La mise en file d’attente est en cours ; je vous préviendrai quand elle sera terminée (avancement : /broadcast status {id}).',
  },
  'broadcast.queuing_at': {
    en: 'Broadcast #{id} to {audience} is scheduled for {when}, to {count, plural, one {# recipient} other {# recipients}}. They are being queued now; I will tell you when all are (progress: /broadcast status {id}).',
    fr: 'La diffusion #{id} pour {audience} est prévue le {when}, vers {count, plural, one {# destinataire} other {# destinataires}}. La mise en file d’attente est en cours ; je vous préviendrai quand elle sera terminée (avancement : /broadcast status {id}).',
  },
  'broadcast.status': {
    en: 'Broadcast #{id} to {audience}, {when}: {written} of {total, plural, one {# recipient} other {# recipients}} queued ({state}); sent {sent}, waiting {pending}, skipped {skipped}, failed {failed}.',
    fr: 'Diffusion #{id} pour {audience}, {when} : {written} en file d’attente sur {total, plural, one {# destinataire} other {# destinataires}} ({state}) ; envoyés : {sent}, en attente : {pending}, ignorés : {skipped}, en échec : {failed}.',
  },
  'broadcast.status_running': { en: 'still queuing', fr: 'mise en file d’attente en cours' },
  'broadcast.status_done': { en: 'all queued', fr: 'tous en file d’attente' },
  'broadcast.unknown': {
    en: 'There is no broadcast #{id} in this campaign. Its number is in the reply to /broadcast, for example /broadcast status 3.',
    fr: 'Il n’y a pas de diffusion #{id} dans cette campagne. Son numéro figure dans la réponse à /broadcast, par exemple /broadcast status 3.',
  },
  'broadcast.bad_audience': {
    en: 'I do not understand the audience "{text}". Use all, tag:<name> or event:<id>, for example audience:tag:canvassers.',
    fr: 'Je ne comprends pas le public « {text} ». Utilisez tous, tag:<nom> ou event:<numéro>, par exemple audience:tag:porte-à-porte.',
  },
  'broadcast.unknown_event': {
    en: 'There is no event #{id} in this campaign. /events lists them, for example audience:event:12.',
    fr: 'Il n’y a pas d’événement #{id} dans cette campagne. /events les liste, par exemple audience:event:12.',
  },
  'broadcast.no_recipients': {
    en: 'Nobody registered and reachable is in that audience, so nothing was sent.',
    fr: 'Personne d’inscrit et de joignable dans ce public : rien n’a été envoyé.',
  },
  'organizer.unknown_tag': {
    en: 'There is no tag "{tag}" in this campaign. Tags in use: {tags}.',
    fr: 'Il n’y a pas d’étiquette « {tag} » dans cette campagne. Étiquettes utilisées : {tags}.',
  },
  'organizer.no_tags': {
    en: 'There is no tag "{tag}": this campaign has no tags yet. Add one with /tag add @username canvassers.',
    fr: 'Il n’y a pas d’étiquette « {tag} » : cette campagne n’en a pas encore. Ajoutez-en une avec /tag add @pseudo porte-à-porte.',
  },
  'organizer.bad_tag': {
    en: 'A tag cannot contain a comma. Give one tag at a time, for example tag:canvassers.',
    fr: 'Une étiquette ne peut pas contenir de virgule. Donnez une étiquette à la fois, par exemple tag:porte-à-porte.',
  },
  'organizer.tag_added': {
    en: '{user} now has the tag {tag}. Their tags: {tags}.',
    fr: '{user} a maintenant l’étiquette {tag}. Ses étiquettes : {tags}.',
  },
  'organizer.tag_already': {
    en: '{user} already has the tag {tag}.',
    fr: '{user} a déjà l’étiquette {tag}.',
  },
  'organizer.tag_removed': {
    en: '{user} no longer has the tag {tag}.',
    fr: '{user} n’a plus l’étiquette {tag}.',
  },
  'organizer.tag_not_held': {
    en: '{user} does not have the tag {tag}.',
    fr: '{user} n’a pas l’étiquette {tag}.',
  },
  'organizer.promoted': {
    en: '{user} is now an organizer of this campaign.',
    fr: '{user} est maintenant organisateur de cette campagne.',
  },
  'organizer.already': {
    en: '{user} is already an organizer.',
    fr: '{user} est déjà organisateur.',
  },
  'organizer.is_admin': {
    en: '{user} is an admin of this campaign, which includes organizer rights.',
    fr: '{user} est administrateur de cette campagne, ce qui inclut les droits d’organisateur.',
  },
  'organizer.demoted': {
    en: '{user} is a volunteer again.',
    fr: '{user} est de nouveau bénévole.',
  },
  'organizer.not_organizer': {
    en: '{user} is not an organizer.',
    fr: '{user} n’est pas organisateur.',
  },
  'organizer.cannot_demote_admin': {
    en: 'Only a campaign admin can take an admin’s role away.',
    fr: 'Seul un administrateur de la campagne peut retirer son rôle à un administrateur.',
  },
  'roster.title': {
    en: 'Supporters: {count}',
    fr: 'Soutiens : {count}',
  },
  'roster.title_tag': {
    en: 'Supporters with the tag {tag}: {count}',
    fr: 'Soutiens avec l’étiquette {tag} : {count}',
  },
  'roster.empty': {
    en: 'Nobody matches.',
    fr: 'Personne ne correspond.',
  },
  'roster.line': {
    en: '{name}{handles} · tags: {tags} · {points, plural, one {# point} other {# points}} · {status}',
    fr: '{name}{handles} · étiquettes : {tags} · {points, plural, one {# point} other {# points}} · {status}',
  },
  'roster.no_name': { en: '(no name)', fr: '(sans nom)' },
  'roster.no_tags': { en: 'none', fr: 'aucune' },
  'roster.more': {
    en: '… and {count} more. Narrow the list with tag: or search:, or get everyone with /export supporters.',
    fr: '{count, plural, one {… et # autre.} other {… et # autres.}} Affinez la liste avec tag: ou search:, ou obtenez tout le monde avec /export supporters.',
  },
  'roster.status_active': { en: 'active', fr: 'actif' },
  'roster.status_paused': { en: 'paused', fr: 'en pause' },
  'roster.status_unreachable': { en: 'unreachable', fr: 'injoignable' },
  'roster.status_erased': { en: 'erased', fr: 'effacé' },
  'stats.title': {
    en: 'Campaign "{name}"',
    fr: 'Campagne « {name} »',
  },
  'stats.supporters': {
    en: 'Supporters: {count} ({active} active in the last {days, plural, one {day} other {# days}})',
    fr: 'Soutiens : {count} ({active, plural, one {# actif} other {# actifs}} {days, plural, one {depuis hier} other {ces # derniers jours}})',
  },
  'stats.tasks': {
    en: 'Tasks: {open} open, {closed} closed; {done} done by volunteers',
    fr: 'Tâches : {open, plural, one {# ouverte} other {# ouvertes}}, {closed, plural, one {# fermée} other {# fermées}} ; {done, plural, one {# réalisée} other {# réalisées}} par des bénévoles',
  },
  'stats.events': {
    en: 'Upcoming events:',
    fr: 'Événements à venir :',
  },
  'stats.event_fill': {
    en: '#{id} {title} · {when} · {yes}/{capacity} coming',
    fr: '#{id} {title} · {when} · participants : {yes}/{capacity}',
  },
  'stats.event_open': {
    en: '#{id} {title} · {when} · {yes} coming (no limit)',
    fr: '#{id} {title} · {when} · participants : {yes} (sans limite)',
  },
  'stats.no_events': {
    en: 'No upcoming events.',
    fr: 'Aucun événement à venir.',
  },
  'stats.more_events': {
    en: '… and {count} more.',
    fr: '{count, plural, one {… et # autre.} other {… et # autres.}}',
  },
  'export.supporters': {
    en: 'Supporter list: {count, plural, one {# registered supporter} other {# registered supporters}} (this export is recorded in the audit log).',
    fr: 'Liste des soutiens : {count, plural, one {# soutien inscrit} other {# soutiens inscrits}} (cet export est consigné dans le journal d’audit).',
  },
  'export.events': {
    en: 'Calendar of the campaign’s events (this export is recorded in the audit log).',
    fr: 'Calendrier des événements de la campagne (cet export est consigné dans le journal d’audit).',
  },
});
