// Chooses the search backend: for a directory database, SEARCH_BACKEND (SQLite FTS5 by default);
// for a PostgreSQL connection, the PostgreSQL backend (src/lib/search/postgres), whose tables the
// migrations make there (0015). The directory itself does not run on PostgreSQL yet, so nothing
// passes a PostgreSQL connection here but the tests and code that opens one itself.
import type { Kysely } from 'kysely';
import type { DirectoryDatabase } from '../db/database';
import { dialectOf } from '../db/dialect';
import type { DatabaseSchema } from '../db/types';
import type { SearchBackend } from './search-backend';
import { SqliteFtsBackend } from './sqlite-fts/sqlite-fts-backend';
import { PostgresSearchBackend, createPostgresSearchBackend } from './postgres/postgres-backend';

export { PostgresSearchBackend, createPostgresSearchBackend };

export const SEARCH_BACKENDS = ['sqlite'] as const;

function isKysely(source: DirectoryDatabase | Kysely<DatabaseSchema>): source is Kysely<DatabaseSchema> {
  return typeof (source as Kysely<DatabaseSchema>).getExecutor === 'function';
}

export function createSearchBackend(
  source: DirectoryDatabase | Kysely<DatabaseSchema>, name = process.env.SEARCH_BACKEND || 'sqlite',
): SearchBackend {
  if (isKysely(source)) {
    if (dialectOf(source) === 'postgres') return createPostgresSearchBackend(source);
    throw new Error('A search backend for SQLite needs the directory database (openDatabase), not a Kysely instance alone.');
  }
  if (name === 'sqlite') return new SqliteFtsBackend(source.sqlite);
  throw new Error(`SEARCH_BACKEND is "${name}", which this version does not have. Use one of: ${SEARCH_BACKENDS.join(', ')}.`);
}
