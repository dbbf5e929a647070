// The directory on a real PostgreSQL: the one write path (src/lib/db/writer.ts) imports the whole
// sample as it does on SQLite, and what is read back is the same on both; a second import of the
// same records changes nothing; a changed record is rewritten with its history; an id owned by
// another service is refused, with the rest written; postcodes and places load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDirectoryDatabase, type DirectoryDatabase } from '../../src/lib/db/database';
import { importRecords } from '../../src/lib/openreferral/import';
import { loadSampleRecords } from '../../src/lib/setup/sample-directory';
import { readServices, serviceIds } from '../../src/lib/directory/service-reader';
import { syncTaxonomy } from '../../src/lib/taxonomy/sync-taxonomy';
import { preparePlaces } from '../../src/lib/geo/prepare-places';
import { lookupPostcode } from '../../src/lib/geo/postcode-table';
import { SqliteFtsBackend } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import { service, TODAY } from '../fixtures/services';
import { startTestPostgres, type TestPostgres } from '../fixtures/postgres';

let server: TestPostgres;
let folder: string;
const opened: DirectoryDatabase[] = [];

async function fresh(kind: 'sqlite' | 'postgres'): Promise<{ directory: DirectoryDatabase; search: SearchBackend }> {
  const location = kind === 'postgres' ? await server.freshDatabase() : join(folder, `${Math.random()}.sqlite`);
  const directory = openDirectoryDatabase(location, { maxConnections: 4 });
  opened.push(directory);
  await migrateToLatest(directory.db);
  await syncTaxonomy(directory.db);
  // Search documents go to a SQLite FTS5 index in a file of its own: this test is about where
  // the directory's own rows are written (the PostgreSQL search backend has its own contract test).
  const index = openDirectoryDatabase(join(folder, `${Math.random()}-search.sqlite`));
  opened.push(index);
  await migrateToLatest(index.db);
  if (index.dialect !== 'sqlite') throw new Error('unreachable');
  return { directory, search: new SqliteFtsBackend(index.sqlite) };
}

beforeAll(async () => {
  server = await startTestPostgres();
  folder = mkdtempSync(join(tmpdir(), 'directory-pg-'));
}, 120_000);

