// An organizer's supporter export reaches Discord as a private CSV attachment, read page by page
// while discord.js uploads it.
import { describe, expect, it } from 'vitest';
import { answerText, useDiscord } from './discord-harness.ts';

const world = useDiscord();

describe('/export supporters on Discord', () => {
  it('attaches the CSV of registered supporters', async () => {
    const who = { user: world.organizer, guild: world.guild };
    await world.run(who, 'setup', { timezone: 'Europe/Paris' });
    const record = await world.run(who, 'export supporters');
    const count = Number(/(\d+) registered supporter/.exec(answerText(record))?.[1]);
    const [file] = record.original!.files;
    expect(file?.filename).toMatch(/-supporters-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
    const lines = file!.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,usernames,tags,points,status,joined');
    expect(lines).toHaveLength(count + 1);
  });
});
