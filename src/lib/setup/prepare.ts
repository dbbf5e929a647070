// Gets a directory database ready to serve: migrated, taxonomy synced, the sample loaded when
// it holds no services, areas and postcodes ready, and search documents rebuilt when they are out of date.
import { todayInUk } from '../dates';
import { migrateToLatest, type DirectoryDatabase } from '../db/database';
import { importRecords } from '../openreferral/import';
import { reindexAll, SEARCH_REBUILD_JOB } from '../search/reindex';
import { claimDailyJob, releaseDailyJob } from '../db/daily-job';
import { applySearchOutbox } from '../search/outbox';
import type { SearchBackend } from '../search/search-backend';
import { syncTaxonomy } from '../taxonomy/sync-taxonomy';
import { loadSampleRecords } from './sample-directory';
import { preparePlaces } from '../geo/prepare-places';

/**
 * How long a starting server waits for another's rebuild of the search documents before doing it
 * too: long enough for a rebuild of a large directory to finish, short enough that a process
 * killed part-way through (its claim still held) does not keep the next start down for long.
 */
export const START_WAIT_MS = 3 * 60_000;

export interface PrepareReport {
  sampleLoaded: number;
  reindexed: number;
  /** Services whose queued search changes were applied (src/lib/search/outbox.ts). */
  fromOutbox: number;
}

export async function prepareDirectory(
  directory: DirectoryDatabase,
  search: SearchBackend,
  options: {
    today?: string;
    loadSample?: boolean;
    log?: (line: string) => void;
    /** While another process rebuilds the search documents, how often to look whether it has finished. */
    pollMs?: number;
    /** How long to wait for it before rebuilding here too (START_WAIT_MS). */
    maxWaitMs?: number;
  } = {},
): Promise<PrepareReport> {
  const today = options.today ?? todayInUk();
  const log = options.log ?? (() => {});
  await migrateToLatest(directory.db);
  await syncTaxonomy(directory.db);
  const report: PrepareReport = { sampleLoaded: 0, reindexed: 0, fromOutbox: 0 };
  const { count } = await directory.db
    .selectFrom('service')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(count) === 0 && options.loadSample !== false) {
    log('The database has no services yet: loading the sample directory.');
    const outcome = await importRecords(directory, search, loadSampleRecords(today), { source: 'sample', today, strict: true });
    if (outcome.abandoned) throw new Error(`The sample directory has invalid records: ${JSON.stringify(outcome.invalid.slice(0, 3))}`);
    report.sampleLoaded = outcome.written;
    await search.markAllBuilt(today); // every document was just built for today
  }
  // The area list from content/ and the postcodes of the directory's own addresses, so that
  // "near" works offline from the first start.
  await preparePlaces(directory);
  // One process rebuilds, however many start at once on one database (src/lib/db/daily-job.ts);
  // the others wait for it, since documents built by an older version may not be readable by
  // this one. The claim is given up when the rebuild ends, well or not. A process killed part-way
  // cannot give it up, so a start waits at most maxWaitMs (then rebuilds too: the same documents
  // written twice, only wasted work), not the lease's 30 minutes.
  const waitUntil = Date.now() + (options.maxWaitMs ?? START_WAIT_MS);
  let waiting = false;
  while (await search.needsRebuild(today)) {
    const claimedAt = Date.now();
    const claimed = await claimDailyJob(directory.db, SEARCH_REBUILD_JOB, today, { now: claimedAt });
    if (claimed || claimedAt >= waitUntil) {
      if (!claimed) log('The other process has not finished rebuilding the search documents: rebuilding them here too.');
      try {
        report.reindexed = await reindexAll(directory, search, today);
      } finally {
        if (claimed) await releaseDailyJob(directory.db, SEARCH_REBUILD_JOB, today, claimedAt);
      }
      log(`Search documents rebuilt for ${report.reindexed} services.`);
      break;
    }
    if (!waiting) log('Another process is rebuilding the search documents: waiting for it to finish.');
    waiting = true;
    await new Promise((done) => setTimeout(done, options.pollMs ?? 2_000));
  }
  // Changes queued for search and not yet applied (by a writer without the search backend, or
  // before a process stopped): built now, so nothing saved is missing from search.
  report.fromOutbox = await applySearchOutbox(directory.db, search, today);
  if (report.fromOutbox) log(`Search documents built for ${report.fromOutbox} services waiting in the search outbox.`);
  return report;
}
