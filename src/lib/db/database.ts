// Opens the SQLite database (WAL, foreign keys on) behind Kysely, and runs migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';
import type { DatabaseSchema } from './types';

export const DEFAULT_DATABASE_PATH = 'data/directory.sqlite';

export interface DirectoryDatabase {
  db: Kysely<DatabaseSchema>;
  /** The raw connection, for the search backend's hot path and SQLite-only pragmas. */
  sqlite: Database.Database;
  path: string;
  close(): Promise<void>;
}

export function openDatabase(path = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH): DirectoryDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536'); // 64 MB: imports touch many pages keyed by random UUIDs
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
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
