// The migrations on a real PostgreSQL: every one goes up, gives the same tables and columns as on
// SQLite, and goes down again to nothing and back up (one source for both engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/lib/config';
import { databasePathFromEnv, migrateDown, migrateToLatest, openDatabase } from '../../src/lib/db/database';
import { dialectOf } from '../../src/lib/db/dialect';
import { migrations } from '../../src/lib/db/migrations';
import { openPostgresDirectory } from '../../src/lib/db/postgres/open';
import type { PostgresDirectory } from '../../src/lib/db/database';
import { startTestPostgres, type TestPostgres } from '../fixtures/postgres';

let server: TestPostgres;
let postgres: PostgresDirectory;

beforeAll(async () => {
  server = await startTestPostgres();
  postgres = openPostgresDirectory(await server.freshDatabase());
}, 120_000);

afterAll(async () => {
  await postgres?.close();
  await server?.stop();
});

async function postgresColumns(): Promise<Map<string, string[]>> {
  const rows = (
    await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, column_name`.execute(postgres.db)
  ).rows;
  const tables = new Map<string, string[]>();
  for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  return tables;
}

describe('migrations on PostgreSQL', () => {
  it('knows which engine it talks to', () => {
    expect(dialectOf(postgres.db)).toBe('postgres');
    expect(dialectOf(openDatabase(':memory:').db)).toBe('sqlite');
  });

  it('all go up, with the same tables and columns as on SQLite (but the SQLite full-text index)', async () => {
    await migrateToLatest(postgres.db);
    const directory = openDatabase(':memory:');
    await migrateToLatest(directory.db);
    const sqliteTables = new Map<string, string[]>();
    const names = (
      directory.sqlite
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' and name not like 'search_fts%'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    for (const name of names) {
      sqliteTables.set(
        name,
        (directory.sqlite.prepare(`select name from pragma_table_info(?) order by name`).all(name) as { name: string }[]).map((c) => c.name),
      );
    }
    await directory.close();
    const pgTables = await postgresColumns();
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    for (const [table, columns] of sqliteTables) expect(pgTables.get(table), table).toEqual(columns);
  }, 60_000);

  it('keeps a position to the metre and a large number whole', async () => {
    await sql`insert into postcode_centre (code, kind, latitude, longitude, postcodes) values ('NE4 5', 'sector', 54.9712345, -1.6412345, 3)`.execute(
      postgres.db,
    );
    const row = (await sql<{ latitude: number; longitude: number }>`select latitude, longitude from postcode_centre where code = 'NE4 5'`.execute(postgres.db))
      .rows[0]!;
    expect(row).toEqual({ latitude: 54.9712345, longitude: -1.6412345 });
    const epoch = (await sql<{ value: number }>`select value from search_meta where key = 'epoch'`.execute(postgres.db)).rows[0]!.value;
    expect(typeof epoch).toBe('number');
    expect(epoch).toBeGreaterThan(0);
  });

  it('numbers the rows of every table whose id the database gives', async () => {
    const numbered = (
      await sql<{ table_name: string }>`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'id' and is_identity = 'YES' order by table_name`.execute(postgres.db)
    ).rows.map((r) => r.table_name);
    // The tables whose rows are numbered on SQLite (an integer primary key) are numbered here too.
    const directory = openDatabase(':memory:');
    await migrateToLatest(directory.db);
    const sqliteNumbered = directory.sqlite
      .prepare(
        `select m.name from sqlite_master m, pragma_table_info(m.name) c
      where m.type = 'table' and m.name not like 'search_fts%' and c.name = 'id' and c.pk = 1 and upper(c.type) = 'INTEGER' order by m.name`,
      )
      .pluck()
      .all() as string[];
    await directory.close();
    expect(numbered).toEqual(sqliteNumbered);
    expect(numbered.length).toBeGreaterThan(3);
    const insert = () =>
      sql<{ id: number }>`insert into change_history (entity, entity_id, field, changed_at, changed_by)
      values ('service', 's1', 'name', '2026-12-03', 'test') returning id`.execute(postgres.db);
    const first = (await insert()).rows[0]!.id;
    expect((await insert()).rows[0]!.id).toBe(first + 1);
  });

  it('all go down to nothing and up again', async () => {
    for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(postgres.db);
    expect([...(await postgresColumns()).keys()]).toEqual([]);
    await migrateToLatest(postgres.db);
    expect((await postgresColumns()).has('service')).toBe(true);
  }, 60_000);
});

describe('npm run migrate with DATABASE_URL', () => {
  const migrate = (env: Record<string, string>, args: string[] = []) =>
    spawnSync('npx', ['tsx', 'scripts/migrate.ts', ...args], {
      env: { ...process.env, ...env, DATABASE_PATH: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('migrates a PostgreSQL database, then says it is up to date, and goes one step back', async () => {
    const url = await server.freshDatabase();
    const first = migrate({ DATABASE_URL: url });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('applied 0001-directory');
    expect(first.stdout).toContain(`applied ${Object.keys(migrations).at(-1)}`);
    expect(migrate({ DATABASE_URL: url }).stdout).toBe('The database is already up to date.\n');
    const back = migrate({ DATABASE_URL: url }, ['--down']);
    expect(back.stdout).toBe(`undid ${Object.keys(migrations).at(-1)}\n`);
  }, 120_000);

  it('says plainly when the server cannot be reached', () => {
    const result = migrate({ DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:9/none' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Could not reach the PostgreSQL database in DATABASE_URL/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('is refused, not ignored, by what does not run on PostgreSQL yet', () => {
    expect(() => databasePathFromEnv(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' }))).toThrow(/this command works on a SQLite file/);
    expect(databasePathFromEnv(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', DATABASE_PATH: 'a.sqlite' }))).toBe('a.sqlite');
    expect(databasePathFromEnv(loadConfig({}))).toBe('data/directory.sqlite');
  });
});

describe('a PostgreSQL connection lost while idle', () => {
  it('is dropped from the pool and said, and the next query gets a new one (the process goes on)', async () => {
    const url = await server.freshDatabase();
    const database = openPostgresDirectory(url, { maxConnections: 1 });
    const said: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      said.push(args.join(' '));
    };
    try {
      expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
      // Another connection ends the idle one, as a server restart would.
      const killer = openPostgresDirectory(url, { maxConnections: 1 });
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(killer.db);
      await killer.close();
      await expect.poll(() => said.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(said[0]).toMatch(/^A PostgreSQL connection was lost: /);
      expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      console.error = original;
      await database.close();
    }
  }, 60_000);
});
