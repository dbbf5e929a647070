// SQLite's fast form of the bulk writes (src/lib/db/kysely-bulk-writer.ts is the form for every
// dialect): cached prepared statements on the raw connection, run inside the caller's
// transaction (Kysely's and these share the one connection). Reached through bulkWriterFor
// (src/lib/db/writer.ts), never directly from outside src/lib/db.
import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { DatabaseSchema } from '../types';
import type { UpsertOptions } from '../bulk-writes';

type Table = keyof DatabaseSchema & string;
const MAX_IDS_PER_STATEMENT = 500;

export interface BulkWriter {
  /** Inserts or updates rows; returns the ids refused because another owner has them. */
  upsert<T extends Table>(table: T, rows: Insertable<DatabaseSchema[T]>[], options?: UpsertOptions): string[];
  /** Deletes rows whose `column` is one of `values` (and, optionally, `where` column = value). */
  deleteWhereIn(table: Table, column: string, values: string[], where?: [string, string]): void;
  /** The record_hash stored for each of the given ids that the table holds. */
  storedHashes(table: 'location' | 'organization' | 'service', ids: string[]): Map<string, string | null>;
  /** Values of `select` for rows whose `column` is one of `values`. */
  idsWhereIn(table: Table, select: string, column: string, values: string[]): string[];
  /** The given columns of rows whose `column` is one of `values`. */
  rowsWhereIn(table: Table, select: string[], column: string, values: string[]): Record<string, unknown>[];
  /** Plain inserts (for tables whose ids SQLite numbers, such as change_history). */
  insert<T extends Table>(table: T, rows: Insertable<DatabaseSchema[T]>[]): void;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const writers = new WeakMap<Database.Database, BulkWriter>();

/** The bulk writer of a connection; one per connection, so its prepared statements are reused across batches. */
export function bulkWriter(sqlite: Database.Database): BulkWriter {
  let writer = writers.get(sqlite);
  if (!writer) {
    writer = makeBulkWriter(sqlite);
    writers.set(sqlite, writer);
  }
  return writer;
}

function makeBulkWriter(sqlite: Database.Database): BulkWriter {
  const statements = new Map<string, Database.Statement>();
  const statement = (key: string, sql: () => string) => {
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = sqlite.prepare(sql());
      statements.set(key, prepared);
    }
    return prepared;
  };
  const inChunks = (values: string[], run: (chunk: string[]) => void) => {
    for (let i = 0; i < values.length; i += MAX_IDS_PER_STATEMENT) run(values.slice(i, i + MAX_IDS_PER_STATEMENT));
  };
  const placeholders = (chunk: unknown[]) => chunk.map(() => '?').join(', ');
  return {
    upsert(table, rows, { onConflict = 'update', owners = [] } = {}) {
      if (!rows.length) return [];
      const columns = Object.keys(rows[0]!);
      const insert = statement(`upsert:${table}:${onConflict}:${owners.join(',')}:${columns.join(',')}`, () => {
        const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
        const sameOwner = owners.map((c) => `${quote(table)}.${quote(c)} is excluded.${quote(c)}`).join(' and ');
        const conflict =
          onConflict === 'keep' || !updates.length ? 'do nothing' : `do update set ${updates.join(', ')}${sameOwner ? ` where ${sameOwner}` : ''}`;
        return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${placeholders(columns)}) on conflict (id) ${conflict}`;
      });
      const refused: string[] = [];
      for (const row of rows) {
        const values = columns.map((column) => (row as Record<string, unknown>)[column]);
        if (insert.run(...values).changes === 0 && owners.length) refused.push((row as unknown as { id: string }).id);
      }
      return refused;
    },
    deleteWhereIn(table, column, values, where) {
      inChunks(values, (chunk) => {
        const extra = where ? ` and ${quote(where[0])} = ?` : '';
        statement(
          `delete:${table}:${column}:${extra}:${chunk.length}`,
          () => `delete from ${quote(table)} where ${quote(column)} in (${placeholders(chunk)})${extra}`,
        ).run(...chunk, ...(where ? [where[1]] : []));
      });
    },
    storedHashes(table, ids) {
      const found = new Map<string, string | null>();
      inChunks(ids, (chunk) => {
        const rows = statement(`hashes:${table}:${chunk.length}`, () => `select id, record_hash from ${quote(table)} where id in (${placeholders(chunk)})`)
          .raw(true)
          .all(...chunk) as [string, string | null][];
        for (const [id, hash] of rows) found.set(id, hash);
      });
      return found;
    },
    idsWhereIn(table, select, column, values) {
      const found: string[] = [];
      inChunks(values, (chunk) => {
        found.push(
          ...(statement(
            `ids:${table}:${select}:${column}:${chunk.length}`,
            () => `select ${quote(select)} from ${quote(table)} where ${quote(column)} in (${placeholders(chunk)})`,
          )
            .pluck()
            .all(...chunk) as string[]),
        );
      });
      return found;
    },
    rowsWhereIn(table, select, column, values) {
      const found: Record<string, unknown>[] = [];
      inChunks(values, (chunk) => {
        found.push(
          ...(statement(
            `rows:${table}:${select.join(',')}:${column}:${chunk.length}`,
            () => `select ${select.map(quote).join(', ')} from ${quote(table)} where ${quote(column)} in (${placeholders(chunk)})`,
          ).all(...chunk) as Record<string, unknown>[]),
        );
      });
      return found;
    },
    insert(table, rows) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!);
      const insert = statement(
        `insert:${table}:${columns.join(',')}`,
        () => `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${placeholders(columns)})`,
      );
      for (const row of rows) insert.run(...columns.map((column) => (row as Record<string, unknown>)[column]));
    },
  };
}
