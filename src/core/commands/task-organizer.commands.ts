import { campaignView, taskCard } from '../cards/card-view.ts';
import { DomainError } from '../errors.ts';
import type { Announcement } from '../interaction/reply.ts';
import type { Task } from '../tasks/task.types.ts';
import { listing, OVERVIEW_LIMIT, rosterText, taskLine } from '../views/task-replies.ts';
import { type CommandContext, type CommandDefinition, defineCommand } from './define-command.ts';
import { flag, id, integer, text, user } from './options.ts';

const taskId = id({
  required: true,
  description: { en: 'Task number', fr: 'Numéro de la tâche' },
  example: '12',
});

/** A web address people can open: http or https only. */
function checkedLink(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Not a URL at all: the same sentence as a wrong scheme.
  }
  throw new DomainError('TASK_BAD_LINK');
}

/** The card for the group or server channel, in the campaign's language and zone. */
function announcement(ctx: CommandContext, task: Task): Announcement {
  const view = campaignView(ctx.campaign, ctx.request.words.showInstant);
  return { ...taskCard(view, task), subject: { kind: 'task', id: task.id } };
}

// Declared apart so each option keeps its literal `required` in the handler's argument types.
const createOptions = {
  title: text({
    required: true,
    max: 200,
    rest: true,
    description: { en: 'Title of the task', fr: 'Titre de la tâche' },
    example: { en: 'Hand out flyers', fr: 'Distribuer des tracts' },
  }),
  description: text({
    max: 2000,
    description: {
      en: 'What to do, in a few lines',
      fr: 'Ce qu’il faut faire, en quelques lignes',
    },
    example: { en: 'Pick them up at the office', fr: 'À récupérer au local' },
  }),
  due: text({
    max: 100,
    description: { en: 'When it must be done by', fr: 'Date limite (date et heure)' },
    example: '2026-12-05 18:00',
  }),
  slots: integer({
    min: 1,
    max: 10_000,
    description: { en: 'Volunteers wanted', fr: 'Nombre de bénévoles recherchés' },
    defaultValue: '1',
    example: '3',
  }),
  points: integer({
    min: 0,
    max: 1000,
    description: { en: 'Points earned when done', fr: 'Points gagnés une fois la tâche terminée' },
    defaultValue: '0',
    example: '10',
  }),
  tag: text({
    max: 50,
    description: {
      en: 'Only for supporters with this tag',
      fr: 'Réservée aux soutiens avec cette étiquette',
    },
    example: { en: 'north', fr: 'nord' },
  }),
  link: text({
    max: 500,
    description: { en: 'A web link for the task', fr: 'Un lien web pour la tâche' },
    example: { en: 'https://example.org/flyers', fr: 'https://example.org/tracts' },
  }),
  notify: flag({
    description: {
      en: 'Tell matching supporters by direct message (default on)',
      fr: 'Prévenir les soutiens concernés par message privé (activé par défaut)',
    },
    example: 'off',
  }),
};

const createTask = defineCommand({
  name: 'task',
  subcommand: 'create',
  description: { en: 'Create a task to hand out', fr: 'Créer une tâche à distribuer' },
  access: 'organizer',
  private: true,
  options: createOptions,
  async run(ctx, args) {
    const dueAt = args.due ? ctx.when(args.due) : null;
    const link = args.link ? checkedLink(args.link) : null;
    const notify = args.notify ?? true;
    const { task, notified } = await ctx.services.tasks.create(
      ctx.campaign.id,
      {
        title: args.title,
        description: args.description ?? null,
        link,
        dueAt,
        slots: args.slots ?? 1,
        points: args.points ?? 0,
        requiredTag: args.tag ?? null,
        createdById: ctx.supporter?.id ?? null,
      },
      notify,
    );
    const blocks = [ctx.t('task.created', { id: task.id, title: task.title })];
    if (task.dueAt) blocks.push(ctx.t('task.created_due', { due: ctx.formatWhen(task.dueAt) }));
    blocks.push(ctx.t('task.created_slots', { slots: task.slots, points: task.points }));
    if (task.requiredTag) blocks.push(ctx.t('task.created_tag', { tag: task.requiredTag }));
    blocks.push(notify ? ctx.t('task.notified', { count: notified }) : ctx.t('task.not_notified'));
    return ctx.reply(blocks, notify ? { announcement: announcement(ctx, task) } : {});
  },
});

const assignee = user({
  required: true,
  description: { en: 'Who takes it', fr: 'Qui la prend' },
  example: '@ana',
});

const assignTask = defineCommand({
  name: 'task',
  subcommand: 'assign',
  description: { en: 'Give a task to a supporter', fr: 'Confier une tâche à un soutien' },
  access: 'organizer',
  private: true,
  options: { id: taskId, user: assignee },
  async run(ctx, args) {
    // findUser answers only with registered supporters: nobody gets a task without consent.
    const person = await ctx.findUser(args.user);
    const { task } = await ctx.services.tasks.assign(ctx.campaign.id, args.id, person);
    return ctx.reply(ctx.t('task.assigned', { id: task.id, title: task.title, user: args.user }));
  },
});

const closeTask = defineCommand({
  name: 'task',
  subcommand: 'close',
  description: {
    en: 'Close a task to new claims',
    fr: 'Fermer une tâche : plus personne ne peut la prendre',
  },
  access: 'organizer',
  private: true,
  options: { id: taskId },
  async run(ctx, args) {
    const { task, wasOpen } = await ctx.services.tasks.close(ctx.campaign.id, args.id);
    if (!wasOpen) return ctx.reply(ctx.t('task.already_closed', { id: task.id }));
    return ctx.reply(ctx.t('task.close_done', { id: task.id, title: task.title }));
  },
});

const listTasks = defineCommand({
  name: 'task',
  subcommand: 'list',
  description: {
    en: 'All tasks, how full and who',
    fr: 'Toutes les tâches, leurs places prises et par qui',
  },
  access: 'organizer',
  private: true,
  options: {},
  async run(ctx) {
    const overview = await ctx.services.tasks.overview(ctx.campaign.id);
    if (overview.length === 0) return ctx.reply(ctx.t('task.list_none'));
    const lines = overview.map(({ task, roster }) =>
      taskLine(ctx, task, [
        ...(task.status === 'closed' ? [ctx.t('task.line_closed')] : []),
        rosterText(ctx, roster),
      ]),
    );
    return ctx.reply(listing(ctx, ctx.t('task.list_title'), lines, OVERVIEW_LIMIT));
  },
});

const handOutTask = defineCommand({
  name: 'task',
  subcommand: 'handout',
  description: {
    en: 'Hand an unfilled task out again',
    fr: 'Relancer une tâche encore à pourvoir',
  },
  access: 'organizer',
  private: true,
  options: { id: taskId },
  async run(ctx, args) {
    const { task, notified } = await ctx.services.tasks.handOutAgain(ctx.campaign.id, args.id);
    const id = task.id;
    if (notified === 0) return ctx.reply(ctx.t('task.handed_out_nobody', { id }));
    return ctx.reply(ctx.t('task.handed_out_again', { id, count: notified }));
  },
});

/** Organizer task commands: create, assign, close, hand out again and follow tasks. */
export const taskOrganizerCommands: CommandDefinition[] = [
  createTask,
  assignTask,
  closeTask,
  handOutTask,
  listTasks,
];
