import { describe } from 'vitest';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { coverSuite } from './covers.suite.ts';

reportPostgresSkip('cover requests on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('cover requests on PostgreSQL', () => coverSuite('postgresql'));
