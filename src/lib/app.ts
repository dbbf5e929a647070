// The running server's directory: one database connection and search backend per process.
import { migrateToLatest, openDatabase, type DirectoryDatabase } from './db/database';
import { createSearchBackend } from './search';
import type { SearchBackend } from './search/search-backend';

export interface App {
  directory: DirectoryDatabase;
  search: SearchBackend;
}

let app: Promise<App> | undefined;

/** Opens (and migrates, if `npm start` has not) the database named by DATABASE_PATH, once. */
export function getApp(): Promise<App> {
  app ??= (async () => {
    const directory = openDatabase();
    await migrateToLatest(directory.db);
    return { directory, search: createSearchBackend(directory) };
  })();
  return app;
}
