import { describe, expect, it } from 'vitest';
import { ScheduledMessagePlanner } from '../../src/core/notifications/scheduled-messages.ts';
import { reportSchedule } from '../../src/core/reports/report-schedule.ts';
import type { UploadedFile } from '../fakes/request-params.ts';
import { testDispatcher } from '../support/test-dispatcher.ts';
import { answerText, useDiscord } from './discord/discord-harness.ts';
import { textOf, useTelegram } from './telegram/telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const telegram = useTelegram({ admins: [String(olga.id)] });
const discord = useDiscord();

/** Width and height of a PNG, from its header. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('/stats on Telegram', () => {
  it('answers with the figures, then the chart as a photo', async () => {
    const sent = await telegram.say(olga, '/stats');
    expect(textOf(sent)).toContain('Supporters: 0');
    const [call] = telegram.fake.callsTo('sendPhoto');
    const photo = call?.params.photo as UploadedFile;
    expect(photo.filename).toBe('stats-12w.png');
    expect(pngSize(photo.bytes)).toEqual([1200, 800]);
  });

  it('draws the window asked for, and only text with chart:off', async () => {
    await telegram.say(olga, '/stats period:1y');
    const year = telegram.fake.callsTo('sendPhoto').at(-1)?.params.photo as UploadedFile;
    expect(year.filename).toBe('stats-1y.png');
    const before = telegram.fake.callsTo('sendPhoto').length;
    expect(textOf(await telegram.say(olga, '/stats chart:off'))).toContain('Supporters: 0');
    expect(telegram.fake.callsTo('sendPhoto')).toHaveLength(before);
    expect(textOf(await telegram.say(olga, '/stats period:2w'))).toContain('30d, 12w, 1y');
  });

  it('delivers the weekly report as a captioned photo with its hand-out buttons', async () => {
    const [notice] = await telegram.say(olga, '/start');
    await telegram.press(olga, notice!, 'I agree');
    await telegram.say(olga, '/task create title:"Phone bank" slots:3 notify:off');
    await telegram.say(olga, '/setup report:"0 9 * * 1"');
    const planner = new ScheduledMessagePlanner(telegram.harness.core.deps, [reportSchedule]);
    expect(await planner.enqueueDue(new Date('2026-11-30T08:00:00Z'))).toBe(1);
    await testDispatcher(telegram.harness, [telegram.bot.notifier]).tick();
    const report = telegram.fake.callsTo('sendPhoto').at(-1)!.params;
    expect(report.chat_id).toBe(String(olga.id));
    expect(report.caption).toContain('The week in numbers');
    expect(report.caption).toContain('#1 Phone bank');
    expect(report.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Hand out #1 again', callback_data: '/task handout id:1' }]],
    });
  });
});

describe('/stats on Discord', () => {
  it('answers with the figures and the chart attached to the reply', async () => {
    const who = { user: discord.organizer, guild: discord.guild };
    await discord.run(who, 'setup', {});
    const record = await discord.run(who, 'stats', { period: '30d' });
    expect(answerText(record)).toContain('Supporters: 0');
    const files = [record.original, ...record.followUps].flatMap((m) => m?.files ?? []);
    expect(files.map((f) => [f.filename, f.type])).toEqual([['stats-30d.png', 'image/png']]);
    expect(pngSize(files[0]!.bytes)).toEqual([1200, 800]);
  });
});
