// The directory's database, whichever engine holds it: a SQLite file (the default, one server)
// or PostgreSQL (DATABASE_URL=postgres://…, several servers on one database). Everything outside
// src/lib/db works through `db` (Kysely) and the few methods here, never an engine's own API;
// the engines' own code is in db/sqlite/ and db/postgres/.
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { isPostgresUrl, type Dialect } from './dialect';
import { migrations } from './migrations';
import type { DatabaseSchema } from './types';
import { appConfig, DEFAULT_DATABASE_PATH, type Config } from '../config';
import { checkpointSqlite, openSqliteDatabase } from './sqlite/open';
import { SERVER_RETRY_FOR_MS } from './busy-retry';
import { openPostgresDirectory } from './postgres/open';

export { DEFAULT_DATABASE_PATH, SERVER_RETRY_FOR_MS };

interface DirectoryBase {
  dialect: Dialect;
  db: Kysely<DatabaseSchema>;
  /** The file's path, or for PostgreSQL the URL without its password (for messages). */
  path: string;
  /**
   * Changes whenever anything is written to the database, by this process or another: the
   * search page cache keeps a page only while it is unchanged (src/lib/http/page-cache.ts).
   */
  version(): Promise<string>;
  close(): Promise<void>;
}

export interface SqliteDirectory extends DirectoryBase {
  dialect: 'sqlite';
  /** The raw connection, for SQLite's own fast paths inside src/lib/db and src/lib/search/sqlite-fts. */
  sqlite: Database.Database;
}

export interface PostgresDirectory extends DirectoryBase {
  dialect: 'postgres';
  sqlite?: undefined;
}

export type DirectoryDatabase = SqliteDirectory | PostgresDirectory;

export interface OpenOptions {
  /**
   * How long a query through Kysely keeps trying while another connection holds the write lock,
   * without blocking (then DatabaseBusyError). The server's default is short: a request answers
   * "busy, try again" rather than hang. Command-line jobs may wait longer. (On PostgreSQL, the
   * connections' lock_timeout.)
   */
  retryForMs?: number;
  /**
   * How long SQLite itself may wait for a lock, blocking the whole process: 0 for the server (the
   * raw statements of the search backend read, and WAL readers never wait for writers). A
   * command-line job has no other requests to keep going, so it may wait. (SQLite only.)
   */
  blockingWaitMs?: number;
  /** PostgreSQL only: connections in the pool (default 10; 1 for a one-off command). */
  maxConnections?: number;
}

/** What command-line jobs (import, freshness, migrate) wait for the site's writes to finish. */
export const TOOL_OPEN_OPTIONS: OpenOptions = { retryForMs: 60_000, blockingWaitMs: 5_000 };

/**
 * Where the directory is: the SQLite file DATABASE_PATH when it is set; else DATABASE_URL when it
 * names PostgreSQL; else data/directory.sqlite.
 */
export function databaseLocationFromEnv(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'> = appConfig()): string {
  if (config.DATABASE_PATH) return config.DATABASE_PATH;
  if (isPostgresUrl(config.DATABASE_URL)) return config.DATABASE_URL;
  return DEFAULT_DATABASE_PATH;
}

/**
 * The SQLite file, for the commands that work on a file only (backup, restore): DATABASE_PATH,
 * else data/directory.sqlite. A DATABASE_URL naming PostgreSQL is refused with a plain message
 * rather than ignored.
 */
export function databasePathFromEnv(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'> = appConfig()): string {
  if (config.DATABASE_PATH) return config.DATABASE_PATH;
  if (isPostgresUrl(config.DATABASE_URL)) {
    throw new Error(
      'DATABASE_URL names a PostgreSQL database, and this command works on a SQLite file. ' +
        'For PostgreSQL use its own tools (docs/postgres.md), or unset DATABASE_URL to use the SQLite file.',
    );
  }
  return DEFAULT_DATABASE_PATH;
}

/** The SQLite database at `path` (a file, or ':memory:'). */
export function openDatabase(path: string = databasePathFromEnv(), options: OpenOptions = {}): SqliteDirectory {
  return openSqliteDatabase(path, options);
}

/** The directory at `location`: a postgres:// URL or a SQLite file path (by default, from the environment). */
export function openDirectoryDatabase(location: string = databaseLocationFromEnv(), options: OpenOptions = {}): DirectoryDatabase {
  return isPostgresUrl(location) ? openPostgresDirectory(location, options) : openSqliteDatabase(location, options);
}

/** After a large import: folds SQLite's write-ahead log back into the file (nothing to do on PostgreSQL). */
export function checkpoint(directory: DirectoryDatabase): void {
  if (directory.dialect === 'sqlite') checkpointSqlite(directory.sqlite);
}

/** How much room the directory takes, in bytes: the SQLite file (its log apart), or PostgreSQL's database. */
export async function databaseSize(directory: DirectoryDatabase): Promise<number> {
  if (directory.dialect === 'sqlite') return statSync(directory.path).size;
  const { rows } = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(directory.db);
  return Number(rows[0]!.bytes);
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
