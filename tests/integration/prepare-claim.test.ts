// Starting several servers at once on one database: one rebuilds the search documents at start,
// the others wait for it (src/lib/setup/prepare.ts), and take over if it stops. Two connections
// to a real database of each dialect stand in for two processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDailyJob, DAILY_JOB_LEASE_MS } from '../../src/lib/db/daily-job';
import { openDirectoryDatabase, type DirectoryDatabase } from '../../src/lib/db/database';
import { importRecords } from '../../src/lib/openreferral/import';
import { createSearchBackend } from '../../src/lib/search';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import { reindexAll, SEARCH_REBUILD_JOB } from '../../src/lib/search/reindex';
import { prepareDirectory } from '../../src/lib/setup/prepare';
import { scratchDirectory, service } from '../fixtures/services';

const TODAY = '2026-12-04';
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
let other: DirectoryDatabase;

beforeEach(async () => {
  scratch = await scratchDirectory();
  other = openDirectoryDatabase(scratch.location);
  // Services whose documents have never all been built: a start must rebuild them.
  await importRecords(scratch.directory, scratch.search, [service({ code: 'a', name: 'Alpha Club' }), service({ code: 'b', name: 'Beta Club' })], {
    today: TODAY,
  });
  expect(await scratch.search.needsRebuild(TODAY)).toBe(true);
});
afterEach(async () => {
  await other.close();
  await scratch.cleanup();
});

describe('prepareDirectory on a database another process is starting on too', () => {
  it('rebuilds when no one else is, and gives the claim up when done', async () => {
    const report = await prepareDirectory(scratch.directory, scratch.search, { today: TODAY, loadSample: false });
    expect(report.reindexed).toBe(2);
    expect(await scratch.search.needsRebuild(TODAY)).toBe(false);
    // Given up: a process that later finds the documents out of date need not wait out the lease.
    expect(await claimDailyJob(other.db, SEARCH_REBUILD_JOB, TODAY)).toBe(true);
  });

  it('gives the claim up when its rebuild fails, so the next start does not wait for it', async () => {
    const failing: SearchBackend = Object.create(scratch.search, {
      index: {
        value: async () => {
          throw new Error('disk full');
        },
      },
    });
    await expect(prepareDirectory(scratch.directory, failing, { today: TODAY, loadSample: false })).rejects.toThrow('disk full');
    expect(await claimDailyJob(other.db, SEARCH_REBUILD_JOB, TODAY)).toBe(true);
  });

  it('rebuilds anyway after waiting its longest for a claim that is never finished (a process killed part-way)', async () => {
    expect(await claimDailyJob(other.db, SEARCH_REBUILD_JOB, TODAY)).toBe(true);
    const lines: string[] = [];
    const report = await prepareDirectory(scratch.directory, scratch.search, {
      today: TODAY,
      loadSample: false,
      pollMs: 20,
      maxWaitMs: 300,
      log: (line) => lines.push(line),
    });
    expect(report.reindexed).toBe(2);
    expect(lines).toContain('The other process has not finished rebuilding the search documents: rebuilding them here too.');
    expect(await scratch.search.needsRebuild(TODAY)).toBe(false);
  });

  it('waits while another process rebuilds, and does not rebuild a second time', async () => {
    expect(await claimDailyJob(other.db, SEARCH_REBUILD_JOB, TODAY)).toBe(true);
    const lines: string[] = [];
    let finished = false;
    const preparing = prepareDirectory(scratch.directory, scratch.search, {
      today: TODAY,
      loadSample: false,
      pollMs: 20,
      log: (line) => lines.push(line),
    }).then((report) => {
      finished = true;
      return report;
    });
    const waitingLine = 'Another process is rebuilding the search documents: waiting for it to finish.';
    for (let waited = 0; !lines.includes(waitingLine) && !finished && waited < 30_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    expect(lines).toContain(waitingLine);
    // Still waiting a while later: it does not give up and rebuild itself.
    await new Promise((done) => setTimeout(done, 200));
    expect(finished).toBe(false);
    // The other process finishes its rebuild.
    await reindexAll(other, createSearchBackend(other), TODAY);
    const report = await preparing;
    expect(report.reindexed).toBe(0);
    expect(await scratch.search.needsRebuild(TODAY)).toBe(false);
    expect(lines.filter((line) => line.startsWith('Another process'))).toHaveLength(1);
  });

  it('takes the rebuild over from a process whose claim has run out (it stopped part-way)', async () => {
    expect(await claimDailyJob(other.db, SEARCH_REBUILD_JOB, TODAY, { now: Date.now() - DAILY_JOB_LEASE_MS - 1_000 })).toBe(true);
    const report = await prepareDirectory(scratch.directory, scratch.search, { today: TODAY, loadSample: false, pollMs: 20 });
    expect(report.reindexed).toBe(2);
    expect(await scratch.search.needsRebuild(TODAY)).toBe(false);
  });

  it('claims its own rebuild when an older version of the documents was claimed today', async () => {
    expect(await claimDailyJob(other.db, 'search-rebuild-v0', TODAY)).toBe(true);
    const report = await prepareDirectory(scratch.directory, scratch.search, { today: TODAY, loadSample: false, pollMs: 20 });
    expect(report.reindexed).toBe(2);
  });
});
