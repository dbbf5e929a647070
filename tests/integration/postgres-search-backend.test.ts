// Runs the search backend contract against the PostgreSQL backend on a real PostgreSQL server
// (the PostgreSQL pass's shared one: tests/fixtures/global-setup.ts), and compares it with SQLite's.
import { describe, expect, it, vi } from 'vitest';
import { describeSearchBackendContract } from './search-backend-contract';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { migrateTo, migrateToLatest } from '../../src/lib/db/database';
import { PostgresSearchBackend } from '../../src/lib/search/postgres/postgres-backend';
import { importRecords } from '../../src/lib/openreferral/import';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import { sql } from 'kysely';
import { existsSync, readFileSync } from 'node:fs';
import { recordsOf } from '../../src/lib/openreferral/import';
import { createSearchBackend } from '../../src/lib/search';
import { queryKey } from '../../src/lib/search/postgres/tsquery';

/** A directory on PostgreSQL, searched by the PostgreSQL backend (what createSearchBackend gives it). */
async function open() {
  const scratch = await scratchDirectory('postgres');
  if (scratch.directory.dialect !== 'postgres') throw new Error('Expected a PostgreSQL directory');
  return { ...scratch, postgres: scratch.directory };
}

describeSearchBackendContract('PostgreSQL', open);

