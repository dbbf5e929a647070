// One meaning for the bulk writes, whatever writes them: SQLite's synchronous writer
// (src/lib/db/sqlite/bulk-writer.ts), and the async Kysely writer (src/lib/db/kysely-bulk-writer.ts) on
// SQLite and on a real PostgreSQL. The same cases run on each, on a fully migrated database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type DirectoryDatabase, type SqliteDirectory } from '../../src/lib/db/database';
import { bulkWriter } from '../../src/lib/db/sqlite/bulk-writer';
import { kyselyBulkWriter } from '../../src/lib/db/kysely-bulk-writer';
import type { AsyncBulkWriter } from '../../src/lib/db/bulk-writes';
import { openPostgresDirectory } from '../../src/lib/db/postgres/open';
import type { PostgresDirectory } from '../../src/lib/db/database';
import type { DatabaseSchema } from '../../src/lib/db/types';
import { startTestPostgres, type TestPostgres } from '../fixtures/postgres';

interface Subject {
  db: Kysely<DatabaseSchema>;
  writer: AsyncBulkWriter;
}

/** The synchronous SQLite writer, seen through the async interface. */
function sqliteWriterAsAsync(directory: SqliteDirectory): AsyncBulkWriter {
  const sync = bulkWriter(directory.sqlite);
  return {
    upsert: async (table, rows, options) => sync.upsert(table, rows, options),
    deleteWhereIn: async (table, column, values, where) => sync.deleteWhereIn(table, column, values, where),
    storedHashes: async (table, ids) => sync.storedHashes(table, ids),
    idsWhereIn: async (table, select, column, values) => sync.idsWhereIn(table, select, column, values),
    rowsWhereIn: async (table, select, column, values) => sync.rowsWhereIn(table, select, column, values),
    insert: async (table, rows) => sync.insert(table, rows),
  };
}

let folder: string;
let server: TestPostgres;
const opened: (DirectoryDatabase | PostgresDirectory)[] = [];

async function sqliteDatabase(name: string): Promise<SqliteDirectory> {
  const directory = openDatabase(join(folder, `${name}.sqlite`));
  await migrateToLatest(directory.db);
  opened.push(directory);
  return directory;
}

const subjects: [string, () => Promise<Subject>][] = [
  [
    'SQLite, synchronous writer',
    async () => {
      const directory = await sqliteDatabase(`sync-${Math.random()}`);
      return { db: directory.db, writer: sqliteWriterAsAsync(directory) };
    },
  ],
  [
    'SQLite, Kysely writer',
    async () => {
      const directory = await sqliteDatabase(`kysely-${Math.random()}`);
      return { db: directory.db, writer: kyselyBulkWriter(directory.db) };
    },
  ],
  [
    'PostgreSQL, Kysely writer',
    async () => {
      const database = openPostgresDirectory(await server.freshDatabase(), { maxConnections: 2 });
      opened.push(database);
      await migrateToLatest(database.db);
      return { db: database.db, writer: kyselyBulkWriter(database.db) };
    },
  ],
];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'directory-bulk-'));
  server = await startTestPostgres();
}, 120_000);

