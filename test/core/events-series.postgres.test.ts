import { describe } from 'vitest';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { seriesCases } from './events-series.cases.ts';

reportPostgresSkip('recurring series on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('recurring series on PostgreSQL', () =>
  seriesCases('postgresql'),
);
