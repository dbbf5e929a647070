// Chooses the search backend for a directory database (SEARCH_BACKEND; SQLite FTS5 by default).
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from './search-backend';
import { SqliteFtsBackend } from './sqlite-fts/sqlite-fts-backend';

export const SEARCH_BACKENDS = ['sqlite'] as const;

export function createSearchBackend(directory: DirectoryDatabase, name = process.env.SEARCH_BACKEND || 'sqlite'): SearchBackend {
  if (name === 'sqlite') return new SqliteFtsBackend(directory.sqlite);
  throw new Error(`SEARCH_BACKEND is "${name}", which this version does not have. Use one of: ${SEARCH_BACKENDS.join(', ')}.`);
}