afterAll(async () => {
  for (const database of opened) await database.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const organisation = (id: string, name: string, hash: string | null = null) => ({ id, name, record_hash: hash });
const terms = (db: Kysely<DatabaseSchema>) => db.selectFrom('taxonomy_term').select(['id', 'name', 'parent_id']).orderBy('id').execute();

describe.each(subjects)('bulk writes: %s', (_name, make) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await make();
  }, 120_000);

  it('inserts, then updates on the same id, or keeps the stored row when told', async () => {
    const { db, writer } = subject;
    await writer.upsert('organization', [organisation('o1', 'First'), organisation('o2', 'Second', 'h2')]);
    await writer.upsert('organization', [organisation('o1', 'First, renamed', 'h1')]);
    await writer.upsert('organization', [organisation('o2', 'Not this name')], { onConflict: 'keep' });
    const rows = await db.selectFrom('organization').select(['id', 'name', 'record_hash']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'o1', name: 'First, renamed', record_hash: 'h1' },
      { id: 'o2', name: 'Second', record_hash: 'h2' },
    ]);
  });

  it('a later row with the same id wins within one call', async () => {
    const { db, writer } = subject;
    await writer.upsert('organization', [organisation('o3', 'Early'), organisation('o4', 'Other'), organisation('o3', 'Late')]);
    expect((await db.selectFrom('organization').select('name').where('id', '=', 'o3').executeTakeFirstOrThrow()).name).toBe('Late');
  });

  it('refuses to move a row to another owner, and says which ids', async () => {
    const { db, writer } = subject;
    await writer.upsert('taxonomy_term', [
      { id: 'root-a', name: 'A', parent_id: null },
      { id: 'root-b', name: 'B', parent_id: null },
      { id: 't1', name: 'Under A', parent_id: 'root-a' },
      { id: 't2', name: 'Under nothing', parent_id: null },
    ]);
    const refused = await writer.upsert(
      'taxonomy_term',
      [
        { id: 't1', name: 'Moved to B?', parent_id: 'root-b' }, // another owner: refused
        { id: 't2', name: 'Still under nothing', parent_id: null }, // same owner (null is null): updated
        { id: 't3', name: 'New under B', parent_id: 'root-b' }, // new: inserted
      ],
      { owners: ['parent_id'] },
    );
    expect(refused).toEqual(['t1']);
    expect(await terms(db)).toEqual([
      { id: 'root-a', name: 'A', parent_id: null },
      { id: 'root-b', name: 'B', parent_id: null },
      { id: 't1', name: 'Under A', parent_id: 'root-a' },
      { id: 't2', name: 'Still under nothing', parent_id: null },
      { id: 't3', name: 'New under B', parent_id: 'root-b' },
    ]);
  });

  it('reads hashes, ids and rows by a list of values, in pieces past the statement limits', async () => {
    const { writer } = subject;
    const many = Array.from({ length: 1_234 }, (_, i) => organisation(`m${String(i).padStart(4, '0')}`, `Many ${i}`, `hash ${i}`));
    await writer.upsert('organization', many);
    const ids = many.map((row) => row.id);
    const hashes = await writer.storedHashes('organization', [...ids, 'absent']);
    expect(hashes.size).toBe(1_234);
    expect(hashes.get('m0007')).toBe('hash 7');
    expect(hashes.has('absent')).toBe(false);
    expect((await writer.idsWhereIn('organization', 'name', 'id', ['m0001', 'm1233', 'absent'])).sort()).toEqual(['Many 1', 'Many 1233']);
    const rows = await writer.rowsWhereIn('organization', ['id', 'record_hash'], 'id', ids);
    expect(rows).toHaveLength(1_234);
    expect(rows.find((row) => row.id === 'm1000')).toEqual({ id: 'm1000', record_hash: 'hash 1000' });
  });

  it('deletes by a list of values, optionally only where another column has a value', async () => {
    const { db, writer } = subject;
    await writer.upsert('taxonomy_term', [
      { id: 'd1', name: 'Gone', parent_id: 'root-a' },
      { id: 'd2', name: 'Stays (other parent)', parent_id: 'root-b' },
      { id: 'd3', name: 'Gone too', parent_id: 'root-a' },
    ]);
    await writer.deleteWhereIn('taxonomy_term', 'id', ['d1', 'd2', 'd3'], ['parent_id', 'root-a']);
    expect((await terms(db)).map((row) => row.id)).toContain('d2');
    expect((await terms(db)).map((row) => row.id)).not.toContain('d1');
    await writer.deleteWhereIn(
      'organization',
      'id',
      Array.from({ length: 1_234 }, (_, i) => `m${String(i).padStart(4, '0')}`),
    );
    expect(await writer.storedHashes('organization', ['m0001', 'o1'])).toEqual(new Map([['o1', 'h1']]));
  });

  it('inserts rows the database numbers, many at once', async () => {
    const { db, writer } = subject;
    const history = Array.from({ length: 2_500 }, (_, i) => ({
      entity: 'service',
      entity_id: `s${i}`,
      field: 'name',
      old_value: null,
      new_value: `name ${i}`,
      changed_at: '2026-12-03T12:00:00Z',
      changed_by: 'import',
    }));
    await writer.insert('change_history', history);
    const counted = await sql<{ n: number; distinct_ids: number }>`select count(*) as n, count(distinct id) as distinct_ids from change_history`.execute(db);
    expect(counted.rows[0]).toEqual({ n: 2_500, distinct_ids: 2_500 });
  });
});
