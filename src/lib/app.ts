// The running server's directory: one database connection and search backend per process, and
// a daily rebuild of search documents so that ended schedules and prices drop out of results (and
// a daily clearing of expired shortlists).
import { appConfig, type Config } from './config';
import { databaseLocationFromEnv, migrateToLatest, openDirectoryDatabase, type DirectoryDatabase } from './db/database';
import { todayInUk } from './dates';
import { createSearchBackend } from './search';
import { reindexAll, SEARCH_REBUILD_JOB } from './search/reindex';
import type { SearchBackend } from './search/search-backend';
import { purgeExpiredShortlists } from './shortlists/shortlists';
import { claimDailyJob, releaseDailyJob } from './db/daily-job';

export interface App {
  /** The settings, checked once (src/lib/config.ts). */
  config: Config;
  directory: DirectoryDatabase;
  search: SearchBackend;
}

let app: Promise<App> | undefined;
let checkedDay = '';
let rebuilding: Promise<void> | undefined;
/** While another process rebuilds today's documents, look again after this long. */
const LOOK_AGAIN_MS = 5 * 60_000;

/**
 * On the first request of each day, rebuilds the search documents in the background if they
 * were built on an earlier day. Searches go on meanwhile, with yesterday's wording. With several
 * server processes or servers on one database, one of them does it (src/lib/db/daily-job.ts);
 * the others look again later, in case it stopped part-way.
 */
function rebuildIfNewDay(ready: App): void {
  const today = todayInUk();
  if (today === checkedDay || rebuilding) return;
  checkedDay = today;
  rebuilding = (async () => {
    if (await ready.search.needsRebuild(today)) {
      const claimedAt = Date.now();
      if (await claimDailyJob(ready.directory.db, SEARCH_REBUILD_JOB, today, { now: claimedAt })) {
        try {
          const count = await reindexAll(ready.directory, ready.search, today);
          console.log(`Search documents rebuilt for ${today}: ${count} services.`);
        } finally {
          // Done or failed: whoever next finds the documents out of date need not wait out the lease.
          await releaseDailyJob(ready.directory.db, SEARCH_REBUILD_JOB, today, claimedAt);
        }
      } else {
        setTimeout(() => {
          if (checkedDay === today) checkedDay = '';
        }, LOOK_AGAIN_MS).unref();
      }
    }
    // Shortlists past their lifetime go each day too, not only when someone makes a new one.
    await purgeExpiredShortlists(ready.directory.db);
  })()
    .catch((error) => {
      checkedDay = ''; // try again on a later request
      console.error('Could not rebuild the search documents for today:', error);
    })
    .finally(() => {
      rebuilding = undefined;
    });
}

/** The rebuild under way, if any (for tests and shutdown). */
export function pendingRebuild(): Promise<void> | undefined {
  return rebuilding;
}

/** Opens (and migrates, if `npm start` has not) the database named by DATABASE_PATH, once. */
export async function getApp(): Promise<App> {
  app ??= (async () => {
    const config = appConfig();
    const directory = openDirectoryDatabase(databaseLocationFromEnv(config));
    await migrateToLatest(directory.db);
    return { config, directory, search: createSearchBackend(directory, config.SEARCH_BACKEND) };
  })();
  const ready = await app;
  rebuildIfNewDay(ready);
  return ready;
}
