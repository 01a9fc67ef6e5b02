import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/bots/split-text.ts';
import { renderReply } from '../../../src/bots/telegram/telegram-render.ts';

describe('Telegram rendering', () => {
  it('splits text longer than 4096 characters at blocks, keeping every part within the limit', () => {
    const blocks = ['a'.repeat(3000), 'b'.repeat(3000), `${'c'.repeat(5000)}\nend`];
    const parts = splitText(blocks, 4096);
    expect(parts.every((part) => part.length <= 4096)).toBe(true);
    expect(parts.join('').replace(/\n/g, '')).toBe(blocks.join('').replace(/\n/g, ''));
    expect(parts[0]).toBe('a'.repeat(3000));
  });

  it('keeps user markup literally (no parse mode is used)', () => {
    const { parts } = renderReply({ blocks: ['Task #1: <b>flyers</b> *now* _x_'] });
    expect(parts).toEqual(['Task #1: <b>flyers</b> *now* _x_']);
  });

  it('leaves out a button whose callback data would exceed 64 bytes', () => {
    const { keyboard } = renderReply({
      blocks: ['x'],
      buttons: [
        [
          { label: 'Claim #1', action: { command: 'task', subcommand: 'claim', args: { id: 1 } } },
          {
            label: 'Too long',
            action: { command: 'task', subcommand: 'done', args: { note: 'n'.repeat(80) } },
          },
        ],
      ],
    });
    expect(keyboard?.inline_keyboard).toEqual([
      [{ text: 'Claim #1', callback_data: '/task claim id:1' }],
    ]);
  });
});
