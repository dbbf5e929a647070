// Fast bulk writes for imports: cached prepared statements on the raw SQLite connection, run
// inside the caller's transaction (Kysely's and these share the one connection).
import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { DatabaseSchema } from './types';

type Table = keyof DatabaseSchema & string;
const MAX_IDS_PER_STATEMENT = 500;

export interface BulkWriter {
  /** Inserts rows; on an existing id, "update" replaces the row's values and "keep" leaves it. */
  upsert<T extends Table>(table: T, rows: Insertable<DatabaseSchema[T]>[], onConflict?: 'update' | 'keep'): void;
  /** Deletes rows whose `column` is one of `values` (and, optionally, `where` column = value). */
  deleteWhereIn(table: Table, column: string, values: string[], where?: [string, string]): void;
  /** Which of the given ids the table already holds. */
  existingIds(table: Table, ids: string[]): string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function bulkWriter(sqlite: Database.Database): BulkWriter {
  const statements = new Map<string, Database.Statement>();
  const statement = (key: string, sql: () => string) => {
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = sqlite.prepare(sql());
      statements.set(key, prepared);
    }
    return prepared;
  };
  return {
    upsert(table, rows, onConflict = 'update') {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!);
      const insert = statement(`upsert:${table}:${onConflict}:${columns.join(',')}`, () => {
        const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
        const conflict = onConflict === 'keep' || !updates.length ? 'do nothing' : `do update set ${updates.join(', ')}`;
        return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict (id) ${conflict}`;
      });
      for (const row of rows) insert.run(...columns.map((column) => (row as Record<string, unknown>)[column]));
    },
    deleteWhereIn(table, column, values, where) {
      for (let i = 0; i < values.length; i += MAX_IDS_PER_STATEMENT) {
        const chunk = values.slice(i, i + MAX_IDS_PER_STATEMENT);
        const extra = where ? ` and ${quote(where[0])} = ?` : '';
        statement(`delete:${table}:${column}:${extra}:${chunk.length}`, () =>
          `delete from ${quote(table)} where ${quote(column)} in (${chunk.map(() => '?').join(', ')})${extra}`,
        ).run(...chunk, ...(where ? [where[1]] : []));
      }
    },
    existingIds(table, ids) {
      const found: string[] = [];
      for (let i = 0; i < ids.length; i += MAX_IDS_PER_STATEMENT) {
        const chunk = ids.slice(i, i + MAX_IDS_PER_STATEMENT);
        found.push(...(statement(`exists:${table}:${chunk.length}`, () =>
          `select id from ${quote(table)} where id in (${chunk.map(() => '?').join(', ')})`,
        ).pluck().all(...chunk) as string[]));
      }
      return found;
    },
  };
}
