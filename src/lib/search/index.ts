// Chooses the search backend for a directory database (SEARCH_BACKEND; SQLite FTS5 by default).
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from './search-backend';
import { SqliteFtsBackend } from './sqlite-fts/sqlite-fts-backend';

import { appConfig, SEARCH_BACKENDS } from '../config';

export function createSearchBackend(directory: DirectoryDatabase, name: string = appConfig().SEARCH_BACKEND): SearchBackend {
  if (name === 'sqlite') return new SqliteFtsBackend(directory.sqlite);
  throw new Error(`SEARCH_BACKEND is "${name}", which this version does not have. Use one of: ${SEARCH_BACKENDS.join(', ')}.`);
}
