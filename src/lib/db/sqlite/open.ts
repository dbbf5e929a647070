// Opens the SQLite database file (WAL, foreign keys on) behind Kysely. Locks held by another
// connection are waited for asynchronously (src/lib/db/busy-retry.ts), never by blocking.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { BusyRetrySqliteDialect, SERVER_RETRY_FOR_MS } from '../busy-retry';
import type { DatabaseSchema } from '../types';
import type { OpenOptions, SqliteDirectory } from '../database';

export function openSqliteDatabase(path: string, options: OpenOptions = {}): SqliteDirectory {
  // A PostgreSQL address given as a file path would otherwise become a folder named "postgres:".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw new Error(
      `"${path.replace(/\/\/[^@/]*@/, '//…@')}" is a database address, not a SQLite file: give a PostgreSQL address as DATABASE_URL, and a file as DATABASE_PATH.`,
    );
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { timeout: options.blockingWaitMs ?? 0 });
  // Switching to WAL needs a moment's exclusive lock; a file already in WAL mode needs none.
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.blockingWaitMs ?? 0}`);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536'); // 64 MB: imports touch many pages keyed by random UUIDs
  const db = new Kysely<DatabaseSchema>({
    dialect: new BusyRetrySqliteDialect({ database: sqlite }, { retryForMs: options.retryForMs ?? SERVER_RETRY_FOR_MS }),
  });
  const version = sqlite.prepare('select total_changes()').pluck();
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    path,
    // `data_version` changes with every commit by other connections (another process, a
    // command-line import), total_changes() with this one's own.
    version: async () => `${sqlite.pragma('data_version', { simple: true }) as number}:${version.get() as number}`,
    // Kysely's destroy() closes the better-sqlite3 connection too.
    close: () => db.destroy(),
  };
}

/** Folds the write-ahead log back into the database file, after a large import. */
export function checkpointSqlite(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Runs `work` with a bigger page cache (a large import touches pages all over the file), then
 * puts the cache back as it was.
 */
export async function withLargeCache<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}
