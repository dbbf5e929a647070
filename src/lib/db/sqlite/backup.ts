// Backups of the SQLite database while the site runs (SQLite's online backup API, through
// better-sqlite3), each checked before it is trusted, and restores that keep what they replace.
import Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from '../migrations';

export interface BackupSummary {
  path: string;
  bytes: number;
  services: number;
  /** The last migration the database has: a restore needs code that knows it. */
  migration: string | null;
}

export class BackupError extends Error {}

const KNOWN_MIGRATIONS = new Set(Object.keys(migrations));

/**
 * Checks that a file is a whole, readable directory database: SQLite's integrity check passes,
 * it has the migrations table, and every migration in it is one this code knows.
 */
export function checkDatabaseFile(path: string): BackupSummary {
  if (!existsSync(path)) throw new BackupError(`There is no file at ${path}.`);
  let database: Database.Database;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${path} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      integrity = String(database.pragma('integrity_check', { simple: true }));
    } catch (error) {
      throw new BackupError(`${path} is not a SQLite database, or is damaged: ${(error as Error).message}`);
    }
    if (integrity !== 'ok') throw new BackupError(`${path} is damaged (SQLite's integrity check says: ${integrity}).`);
    const hasMigrations = database.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (!hasMigrations) throw new BackupError(`${path} is a SQLite database, but not one of this directory's.`);
    const applied = database.prepare('select name from kysely_migration order by name').pluck().all() as string[];
    const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.has(name));
    if (unknown.length) {
      throw new BackupError(`${path} was made by a newer version of the directory (it has ${unknown.join(', ')}): update the code before restoring it.`);
    }
    const hasServices = database.prepare(`select 1 from sqlite_master where type = 'table' and name = 'service'`).get();
    const services = hasServices ? Number(database.prepare('select count(*) from service').pluck().get()) : 0;
    return { path, bytes: statSync(path).size, services, migration: applied.at(-1) ?? null };
  } finally {
    database.close();
  }
}

/**
 * Copies the live database at `source` to `target` (which must not exist) while others go on
 * reading and writing it: SQLite's backup API copies a consistent snapshot, a few pages at a
 * time, starting again if a write lands mid-copy. The copy is checked before it is kept.
 */
export async function backupDatabase(
  source: string,
  target: string,
  { onProgress, pagesPerStep = 1000 }: { onProgress?: (done: number, total: number) => void; pagesPerStep?: number } = {},
): Promise<BackupSummary> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: a backup never overwrites a file.`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const database = new Database(source, { fileMustExist: true });
  try {
    await database.backup(partial, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep; // others get the database between steps
      },
    });
  } finally {
    database.close();
  }
  // A backup is a single file: no write-ahead log beside it.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  checkDatabaseFile(partial);
  renameSync(partial, target);
  return checkDatabaseFile(target);
}

/**
 * Puts a checked backup in place of the database at `target`. What was there is first backed up
 * beside it (`<target>.before-restore-<time>`), so a restore never loses anything. The restored
 * search tables get a new epoch, so a server still running reloads its copy of them.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ restored: BackupSummary; keptAs: string | null }> {
  checkDatabaseFile(backup);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await backupDatabase(target, keptAs);
  }
  mkdirSync(dirname(target), { recursive: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    // Written through SQLite into the target file (locks and its write-ahead log respected).
    await source.backup(target);
  } finally {
    source.close();
  }
  const restored = new Database(target);
  try {
    restored.pragma('journal_mode = WAL');
    const hasMeta = restored.prepare(`select 1 from sqlite_master where type = 'table' and name = 'search_meta'`).get();
    if (hasMeta) restored.prepare(`update search_meta set value = ? where key = 'epoch'`).run(randomInt(1, 2 ** 47));
  } finally {
    restored.close();
  }
  return { restored: checkDatabaseFile(target), keptAs };
}
