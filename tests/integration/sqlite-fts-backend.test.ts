// Runs the search backend contract against the SQLite FTS5 backend on a real database file.
import { describe, expect, it } from 'vitest';
import { describeSearchBackendContract } from './search-backend-contract';
import { scratchSqliteDirectory, service, TODAY } from '../fixtures/services';
import { importRecords } from '../../src/lib/openreferral/import';
import { SqliteFtsBackend } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { migrateTo, migrateToLatest } from '../../src/lib/db/database';
import { syncTaxonomy } from '../../src/lib/taxonomy/sync-taxonomy';
import { ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY } from '../../src/lib/taxonomy/taxonomy';
import { uuidFor } from '../../src/lib/ids';

describeSearchBackendContract('SQLite FTS5', scratchSqliteDirectory);

describe('SQLite FTS5 backend keeps its in-memory copy in step', () => {
  it('keeps name order and filters right through additions, renames and removals', async () => {
    const scratch = await scratchSqliteDirectory();
    try {
      const names = ['Oak', 'Ash', 'Pine', 'Elm', 'Birch', 'Yew', 'Fir', 'Hazel'];
      const records = names.map((name, i) => service({ code: `tree-${i}`, name: `${name} Group`, costs: [{ option: 'Free', amount: i % 2 ? 0 : 3 }] }));
      await importRecords(scratch.directory, scratch.search, records, { today: TODAY });
      const all = async (qs = '') =>
        (await scratch.search.search({ ...EMPTY_QUERY, per_page: 100, cost: qs ? ['free'] : [] })).hits.map((h) => h.document.name);
      expect(await all()).toEqual([...names].sort().map((n) => `${n} Group`));
      // Rename two, add one, remove one: the merged order must equal a fresh sort.
      await importRecords(
        scratch.directory,
        scratch.search,
        [
          { ...records[0]!, name: 'Aspen Group' },
          { ...records[5]!, name: 'Maple Group', cost_options: [{ id: 'c-maple', option: 'Free', amount: 0 }] },
          service({ code: 'tree-new', name: 'Cedar Group', costs: [{ option: 'Free', amount: 0 }] }),
        ],
        { today: TODAY },
      );
      await scratch.search.remove([records[2]!.id]);
      const expected = ['Aspen', 'Ash', 'Elm', 'Birch', 'Maple', 'Fir', 'Hazel', 'Cedar'].map((n) => `${n} Group`).sort();
      expect(await all()).toEqual(expected);
      expect(await all('free')).toEqual(['Ash Group', 'Cedar Group', 'Elm Group', 'Hazel Group', 'Maple Group']);
      // A second backend reading the same file from scratch agrees.
      const fresh = new SqliteFtsBackend(scratch.directory.sqlite);
      expect((await fresh.search({ ...EMPTY_QUERY, per_page: 100 })).hits.map((h) => h.document.name)).toEqual(expected);
    } finally {
      await scratch.cleanup();
    }
  });
});

describe('SQLite FTS5 backend across processes', () => {
  it('sees changes written by another connection (for example npm run import while serving)', async () => {
    const scratch = await scratchSqliteDirectory();
    try {
      const reader = new SqliteFtsBackend(scratch.directory.sqlite);
      expect((await reader.search(EMPTY_QUERY)).total).toBe(0);
      // A second connection to the same file, as a separate import process would have.
      const { openDatabase } = await import('../../src/lib/db/database');
      const writerDb = openDatabase(scratch.directory.path);
      const { createSearchBackend } = await import('../../src/lib/search');
      await importRecords(writerDb, createSearchBackend(writerDb), [service({ code: 'late', name: 'Late Night Chess' })], { today: TODAY });
      await writerDb.close();
      expect((await reader.search({ ...EMPTY_QUERY, q: 'chess' })).hits.map((h) => h.document.name)).toEqual(['Late Night Chess']);
    } finally {
      await scratch.cleanup();
    }
  });
});

describe('SQLite FTS5 backend when the search tables are made again', () => {
  it('reloads its in-memory copy rather than reuse rows of the tables that were dropped', async () => {
    const scratch = await scratchSqliteDirectory();
    try {
      await importRecords(
        scratch.directory,
        scratch.search,
        [
          service({ code: 'old-oak', name: 'Old Oak Club', categories: ['food-banks'], costs: [{ option: 'Free', amount: 0 }] }),
          service({ code: 'old-ash', name: 'Old Ash Club', categories: ['food-banks'] }),
        ],
        { today: TODAY },
      );
      expect((await scratch.search.search({ ...EMPTY_QUERY, per_page: 100 })).total).toBe(2); // loads the in-memory copy
      // Down and up again: new, empty tables whose generation counts from the start again.
      await migrateTo(scratch.directory.db, '0001-directory'); // drops the search tables and all after
      await migrateToLatest(scratch.directory.db);
      await syncTaxonomy(scratch.directory.db);
      await importRecords(scratch.directory, scratch.search, [service({ code: 'new-elm', name: 'New Elm Club' })], { today: TODAY });
      // The same backend instance sees only the new service, with its own filter fields.
      const result = await scratch.search.search({ ...EMPTY_QUERY, per_page: 100 }, { facets: true });
      expect(result.hits.map((hit) => hit.document?.name)).toEqual(['New Elm Club']);
      expect(result.total).toBe(1);
      expect(result.facets!.category['food-banks']).toBe(0);
      expect((await scratch.search.search({ ...EMPTY_QUERY, category: ['food-banks'] })).total).toBe(0);
      expect((await scratch.search.search({ ...EMPTY_QUERY, q: 'club' })).hits.map((hit) => hit.document?.name)).toEqual(['New Elm Club']);
    } finally {
      await scratch.cleanup();
    }
  });

  it('leaves out a result whose document has gone rather than fail', async () => {
    const scratch = await scratchSqliteDirectory();
    try {
      const records = [service({ code: 'stays', name: 'Stays Club' }), service({ code: 'goes', name: 'Goes Club' })];
      await importRecords(scratch.directory, scratch.search, records, { today: TODAY });
      expect((await scratch.search.search(EMPTY_QUERY)).total).toBe(2);
      // Taken out behind the backend's back, without a new generation.
      scratch.directory.sqlite.prepare('delete from search_document where service_id = ?').run(records[1]!.id);
      const result = await scratch.search.search({ ...EMPTY_QUERY, per_page: 100 });
      expect(result.hits.map((hit) => hit.document?.name)).toEqual(['Stays Club']);
    } finally {
      await scratch.cleanup();
    }
  });
});