afterAll(async () => {
  for (const directory of opened) await directory.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the directory on PostgreSQL', () => {
  it('imports the whole sample, and reads back what SQLite reads back', async () => {
    const records = loadSampleRecords(TODAY);
    const [onPostgres, onSqlite] = [await fresh('postgres'), await fresh('sqlite')];
    expect(onPostgres.directory.dialect).toBe('postgres');
    const pgReport = await importRecords(onPostgres.directory, onPostgres.search, records, { source: 'sample', today: TODAY, strict: true });
    const sqliteReport = await importRecords(onSqlite.directory, onSqlite.search, records, { source: 'sample', today: TODAY, strict: true });
    expect(pgReport.invalid).toEqual([]);
    expect(pgReport.written).toBe(records.length);
    expect(pgReport.written).toBe(sqliteReport.written);

    const ids = await serviceIds(onSqlite.directory.db, { includeClosed: true });
    expect((await serviceIds(onPostgres.directory.db, { includeClosed: true })).sort()).toEqual([...ids].sort());
    const fromPostgres = await readServices(onPostgres.directory.db, ids);
    const fromSqlite = await readServices(onSqlite.directory.db, ids);
    expect(fromPostgres.length).toBe(ids.length);
    expect(fromPostgres).toEqual(fromSqlite);
    expect(await onPostgres.search.count()).toBe(ids.length);

    // The same records again: nothing to write.
    const again = await importRecords(onPostgres.directory, onPostgres.search, records, { source: 'sample', today: TODAY });
    expect(again).toMatchObject({ written: 0, unchanged: records.length });
  }, 120_000);

  it('rewrites a changed record with its history, and refuses an id that belongs to another service', async () => {
    const { directory, search } = await fresh('postgres');
    const first = service({ code: 'pg-walk', name: 'Riverside Walk', costs: [{ option: 'Free', amount: 0 }] });
    const weekly = [{ byday: 'MO', opens_at: '10:00', closes_at: '12:00' }];
    const other = service({ code: 'pg-chess', name: 'Chess Club', schedules: weekly });
    expect((await importRecords(directory, search, [first, other], { today: TODAY, strict: true })).written).toBe(2);

    const renamed = { ...first, name: 'Riverside Walking Group' };
    expect((await importRecords(directory, search, [renamed], { today: TODAY })).written).toBe(1);
    const [read] = await readServices(directory.db, [first.id as string]);
    expect(read!.name).toBe('Riverside Walking Group');
    const history = await directory.db
      .selectFrom('change_history')
      .select(['field', 'old_value', 'new_value'])
      .where('entity_id', '=', first.id as string)
      .where('field', '=', 'name')
      .execute();
    expect(history).toEqual([{ field: 'name', old_value: 'Riverside Walk', new_value: 'Riverside Walking Group' }]);

    // A third record that reuses the chess club's schedule id: refused by field, the rest written.
    const thief = service({ code: 'pg-thief', name: 'Borrowed Ids Club', schedules: weekly });
    const stolen = (other.schedules as { id: string }[])[0]!.id;
    (thief.schedules as { id: string }[])[0]!.id = stolen;
    const fine = service({ code: 'pg-fine', name: 'Fine Club' });
    const report = await importRecords(directory, search, [thief, fine], { today: TODAY });
    expect(report.invalid.map((error) => [error.id, error.path])).toEqual([[thief.id, 'schedules[0].id']]);
    expect(report.written).toBe(1);
    const [chess] = await readServices(directory.db, [other.id as string]);
    expect(chess!.schedules.map((schedule) => schedule.id)).toEqual([stolen]);
    expect((await serviceIds(directory.db)).length).toBe(3);
  }, 60_000);

  it('loads the shipped postcodes and places, so any postcode is found', async () => {
    const { directory } = await fresh('postgres');
    const report = await preparePlaces(directory);
    expect(report.shippedLoaded).toBe(true);
    expect(report.shippedPostcodes).toBeGreaterThan(1000);
    const place = await lookupPostcode(directory.db, 'NE1 4ST');
    expect(place).toMatchObject({ postcode: 'NE1 4ST', outward: 'NE1' });
    // Once per version: the second time reads nothing.
    expect((await preparePlaces(directory)).shippedLoaded).toBe(false);
  }, 120_000);

  it('runs the commands on the database DATABASE_URL names: migrate, import, export, freshness', async () => {
    const url = await server.freshDatabase();
    const run = (script: string, args: string[] = []) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
        env: { ...process.env, DATABASE_PATH: '', DATABASE_URL: url },
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    expect(run('migrate')).toMatchObject({ status: 0 });
    const file = join(folder, 'one.json');
    const record = service({ code: 'pg-cli', name: 'Gateshead Chess Club' });
    writeFileSync(file, JSON.stringify([record]));
    const imported = run('import', [file]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported 1 new or changed services; 0 unchanged; 0 invalid and skipped (of 1).');
    const exported = run('export');
    expect(exported.status).toBe(0);
    expect((JSON.parse(exported.stdout) as { name: string }[]).map((each) => each.name)).toEqual(['Gateshead Chess Club']);
    expect(run('freshness')).toMatchObject({ status: 0 });
    // What the import indexed, PostgreSQL's own search finds.
    const directory = openDirectoryDatabase(url);
    opened.push(directory);
    const { createSearchBackend } = await import('../../src/lib/search');
    const search = createSearchBackend(directory);
    expect(search.name).toBe('postgres');
    expect((await search.search({ ...(await import('../../src/lib/search/filters')).EMPTY_QUERY, q: 'chess' })).hits.map((hit) => hit.document.name)).toEqual([
      'Gateshead Chess Club',
    ]);
  }, 180_000);
});
