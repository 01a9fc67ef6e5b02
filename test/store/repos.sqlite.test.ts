import { describe } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { tempSqliteUrl } from '../support/databases.ts';
import { repositoryContract } from './repos.contract.ts';

describe('repositories on SQLite', () => {
  repositoryContract(async () => {
    const file = tempSqliteUrl();
    return { db: await openDatabase(file.url), cleanup: async () => file.cleanup() };
  });
});
