/** Where the PostgreSQL twin of the SQLite schema lives, relative to the project root. */
export const TWIN_PATH = 'prisma/postgres/schema.prisma';
/** The schema developers edit, relative to the project root. */
export const SOURCE_PATH = 'prisma/schema.prisma';

const HEADER = `// GENERATED from ${SOURCE_PATH} by \`npm run db:twin\` (also run by \`npm run db:migrate\`).
// Do not edit: change ${SOURCE_PATH} and regenerate. Only the datasource provider and the
// generated client's folder differ; this schema has its own history in prisma/postgres/migrations.
`;

/** Each rewrite the twin needs, with what it must find in the source. */
const REWRITES: { what: string; pattern: RegExp; replacement: string }[] = [
  {
    what: 'datasource provider "sqlite"',
    pattern: /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    replacement: '$1"postgresql"',
  },
  {
    what: 'generator output "../src/generated/sqlite"',
    pattern: /(output\s*=\s*)"\.\.\/src\/generated\/sqlite"/,
    replacement: '$1"../../src/generated/postgres"',
  },
];

/**
 * The PostgreSQL schema for a SQLite schema: the same models, provider `postgresql`, the client
 * generated into `src/generated/postgres`, and a header saying it is generated. The source's
 * opening comment block is replaced by that header. Throws when the source lacks what is
 * rewritten, so a change of layout cannot produce a silently wrong twin.
 */
export function renderPostgresTwin(sqliteSchema: string): string {
  let body = sqliteSchema.replace(/^(\s*\/\/[^\n]*\n)+\s*/, '');
  for (const { what, pattern, replacement } of REWRITES) {
    if (!pattern.test(body)) throw new Error(`${SOURCE_PATH} has no ${what} to rewrite.`);
    body = body.replace(pattern, replacement);
  }
  return `${HEADER}\n${body}`;
}
