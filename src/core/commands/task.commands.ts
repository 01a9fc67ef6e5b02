import type { Task } from '../tasks/task.types.ts';
import {
  claimButton,
  doneDropRow,
  inRows,
  LISTING_LIMIT,
  listing,
  taskLine,
} from '../views/task-replies.ts';
import { type CommandContext, type CommandDefinition, defineCommand } from './define-command.ts';
import { id, text } from './options.ts';
import { taskOrganizerCommands } from './task-organizer.commands.ts';

const taskId = id({
  required: true,
  description: { en: 'Task number', fr: 'Numéro de la tâche' },
  example: '12',
});

/** Title, due time and link of a task, for confirmations. */
function details(ctx: CommandContext, task: Task): string[] {
  return [
    ...(task.dueAt ? [ctx.t('task.claimed_due', { due: ctx.formatWhen(task.dueAt) })] : []),
    ...(task.description ? [task.description] : []),
    ...(task.link ? [ctx.t('task.link', { link: task.link })] : []),
  ];
}

const openTasks = defineCommand({
  name: 'tasks',
  description: { en: 'Open tasks you can take', fr: 'Les tâches ouvertes que vous pouvez prendre' },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    // Only the tasks shown are read; the others are counted by the database.
    const { tasks, total } = await ctx.services.tasks.availablePage(
      ctx.campaign.id,
      ctx.self(),
      LISTING_LIMIT,
    );
    if (tasks.length === 0) return ctx.reply(ctx.t('task.open_none'));
    const lines = tasks.map((task) => taskLine(ctx, task));
    const buttons = tasks.map((task) => claimButton(ctx, task));
    return ctx.reply(listing(ctx, ctx.t('task.open_title'), lines, LISTING_LIMIT, total), {
      buttons: inRows(buttons),
    });
  },
});

const nextTask = defineCommand({
  name: 'task',
  subcommand: 'next',
  description: {
    en: 'The best task for you right now',
    fr: 'La tâche qui vous convient le mieux maintenant',
  },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    const task = await ctx.services.tasks.next(ctx.campaign.id, ctx.self());
    if (!task) return ctx.reply(ctx.t('task.next_none'));
    const blocks = [ctx.t('task.next_title'), taskLine(ctx, task)];
    if (task.description) blocks.push(task.description);
    if (task.link) blocks.push(ctx.t('task.link', { link: task.link }));
    return ctx.reply(blocks, {
      buttons: [[claimButton(ctx, task)]],
      ...(task.link && { preview: task.link }),
    });
  },
});

const claimTask = defineCommand({
  name: 'task',
  subcommand: 'claim',
  description: { en: 'Take a task', fr: 'Prendre une tâche' },
  access: 'supporter',
  private: true,
  options: { id: taskId },
  async run(ctx, args) {
    const { task } = await ctx.services.tasks.claim(ctx.campaign.id, args.id, ctx.self());
    const confirmation = ctx.t('task.claimed', { id: task.id, title: task.title });
    return ctx.reply([confirmation, ...details(ctx, task)], {
      buttons: [doneDropRow(ctx, task)],
      ...(task.link && { preview: task.link }),
    });
  },
});

const finishTask = defineCommand({
  name: 'task',
  subcommand: 'done',
  description: { en: 'Mark your task as done', fr: 'Marquer votre tâche comme terminée' },
  access: 'supporter',
  private: true,
  options: {
    id: taskId,
    note: text({
      max: 1000,
      rest: true,
      description: { en: 'A note for the organizers', fr: 'Une note pour les organisateurs' },
      example: { en: '120 flyers handed out', fr: '120 tracts distribués' },
    }),
  },
  async run(ctx, args) {
    const me = ctx.self();
    const { task, total } = await ctx.services.tasks.finish(
      ctx.campaign.id,
      args.id,
      me.id,
      args.note,
    );
    const blocks = [ctx.t('task.done', { id: task.id, title: task.title })];
    if (task.points > 0) blocks.push(ctx.t('task.points_awarded', { points: task.points, total }));
    return ctx.reply(blocks);
  },
});

const dropTask = defineCommand({
  name: 'task',
  subcommand: 'drop',
  description: { en: 'Give a task back', fr: 'Rendre une tâche' },
  access: 'supporter',
  private: true,
  options: { id: taskId },
  async run(ctx, args) {
    const { task } = await ctx.services.tasks.drop(ctx.campaign.id, args.id, ctx.self().id);
    return ctx.reply(ctx.t('task.dropped', { id: task.id, title: task.title }));
  },
});

const myTasks = defineCommand({
  name: 'mytasks',
  description: { en: 'Your claimed and done tasks', fr: 'Vos tâches en cours et terminées' },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    const held = await ctx.services.tasks.mine(ctx.campaign.id, ctx.self().id);
    if (held.length === 0) return ctx.reply(ctx.t('task.mine_none'));
    const lines = held.map(({ task, assignment }) =>
      taskLine(ctx, task, [
        ctx.t(assignment.status === 'done' ? 'task.mine_done' : 'task.mine_claimed'),
      ]),
    );
    // One row per claimed task; Discord shows at most five rows.
    const buttons = held
      .filter(({ assignment }) => assignment.status === 'claimed')
      .slice(0, 5)
      .map(({ task }) => doneDropRow(ctx, task));
    return ctx.reply(listing(ctx, ctx.t('task.mine_title'), lines), { buttons });
  },
});

/** Task commands: volunteers take and finish tasks, organizers create and follow them. */
export const taskCommands: CommandDefinition[] = [
  openTasks,
  nextTask,
  claimTask,
  finishTask,
  dropTask,
  myTasks,
  ...taskOrganizerCommands,
];
