// Chooses the search backend for a directory database (SEARCH_BACKEND; by default the one of the
// directory's own engine: SQLite FTS5 for a SQLite file, PostgreSQL's full-text search for
// PostgreSQL, whose tables the migrations make there, 0015).
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from './search-backend';
import { SqliteFtsBackend } from './sqlite-fts/sqlite-fts-backend';
import { PostgresSearchBackend } from './postgres/postgres-backend';
import { appConfig, SEARCH_BACKENDS } from '../config';

export function createSearchBackend(directory: DirectoryDatabase, name: string = appConfig().SEARCH_BACKEND ?? directory.dialect): SearchBackend {
  if (name === 'sqlite') {
    if (directory.dialect !== 'sqlite') throw new Error('SEARCH_BACKEND is "sqlite", which needs the directory in a SQLite file, not PostgreSQL.');
    return new SqliteFtsBackend(directory.sqlite);
  }
  if (name === 'postgres') {
    if (directory.dialect !== 'postgres')
      throw new Error('SEARCH_BACKEND is "postgres", which needs the directory in PostgreSQL (DATABASE_URL), not a SQLite file.');
    return new PostgresSearchBackend(directory.db);
  }
  throw new Error(`SEARCH_BACKEND is "${name}", which this version does not have. Use one of: ${SEARCH_BACKENDS.join(', ')}.`);
}
