import { describe } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
} from '../support/databases.ts';
import { repositoryContract } from './repos.contract.ts';

reportPostgresSkip('repositories on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('repositories on PostgreSQL', () => {
  repositoryContract(async () => {
    const database = await createPostgresDatabase('organizer_repos');
    return { db: await openDatabase(database.url), cleanup: database.drop };
  });
});
