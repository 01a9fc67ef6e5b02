import { describe } from 'vitest';
import { coverSuite } from './covers.suite.ts';

describe('cover requests on SQLite', () => coverSuite('sqlite'));
