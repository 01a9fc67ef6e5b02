import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Button,
  type CommandAction,
  isStreamed,
  type ReplyFile,
} from '../../core/interaction/reply.ts';

/** A message as terminal text, and the actions its numbered choices stand for. */
export interface RenderedMessage {
  text: string;
  /** `actions[0]` is the choice numbered `first`. */
  actions: CommandAction[];
}

/**
 * Blocks separated by blank lines, then right under them one line per button row with its buttons
 * numbered from `first` (1 by default) in reading order: `[1] Claim #3   [2] Drop #3`.
 */
export function renderMessage(
  blocks: readonly string[],
  buttons: readonly (readonly Button[])[] = [],
  first = 1,
): RenderedMessage {
  const actions: CommandAction[] = [];
  const rows = buttons
    .filter((row) => row.length > 0)
    .map((row) =>
      row
        .map((button) => {
          actions.push(button.action);
          return `[${first + actions.length - 1}] ${button.label}`;
        })
        .join('   '),
    );
  const text = blocks.filter((block) => block.trim() !== '').join('\n\n');
  return { text: [text, ...rows].filter(Boolean).join('\n'), actions };
}

/**
 * Writes a file of a reply into `dir` (created when missing) and returns its absolute path. Only
 * the base name of the file is kept, with unusual characters replaced, so a name never points
 * outside `dir`.
 */
export async function saveFile(file: ReplyFile, dir: string): Promise<string> {
  const safe = basename(file.name)
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '');
  const path = resolve(join(dir, safe || 'export'));
  await mkdir(dir, { recursive: true });
  const { content } = file;
  if (!isStreamed(content)) {
    await writeFile(path, content);
    return path;
  }
  // Written page by page beside its final name, then renamed: never a half-written export.
  const partial = `${path}.part`;
  try {
    await pipeline(Readable.from(content.pages()), createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}
