import { defineMessages } from './define.ts';

/** Messages of the command path itself: refusals, bad input, prompts. */
export const commonMessages = defineMessages({
  'error.internal': {
    en: 'Sorry, something went wrong on our side. Please try again in a moment.',
    fr: 'Désolé, un problème est survenu de notre côté. Réessayez dans un instant.',
  },
  'error.rate_limited': {
    en: 'You are sending commands a little fast. Please wait a minute and try again.',
    fr: 'Vous envoyez des commandes un peu vite. Attendez une minute puis réessayez.',
  },
  'error.reply_lost': {
    en: 'Your command was carried out, but its answer could not be shown.',
    fr: 'Votre commande a bien été exécutée, mais sa réponse n’a pas pu s’afficher.',
  },
  'error.line_too_long': {
    en: 'That message is too long: commands fit in {max} characters. Please send a shorter one.',
    fr: 'Ce message est trop long : une commande ne doit pas dépasser {max} caractères. Envoyez-en un plus court.',
  },
  'error.unknown_command': {
    en: 'I do not know the command {command}. Type /help to see the commands you can use.',
    fr: 'Je ne connais pas la commande {command}. Tapez /aide pour voir les commandes disponibles.',
  },
  'error.unknown_subcommand': {
    en: '{command} needs one of: {subcommands}. For example: {example}',
    fr: '{command} attend l’une de ces sous-commandes : {subcommands}. Par exemple : {example}',
  },
  'error.organizers_only': {
    en: 'Only organizers can use {command}.',
    fr: 'Seuls les organisateurs peuvent utiliser {command}.',
  },
  'error.admins_only': {
    en: 'Only campaign admins can use {command}.',
    fr: 'Seuls les administrateurs de la campagne peuvent utiliser {command}.',
  },
  'error.join_first': {
    en: 'Please register first with {join}, then try again.',
    fr: 'Inscrivez-vous d’abord avec {join}, puis réessayez.',
  },
  'error.unknown_option': {
    en: '{command} has no option "{option}". Its options are: {options}.',
    fr: '{command} n’a pas d’option « {option} ». Ses options sont : {options}.',
  },
  'error.too_many_values': {
    en: 'I could not tell which option "{value}" belongs to. Write it as name:value, for example: {example}',
    fr: 'Je ne sais pas à quelle option appartient « {value} ». Écrivez-la sous la forme nom:valeur, par exemple : {example}',
  },
  'error.unclosed_quote': {
    en: 'The quote {quote} in {text} is never closed, so I cannot tell where the value ends. Add the closing {close} right after the value, for example: title:"Hand out flyers" slots:2',
    fr: 'Le guillemet {quote} de {text} n’est jamais fermé : je ne sais pas où s’arrête la valeur. Ajoutez le {close} fermant juste après la valeur, par exemple : title:"Distribuer des tracts" slots:2',
  },
  'option.required': {
    en: '{option} is required. For example: {example}',
    fr: '{option} est obligatoire. Par exemple : {example}',
  },
  'option.text': {
    en: '{option} must be 1 to {max} characters long. For example: {example}',
    fr: '{option} doit faire entre 1 et {max} caractères. Par exemple : {example}',
  },
  'option.integer': {
    en: '{option} must be a whole number from {min} to {max}. For example: {example}',
    fr: '{option} doit être un nombre entier entre {min} et {max}. Par exemple : {example}',
  },
  'option.id': {
    en: '{option} must be a number such as 12 or #12. For example: {example}',
    fr: '{option} doit être un numéro comme 12 ou #12. Par exemple : {example}',
  },
  'option.boolean': {
    en: '{option} must be on or off. For example: {example}',
    fr: '{option} doit valoir activé ou désactivé (ou oui, non). Par exemple : {example}',
  },
  'option.choice': {
    en: '{option} must be one of: {choices}. For example: {example}',
    fr: '{option} doit être l’une des valeurs : {choices}. Par exemple : {example}',
  },
  'option.user': {
    en: '{option} must be a @username, a numeric user id, or me for yourself. For example: {example}',
    fr: '{option} doit être un @pseudo, un identifiant numérique, ou moi pour vous-même. Par exemple : {example}',
  },
  'prompt.missing': {
    en: '{description}? Send it as your next message (for example: {example}), or /cancel.',
    fr: '{description} ? Répondez dans votre prochain message (par exemple : {example}), ou tapez /annuler.',
  },
  'prompt.cancelled': {
    en: 'Cancelled.',
    fr: 'Annulé.',
  },
  'prompt.nothing_to_cancel': {
    en: 'There is nothing to cancel: no question is waiting for your answer.',
    fr: 'Il n’y a rien à annuler : aucune question n’attend votre réponse.',
  },
  'time.skipped': {
    en: 'Note: {typed} does not exist on {day} in the {zone} time zone (the clocks go forward), so I used {used}.',
    fr: 'À noter : {typed} n’existe pas le {day} dans le fuseau {zone} (passage à l’heure d’été), j’ai donc pris {used}.',
  },
  'time.repeated': {
    en: 'Note: {typed} happens twice on {day} in the {zone} time zone (the clocks go back); I used the first one, {used}.',
    fr: 'À noter : {typed} existe deux fois le {day} dans le fuseau {zone} (passage à l’heure d’hiver) ; j’ai pris la première, {used}.',
  },
  'time.unparseable': {
    en: 'I could not understand the time "{text}". Try 2026-12-05 18:00, tomorrow 18:00, in 2 hours or next Saturday 10am.',
    fr: 'Je n’ai pas compris l’heure « {text} ». Essayez 2026-12-05 18:00, demain 18h, dans 2 heures ou samedi prochain 10h.',
  },
  'time.past': {
    en: 'That time is in the past: {when}. Give a time still to come, for example tomorrow 18:00.',
    fr: 'Cette date est déjà passée : {when}. Donnez une date à venir, par exemple demain 18h.',
  },
  'time.unknown_zone': {
    en: 'I do not know the time zone "{zone}". Use an IANA name such as Europe/Paris or America/New_York.',
    fr: 'Je ne connais pas le fuseau horaire « {zone} ». Utilisez un nom IANA comme Europe/Paris ou America/Montreal.',
  },
  'time.bad_duration': {
    en: '"{text}" is not a list of durations. Use minutes, hours or days, for example 24h,2h or 90m.',
    fr: '« {text} » n’est pas une liste de durées. Utilisez des minutes, heures ou jours, par exemple 24h,2h ou 90m.',
  },
  'user.not_found': {
    en: 'I do not know {user} in this campaign. They may need to /join first.',
    fr: 'Je ne connais pas {user} dans cette campagne. Cette personne doit peut-être d’abord s’inscrire avec /join.',
  },
  'help.volunteers': {
    en: 'For everyone (volunteers):',
    fr: 'Pour tout le monde (bénévoles) :',
  },
  'help.organizers': { en: 'For organizers:', fr: 'Pour les organisateurs :' },
  'help.details': {
    en: 'Options, defaults and examples of a command: {example}',
    fr: 'Options, valeurs par défaut et exemples d’une commande : {example}',
  },
  'help.group': { en: 'The {command} commands:', fr: 'Les commandes {command} :' },
  'help.required': { en: 'required', fr: 'obligatoire' },
  'help.default': { en: 'default: {value}', fr: 'par défaut : {value}' },
  'help.options': { en: 'Options:', fr: 'Options :' },
  'help.no_options': { en: 'It takes no options.', fr: 'Cette commande n’a pas d’option.' },
  'help.examples': { en: 'Examples:', fr: 'Exemples :' },
  'help.unknown': {
    en: 'There is no command "{command}". Type {help} to see the commands you can use.',
    fr: 'Il n’y a pas de commande « {command} ». Tapez {help} pour voir les commandes disponibles.',
  },
  'common.on': { en: 'on', fr: 'activé' },
  'common.off': { en: 'off', fr: 'désactivé' },
  'common.none': { en: 'none', fr: 'aucun' },
});
