import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '../../src/core');

/** Every file of the core with the core files it imports (type imports included). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(join(CORE, file), 'utf8');
    const targets = [...source.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map(
      (match) => relative(CORE, resolve(dirname(join(CORE, file)), match[1]!)),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** Groups of files that import each other in a circle (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== file);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('layers of the core', () => {
  const graph = importGraph();

  it('has no domain folder importing the command layer', () => {
    const offenders = [...graph].flatMap(([file, targets]) =>
      file.startsWith('commands/') || file === 'core.ts'
        ? []
        : targets.filter((target) => target.startsWith('commands/')).map((t) => `${file} -> ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the interaction floor free of services and commands', () => {
    const offenders = [...graph].flatMap(([file, targets]) =>
      file.startsWith('interaction/')
        ? targets.filter((t) => !/^(interaction\/|i18n\/|[a-z]+\/[a-z-]+\.types\.ts$)/.test(t))
        : [],
    );
    expect(offenders).toEqual([]);
  });

  it('has no import circle crossing folders', () => {
    const folder = (file: string) => file.split('/')[0];
    const crossing = cycles(graph).filter((group) => new Set(group.map(folder)).size > 1);
    expect(crossing).toEqual([]);
  });

  it('sees the imports it checks', () => {
    expect(graph.get('commands/run-command.ts')).toContain('interaction/request.ts');
  });
});