describe('terms from other taxonomies', () => {
  it('are matched to our categories and features by code only when they say they are ours', async () => {
    const term = (owner: string, code: string, name: string, taxonomy: { taxonomy?: string; taxonomy_id?: string }, link_type = 'category') => ({
      id: uuidFor('attribute', `${owner}-${code}`),
      link_type,
      taxonomy_term: { id: uuidFor('taxonomy_term', `${owner}-${code}`), code, name, ...taxonomy },
    });
    const withAttributes = (code: string, name: string, attributes: unknown[], placeAttributes: unknown[] = []) => {
      const record = service({ code, name });
      (record.attributes as unknown[]).push(...attributes);
      (record.service_at_locations as { location: { attributes: unknown[] } }[])[0]!.location.attributes.push(...placeAttributes);
      return record;
    };
    const elsewhere = { taxonomy: 'open-eligibility', taxonomy_id: uuidFor('taxonomy', 'open-eligibility') };
    const records = [
      // Another taxonomy that happens to use the same codes: not our food banks, not our step-free access.
      withAttributes(
        'foreign',
        'Foreign Terms Club',
        [term('foreign', 'food-banks', 'Banks of the river Tyne', elsewhere)],
        [term('foreign', 'step-free', 'Stepping stones', elsewhere, 'accessibility')],
      ),
      // No taxonomy named at all: a code alone says nothing, but a term of our category's own name
      // is mapped onto it by the crosswalk (src/lib/taxonomy/crosswalk.ts).
      withAttributes('bare', 'Bare Code Club', [term('bare', 'food-banks', 'Food banks', {})]),
      // Ours by taxonomy code or by taxonomy id, under another term id.
      withAttributes(
        'by-code',
        'Ours By Code Club',
        [term('by-code', 'food-banks', 'Food banks', { taxonomy: CATEGORY_TAXONOMY.code })],
        [term('by-code', 'step-free', 'Step-free access', { taxonomy: ACCESSIBILITY_TAXONOMY.code }, 'accessibility')],
      ),
      withAttributes(
        'by-id',
        'Ours By Id Club',
        [term('by-id', 'food-banks', 'Food banks', { taxonomy_id: CATEGORY_TAXONOMY.id })],
        [term('by-id', 'step-free', 'Step-free access', { taxonomy_id: ACCESSIBILITY_TAXONOMY.id }, 'accessibility')],
      ),
      // Our term by its own id, as always.
      service({ code: 'by-uuid', name: 'Ours By Uuid Club', categories: ['food-banks'], access: ['step-free'] }),
    ];
    const scratch = await scratchSqliteDirectory();
    try {
      const report = await importRecords(scratch.directory, scratch.search, records, { today: TODAY, strict: true });
      expect(report.invalid).toEqual([]);
      const names = async (query: Partial<typeof EMPTY_QUERY>) =>
        (await scratch.search.search({ ...EMPTY_QUERY, per_page: 100, ...query })).hits.map((hit) => hit.document.name).sort();
      const ours = ['Bare Code Club', 'Ours By Code Club', 'Ours By Id Club', 'Ours By Uuid Club'];
      expect(await names({ category: ['food-banks'] })).toEqual(ours);
      expect(await names({ category: ['food'] })).toEqual(ours);
      expect(await names({ access: ['step-free'] })).toEqual(['Ours By Code Club', 'Ours By Id Club', 'Ours By Uuid Club']);
      // Nor do lay words for food banks find the river club.
      expect(await names({ q: 'foodbank' })).toEqual(ours);
      const crosswalk = await scratch.directory.db
        .selectFrom('taxonomy_crosswalk')
        .select(['term_name', 'category_code', 'method'])
        .orderBy('term_name')
        .execute();
      expect(crosswalk).toEqual([
        { term_name: 'Banks of the river Tyne', category_code: null, method: 'none' },
        { term_name: 'Food banks', category_code: 'food-banks', method: 'name' },
      ]);
      const [foreign] = (await scratch.search.search({ ...EMPTY_QUERY, q: 'foreign' })).hits;
      expect(foreign!.document.categoryNames).toEqual([]);
    } finally {
      await scratch.cleanup();
    }
  });
});
