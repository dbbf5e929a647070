// Runs the search backend contract against the SQLite FTS5 backend on a real database file.
import { describe, expect, it } from 'vitest';
import { describeSearchBackendContract } from './search-backend-contract';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { importRecords } from '../../src/lib/openreferral/import';
import { SqliteFtsBackend } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import { EMPTY_QUERY } from '../../src/lib/search/filters';

describeSearchBackendContract('SQLite FTS5', scratchDirectory);

describe('SQLite FTS5 backend keeps its in-memory copy in step', () => {
  it('keeps name order and filters right through additions, renames and removals', async () => {
    const scratch = await scratchDirectory();
    try {
      const names = ['Oak', 'Ash', 'Pine', 'Elm', 'Birch', 'Yew', 'Fir', 'Hazel'];
      const records = names.map((name, i) => service({ code: `tree-${i}`, name: `${name} Group`, costs: [{ option: 'Free', amount: i % 2 ? 0 : 3 }] }));
      await importRecords(scratch.directory, scratch.search, records, { today: TODAY });
      const all = async (qs = '') => (await scratch.search.search({ ...EMPTY_QUERY, per_page: 100, cost: qs ? ['free'] : [] })).hits.map((h) => h.document.name);
      expect(await all()).toEqual([...names].sort().map((n) => `${n} Group`));
      // Rename two, add one, remove one: the merged order must equal a fresh sort.
      await importRecords(scratch.directory, scratch.search, [
        { ...records[0]!, name: 'Aspen Group' },
        { ...records[5]!, name: 'Maple Group', cost_options: [{ id: 'c-maple', option: 'Free', amount: 0 }] },
        service({ code: 'tree-new', name: 'Cedar Group', costs: [{ option: 'Free', amount: 0 }] }),
      ], { today: TODAY });
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
    const scratch = await scratchDirectory();
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
