// What every bulk writer does (imports, the editor, the review queue): the operations and their
// options, whatever the engine. kysely-bulk-writer.ts runs them on any dialect through Kysely;
// sqlite/bulk-writer.ts is SQLite's faster form. bulkWriterFor (writer.ts) picks one.
import type { Insertable } from 'kysely';
import type { DatabaseSchema } from './types';

export type Table = keyof DatabaseSchema & string;

export interface UpsertOptions {
  /** On an existing id: "update" replaces the row's values, "keep" leaves the stored row. */
  onConflict?: 'update' | 'keep';
  /**
   * Columns that say who owns a row (service_id, ...). An existing row with the same id but
   * another owner is left alone and its id returned, rather than moved to the new owner.
   */
  owners?: string[];
}

export interface AsyncBulkWriter {
  /** Inserts or updates rows; returns the ids refused because another owner has them. */
  upsert<T extends Table>(table: T, rows: Insertable<DatabaseSchema[T]>[], options?: UpsertOptions): Promise<string[]>;
  /** Deletes rows whose `column` is one of `values` (and, optionally, `where` column = value). */
  deleteWhereIn(table: Table, column: string, values: string[], where?: [string, string]): Promise<void>;
  /** The record_hash stored for each of the given ids that the table holds. */
  storedHashes(table: 'location' | 'organization' | 'service', ids: string[]): Promise<Map<string, string | null>>;
  /** Values of `select` for rows whose `column` is one of `values`. */
  idsWhereIn(table: Table, select: string, column: string, values: string[]): Promise<string[]>;
  /** The given columns of rows whose `column` is one of `values`. */
  rowsWhereIn(table: Table, select: string[], column: string, values: string[]): Promise<Record<string, unknown>[]>;
  /** Plain inserts (for tables whose ids the database numbers, such as change_history). */
  insert<T extends Table>(table: T, rows: Insertable<DatabaseSchema[T]>[]): Promise<void>;
}
