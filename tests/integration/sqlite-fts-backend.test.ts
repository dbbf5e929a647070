// Runs the search backend contract against the SQLite FTS5 backend on a real database file.
import { describe, expect, it } from 'vitest';
import { describeSearchBackendContract } from './search-backend-contract';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { importRecords } from '../../src/lib/openreferral/import';
import { SqliteFtsBackend } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import { EMPTY_QUERY } from '../../src/lib/search/filters';

describeSearchBackendContract('SQLite FTS5', scratchDirectory);

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
