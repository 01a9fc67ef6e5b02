import { describe, expect, it } from 'vitest';
import {
  buttonRows,
  DISCORD_LIMITS,
  escapeText,
  renderNotice,
  renderReply,
} from '../../../src/bots/discord/discord-render.ts';
import type { Button } from '../../../src/core/interaction/reply.ts';

const claim = (id: number, label = `Claim #${id}`): Button => ({
  label,
  action: { command: 'task', subcommand: 'claim', args: { id } },
});

describe('Discord rendering', () => {
  it('shows user text literally: markdown is escaped, web addresses are left intact', () => {
    expect(escapeText('**Bold** _plan_ # not a heading')).toBe(
      '\\*\\*Bold\\*\\* \\_plan\\_ # not a heading',
    );
    expect(escapeText('# Heading\n- item')).toBe('\\# Heading\n\\- item');
    expect(escapeText('See https://example.org/a_b_c now_')).toBe(
      'See https://example.org/a_b_c now\\_',
    );
  });

  it('splits a long reply at blocks into messages of at most 2000 characters, buttons and files last', () => {
    const blocks = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(900));
    const messages = renderReply({
      blocks,
      buttons: [[claim(1)]],
      files: [{ name: 'data.json', mimeType: 'application/json', content: '{}' }],
    });
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(messages.map((m) => m.content).join('\n\n')).toBe(blocks.join('\n\n'));
    expect(
      messages.slice(0, 2).every((m) => m.components.length === 0 && m.files.length === 0),
    ).toBe(true);
    expect(messages[2]!.components).toHaveLength(1);
    expect(messages[2]!.files.map((f) => [f.name, f.attachment.toString()])).toEqual([
      ['data.json', '{}'],
    ]);
  });

  it('cuts a single block longer than a message at its lines', () => {
    const block = Array.from({ length: 50 }, (_, i) => `line ${i} `.padEnd(80, '.')).join('\n');
    const messages = renderReply({ blocks: [block] });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.content.length <= 2000)).toBe(true);
    expect(messages.map((m) => m.content).join('\n')).toBe(block);
  });

  it('carries each button’s command line as custom_id, at most five per row and five rows', () => {
    const rows = buttonRows([Array.from({ length: 7 }, (_, i) => claim(i + 1))]);
    expect(rows.map((row) => row.components.length)).toEqual([5, 2]);
    expect(rows[0]!.components[0]).toMatchObject({
      custom_id: '/task claim id:1',
      label: 'Claim #1',
    });
    const many = buttonRows(Array.from({ length: 8 }, (_, i) => [claim(i + 1)]));
    expect(many).toHaveLength(DISCORD_LIMITS.rows);
  });

  it('leaves out buttons Discord would refuse: repeated or over-long custom_id; shortens labels', () => {
    const long: Button = {
      label: 'Broadcast',
      action: { command: 'broadcast', args: { message: 'x'.repeat(120) } },
    };
    const rows = buttonRows([[claim(1), claim(1), long, claim(2, 'L'.repeat(100))]]);
    const buttons = rows.flatMap((row) => row.components);
    expect(buttons.map((b) => b.custom_id)).toEqual(['/task claim id:1', '/task claim id:2']);
    expect(buttons[1]!.label).toHaveLength(DISCORD_LIMITS.label);
  });

  it('fits a direct message into one message of at most 2000 characters', () => {
    const notice = renderNotice(['Reminder', 'x'.repeat(3000)], [[claim(1)]]);
    expect(notice.content.length).toBeLessThanOrEqual(2000);
    expect(notice.content.startsWith('Reminder\n\n')).toBe(true);
    expect(notice.components).toHaveLength(1);
  });
});
