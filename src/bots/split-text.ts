/**
 * Blocks joined by blank lines into message parts of at most `limit` characters, split at blocks,
 * then at lines; a longer line is cut anywhere. Blank blocks are left out.
 */
export function splitText(blocks: readonly string[], limit: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const block of blocks.filter((b) => b.trim() !== '')) {
    for (const [i, piece] of pieces(block, limit).entries()) {
      const joined = current ? `${current}${i === 0 ? '\n\n' : '\n'}${piece}` : piece;
      if (joined.length <= limit) {
        current = joined;
      } else {
        if (current) parts.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function pieces(block: string, limit: number): string[] {
  if (block.length <= limit) return [block];
  return block.split('\n').flatMap((line) => {
    const slices: string[] = [];
    for (let start = 0; start < line.length || start === 0; start += limit) {
      slices.push(line.slice(start, start + limit));
    }
    return slices;
  });
}
