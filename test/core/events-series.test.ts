import { describe } from 'vitest';
import { seriesCases } from './events-series.cases.ts';

describe('recurring series on SQLite', () => seriesCases('sqlite'));
