import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/bots/console/console-render.ts';

const claim = (id: number) => ({
  label: `Claim #${id}`,
  action: { command: 'task', subcommand: 'claim', args: { id } },
});

describe('console rendering', () => {
  it('numbers buttons in reading order across rows, one row per line under the text', () => {
    const { text, actions } = renderMessage(
      ['Open tasks:', '#3 Hand out flyers\n#4 Call voters'],
      [[claim(3)], [claim(4)]],
    );
    expect(text).toBe(
      'Open tasks:\n\n#3 Hand out flyers\n#4 Call voters\n[1] Claim #3\n[2] Claim #4',
    );
    expect(actions.map((action) => action.args?.id)).toEqual([3, 4]);
  });

  it('prints plain text when there are no buttons', () => {
    expect(renderMessage(['Done.'])).toEqual({ text: 'Done.', actions: [] });
  });
});
