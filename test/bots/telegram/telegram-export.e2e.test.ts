// An organizer's supporter export reaches Telegram as a CSV document, uploaded while it is read
// page by page.
import { describe, expect, it } from 'vitest';
import { textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const vince = { id: 200, firstName: 'Vince', username: 'vince' };
const world = useTelegram({ admins: [String(olga.id)] });

describe('/export supporters on Telegram', () => {
  it('uploads the CSV of registered supporters as a document', async () => {
    const campaign = await world.harness.core.services.campaigns.ensureDefault();
    const [notice] = await world.say(vince, `/start ${campaign.inviteCode}`);
    await world.press(vince, notice!, 'I agree');
    const sent = await world.say(olga, '/export supporters');
    expect(textOf(sent)).toContain('registered supporter');
    const upload = world.fake.callsTo('sendDocument').at(-1)!.params.document as {
      filename: string;
      content: string;
    };
    expect(upload.filename).toMatch(/-supporters-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
    const lines = upload.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,usernames,tags,points,status,joined');
    expect(lines.some((line) => line.includes('telegram:@vince'))).toBe(true);
  });
});