describe('PostgreSQL search backend', () => {
  it('is what createSearchBackend gives for a PostgreSQL connection', async () => {
    const fixture = await open();
    const sqlite = await scratchDirectory('sqlite');
    try {
      expect(fixture.search).toBeInstanceOf(PostgresSearchBackend);
      expect(fixture.search.name).toBe('postgres');
      expect(() => createSearchBackend(fixture.postgres, 'sqlite')).toThrow(/needs the directory in a SQLite file/);
      expect(createSearchBackend(sqlite.directory).name).toBe('sqlite-fts');
      expect(() => createSearchBackend(sqlite.directory, 'postgres')).toThrow(/needs the directory in PostgreSQL/);
    } finally {
      await fixture.cleanup();
      await sqlite.cleanup();
    }
  }, 60_000);

  it('reads each text query once a search, however many steps of the search ask for it', async () => {
    const fixture = await open();
    try {
      await importRecords(
        fixture.directory,
        fixture.search,
        [
          service({ code: 'tea', name: 'Tea and Chat', description: 'A friendly group for anyone feeling lonely.', categories: ['befriending'] }),
          service({ code: 'visit', name: 'Home Visiting', description: 'Volunteers visit people at home.', categories: ['befriending'] }),
        ],
        { today: TODAY },
      );
      const backend = fixture.search as PostgresSearchBackend;
      const read = vi.spyOn(backend as unknown as { readMatches: (...args: unknown[]) => Promise<unknown> }, 'readMatches');
      // "lonely" is searched as typed and with the categories that mean it: two text queries, the
      // words as typed asked for twice (to see whether synonyms are needed, and to rank them first).
      const result = await backend.search({ ...EMPTY_QUERY, q: 'lonely' });
      expect(result.hits.map((hit) => hit.document.name).sort()).toEqual(['Home Visiting', 'Tea and Chat']);
      const keys = read.mock.calls.map(([, text]) => queryKey(text as Parameters<typeof queryKey>[0]));
      expect(keys.length).toBe(2);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await fixture.cleanup();
    }
  }, 60_000);

  it('keeps its word counts in step through replacements and removals, and a second backend agrees', async () => {
    const fixture = await open();
    try {
      const records = [
        service({ code: 'kite', name: 'Kite Flying Club', description: 'Every Saturday.' }),
        service({ code: 'kiln', name: 'Kiln Pottery Club', description: 'Every Sunday.' }),
      ];
      await importRecords(fixture.directory, fixture.search, records, { today: TODAY });
      const words = async () =>
        Object.fromEntries(
          (
            await sql<{ word: string; documents: number }>`
        select word, documents from postgres_search.word where word in ('kite', 'kiln', 'club', 'flying', 'pottery', 'glider')`.execute(fixture.postgres.db)
          ).rows.map((row) => [row.word, row.documents]),
        );
      expect(await words()).toEqual({ kite: 1, kiln: 1, club: 2, flying: 1, pottery: 1 });
      await importRecords(fixture.directory, fixture.search, [{ ...records[0]!, name: 'Kite Glider Club' }], { today: TODAY });
      await fixture.search.remove([records[1]!.id]);
      expect(await words()).toEqual({ kite: 1, club: 1, glider: 1 });
      expect(await fixture.search.count()).toBe(1);
      const names = async (backend: SearchBackend, q: string) => (await backend.search({ ...EMPTY_QUERY, q })).hits.map((hit) => hit.document.name);
      expect(await names(fixture.search, 'glider')).toEqual(['Kite Glider Club']);
      expect(await names(fixture.search, 'pottery')).toEqual([]);
      expect(await names(new PostgresSearchBackend(fixture.postgres.db), 'club')).toEqual(['Kite Glider Club']);
    } finally {
      await fixture.cleanup();
    }
  }, 60_000);

  it('answers searches from different places at once, each measured from its own', async () => {
    const fixture = await open();
    try {
      await importRecords(
        fixture.directory,
        fixture.search,
        [
          service({ code: 'north', name: 'North Club', places: [{ name: 'North', latitude: 55.0, longitude: -1.6 }] }),
          service({ code: 'south', name: 'South Club', places: [{ name: 'South', latitude: 54.9, longitude: -1.6 }] }),
        ],
        { today: TODAY },
      );
      const from = (latitude: number) =>
        fixture.search.search({ ...EMPTY_QUERY, q: 'club', near: 'x', sort: 'distance' }, { origin: { latitude, longitude: -1.6, areaIds: [] } });
      const [north, south] = await Promise.all([from(55.0), from(54.9)]);
      expect(north.hits.map((hit) => hit.document.name)).toEqual(['North Club', 'South Club']);
      expect(south.hits.map((hit) => hit.document.name)).toEqual(['South Club', 'North Club']);
      expect(north.hits[0]!.distanceKm).toBeCloseTo(0, 3);
      expect(south.hits[0]!.distanceKm).toBeCloseTo(0, 3);
    } finally {
      await fixture.cleanup();
    }
  }, 60_000);

  it('reloads its in-memory copy when the search tables are made again, rather than reuse rows of the dropped ones', async () => {
    const fixture = await open();
    try {
      await importRecords(
        fixture.directory,
        fixture.search,
        [
          service({ code: 'old-oak', name: 'Old Oak Club', categories: ['food-banks'] }),
          service({ code: 'old-ash', name: 'Old Ash Club', categories: ['food-banks'] }),
        ],
        { today: TODAY },
      );
      expect((await fixture.search.search({ ...EMPTY_QUERY, per_page: 100 })).total).toBe(2);
      // Down and up again on PostgreSQL: new, empty tables whose generation counts from the start.
      await migrateTo(fixture.postgres.db, '0001-directory');
      await migrateToLatest(fixture.postgres.db);
      await importRecords(fixture.directory, fixture.search, [service({ code: 'new-elm', name: 'New Elm Club' })], { today: TODAY });
      const result = await fixture.search.search({ ...EMPTY_QUERY, per_page: 100 }, { facets: true });
      expect(result.hits.map((hit) => hit.document.name)).toEqual(['New Elm Club']);
      expect(result.facets!.category['food-banks']).toBe(0);
      expect((await fixture.search.search({ ...EMPTY_QUERY, q: 'club' })).hits.map((hit) => hit.document.name)).toEqual(['New Elm Club']);
      expect((await fixture.search.search({ ...EMPTY_QUERY, q: 'oak' })).total).toBe(0);
    } finally {
      await fixture.cleanup();
    }
  }, 60_000);

  const SHARED = '../shared/oruk/real-world';
  it.skipIf(!existsSync(SHARED))(
    "gives the same answers as SQLite FTS5 on other publishers' records, misspelt words included",
    async () => {
      const records = ['hsds-3.0/service_full.json', 'hsds-3.1/service_full.json', 'dfe-family-hubs-service.json'].flatMap((file) =>
        recordsOf(JSON.parse(readFileSync(`${SHARED}/${file}`, 'utf8'))),
      );
      const fixture = await open();
      const sqlite = await scratchDirectory('sqlite');
      try {
        await importRecords(fixture.directory, fixture.search, records, { today: TODAY });
        await importRecords(sqlite.directory, sqlite.search, records, { today: TODAY });
        expect(await fixture.search.count()).toBe(await sqlite.search.count());
        expect(await fixture.search.count()).toBeGreaterThan(0);
        // Words of the records' own names and descriptions, as typed and with two letters swapped.
        const shown = (await sqlite.search.search({ ...EMPTY_QUERY, per_page: 100, include_closed: true })).hits.map((hit) => hit.document);
        const words = [...new Set(shown.flatMap((document) => `${document.name} ${document.description}`.toLowerCase().match(/\p{L}{5,}/gu) ?? []))].slice(
          0,
          25,
        );
        const swapped = words.map((word) => `${word[0]}${word[2]}${word[1]}${word.slice(3)}`);
        for (const q of ['', ...words, ...swapped, words.slice(0, 3).join(' ')]) {
          const query = { ...EMPTY_QUERY, q, per_page: 100, include_closed: true };
          const [pg, lite] = await Promise.all([fixture.search.search(query, { facets: true }), sqlite.search.search(query, { facets: true })]);
          expect(pg.hits.map((hit) => hit.document.id).sort(), q).toEqual(lite.hits.map((hit) => hit.document.id).sort());
          expect([pg.total, pg.matched, pg.corrected], q).toEqual([lite.total, lite.matched, lite.corrected]);
          expect(pg.facets, q).toEqual(lite.facets);
        }
      } finally {
        await sqlite.cleanup();
        await fixture.cleanup();
      }
    },
    60_000,
  );
});
