// The bulk writes of imports and the editor (the BulkWriter's operations), async and through
// Kysely, so the same code writes to SQLite and to PostgreSQL inside the caller's transaction.
// src/lib/db/sqlite/bulk-writer.ts is SQLite's faster synchronous form of the same operations; the
// contract test (tests/integration/bulk-writer-contract.test.ts) holds all of them to one meaning.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialect';
import type { DatabaseSchema } from './types';
import type { AsyncBulkWriter } from './bulk-writes';

/** Values a statement may carry: SQLite allows 32,766, PostgreSQL 65,535; both stay well under. */
const MAX_VALUES_PER_STATEMENT = 10_000;
const MAX_IDS_PER_STATEMENT = 500;

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * Rows split so that no id appears twice in one statement (PostgreSQL refuses to update a row
 * twice in one insert), each group in order, so that a later row wins as it does row by row.
 */
function groupsWithoutRepeats<R extends { id?: unknown }>(rows: R[], size: number): R[][] {
  const groups: R[][] = [];
  let current: R[] = [];
  let seen = new Set<unknown>();
  for (const row of rows) {
    if (current.length >= size || (row.id !== undefined && seen.has(row.id))) {
      groups.push(current);
      current = [];
      seen = new Set();
    }
    current.push(row);
    if (row.id !== undefined) seen.add(row.id);
  }
  if (current.length) groups.push(current);
  return groups;
}

export function kyselyBulkWriter(db: Kysely<DatabaseSchema>): AsyncBulkWriter {
  const postgres = dialectOf(db) === 'postgres';
  const ref = (name: string) => sql.ref(name);
  const list = (values: unknown[]) => sql.join(values.map((value) => sql`${value}`));
  const valuesOf = (rows: Record<string, unknown>[], columns: string[]): RawBuilder<unknown> =>
    sql.join(rows.map((row) => sql`(${list(columns.map((column) => row[column] ?? null))})`));
  // "Is the same as, counting null as a value": SQLite's `is`, PostgreSQL's `is not distinct from`.
  const same = (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => (postgres ? sql`${a} is not distinct from ${b}` : sql`${a} is ${b}`);

  return {
    async upsert(table, rows, { onConflict = 'update', owners = [] } = {}) {
      if (!rows.length) return [];
      const columns = Object.keys(rows[0]!);
      const updates = columns.filter((column) => column !== 'id');
      const refused: string[] = [];
      const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
      for (const group of groupsWithoutRepeats(rows as Record<string, unknown>[], perStatement)) {
        const conflict =
          onConflict === 'keep' || !updates.length
            ? sql`do nothing`
            : sql`do update set ${sql.join(updates.map((column) => sql`${ref(column)} = excluded.${ref(column)}`))}${
                owners.length
                  ? sql` where ${sql.join(
                      owners.map((column) => same(sql.ref(`${table}.${column}`), sql`excluded.${ref(column)}`)),
                      sql` and `,
                    )}`
                  : sql``
              }`;
        const written = await sql<{ id: string }>`insert into ${sql.table(table)} (${sql.join(columns.map(ref))})
          values ${valuesOf(group, columns)} on conflict (id) ${conflict} returning id`.execute(db);
        if (owners.length) {
          const done = new Set(written.rows.map((row) => row.id));
          for (const row of group) if (!done.has(row.id as string)) refused.push(row.id as string);
        }
      }
      return refused;
    },

    async deleteWhereIn(table, column, values, where) {
      for (const chunk of chunks(values, MAX_IDS_PER_STATEMENT)) {
        await sql`delete from ${sql.table(table)} where ${ref(column)} in (${list(chunk)})${where ? sql` and ${ref(where[0])} = ${where[1]}` : sql``}`.execute(
          db,
        );
      }
    },

    async storedHashes(table, ids) {
      const found = new Map<string, string | null>();
      for (const chunk of chunks(ids, MAX_IDS_PER_STATEMENT)) {
        const rows = await sql<{ id: string; record_hash: string | null }>`select id, record_hash from ${sql.table(table)}
          where id in (${list(chunk)})`.execute(db);
        for (const row of rows.rows) found.set(row.id, row.record_hash);
      }
      return found;
    },

    async idsWhereIn(table, select, column, values) {
      const found: string[] = [];
      for (const chunk of chunks(values, MAX_IDS_PER_STATEMENT)) {
        const rows = await sql<Record<string, string>>`select ${ref(select)} as value from ${sql.table(table)}
          where ${ref(column)} in (${list(chunk)})`.execute(db);
        found.push(...rows.rows.map((row) => row.value!));
      }
      return found;
    },

    async rowsWhereIn(table, select, column, values) {
      const found: Record<string, unknown>[] = [];
      for (const chunk of chunks(values, MAX_IDS_PER_STATEMENT)) {
        const rows = await sql<Record<string, unknown>>`select ${sql.join(select.map(ref))} from ${sql.table(table)}
          where ${ref(column)} in (${list(chunk)})`.execute(db);
        found.push(...rows.rows);
      }
      return found;
    },

    async insert(table, rows) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!);
      const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
      for (const group of chunks(rows as Record<string, unknown>[], perStatement)) {
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map(ref))}) values ${valuesOf(group, columns)}`.execute(db);
      }
    },
  };
}
