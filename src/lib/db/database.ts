// Opens the SQLite database (WAL, foreign keys on) behind Kysely, and runs migrations. Locks held
// by another connection are waited for asynchronously (src/lib/db/busy-retry.ts), never by blocking.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, type MigrationResultSet } from 'kysely';
import { BusyRetrySqliteDialect } from './busy-retry';
import { isPostgresUrl } from './dialect';
import { migrations } from './migrations';
import type { DatabaseSchema } from './types';
import { appConfig, DEFAULT_DATABASE_PATH, type Config } from '../config';

export interface DirectoryDatabase {
  db: Kysely<DatabaseSchema>;
  /** The raw connection, for the search backend's hot path and SQLite-only pragmas. */
  sqlite: Database.Database;
  path: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * How long a query through Kysely keeps trying while another connection holds the write lock,
   * without blocking (then DatabaseBusyError). The server's default is short: a request answers
   * "busy, try again" rather than hang. Command-line jobs may wait longer.
   */
  retryForMs?: number;
  /**
   * How long SQLite itself may wait for a lock, blocking the whole process: 0 for the server (the
   * raw statements of the search backend read, and WAL readers never wait for writers). A
   * command-line job has no other requests to keep going, so it may wait.
   */
  blockingWaitMs?: number;
}

/** A request that meets a lock waits this long at most before "busy, try again" (503). */
export const SERVER_RETRY_FOR_MS = 2_000;
/** What command-line jobs (import, freshness, migrate) wait for the site's writes to finish. */
export const TOOL_OPEN_OPTIONS: OpenOptions = { retryForMs: 60_000, blockingWaitMs: 5_000 };

/**
 * The SQLite file to use: DATABASE_PATH, else data/directory.sqlite. A DATABASE_URL naming
 * PostgreSQL is refused with a plain message rather than ignored, since so far only
 * `npm run migrate` runs on PostgreSQL (docs/postgres.md).
 */
export function databasePathFromEnv(config: Config = appConfig()): string {
  if (config.DATABASE_PATH) return config.DATABASE_PATH;
  if (isPostgresUrl(config.DATABASE_URL)) {
    throw new Error('DATABASE_URL names a PostgreSQL database, but only `npm run migrate` runs on PostgreSQL so far. '
      + 'Unset DATABASE_URL to use the SQLite file (DATABASE_PATH, by default data/directory.sqlite).');
  }
  return DEFAULT_DATABASE_PATH;
}

export function openDatabase(path: string = databasePathFromEnv(), options: OpenOptions = {}): DirectoryDatabase {
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
  return {
    db,
    sqlite,
    path,
    // Kysely's destroy() closes the better-sqlite3 connection too.
    close: () => db.destroy(),
  };
}

/** Folds the write-ahead log back into the database file, after a large import. */
export function checkpoint(directory: DirectoryDatabase): void {
  directory.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

function migrator(db: Kysely<DatabaseSchema>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`);
  }
  return result;
}

export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<DatabaseSchema>): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateDown());
}

/** Migrates up or down to the named migration (it stays applied). */
export async function migrateTo(db: Kysely<DatabaseSchema>, name: string): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateTo(name));
}
