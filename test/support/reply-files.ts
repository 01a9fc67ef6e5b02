import { isStreamed, type ReplyFile } from '../../src/core/interaction/reply.ts';

/** The whole text of a reply's file, a large export read page by page. */
export async function fileText(file: ReplyFile | undefined): Promise<string> {
  if (!file) return '';
  const { content } = file;
  if (typeof content === 'string') return content;
  if (!isStreamed(content)) return Buffer.from(content).toString('utf8');
  let text = '';
  for await (const page of content.pages()) text += page;
  return text;
}

/** The pages of a file read page by page, as they are written out. */
export async function filePages(file: ReplyFile | undefined): Promise<string[]> {
  const content = file?.content;
  if (content === undefined || !isStreamed(content)) throw new Error('not read page by page');
  const pages: string[] = [];
  for await (const page of content.pages()) pages.push(page);
  return pages;
}
