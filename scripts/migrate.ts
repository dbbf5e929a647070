// npm run migrate [-- --down]: moves the database schema to the latest version, or one step back.
// With DATABASE_URL=postgres://… it migrates that PostgreSQL database instead of the SQLite file
// (the same migrations: src/lib/db/migrations).
import { parseArgs } from 'node:util';
import { databaseLocationFromEnv, migrateDown, migrateToLatest, openDirectoryDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { isPostgresUrl } from '../src/lib/db/dialect';
import { commandConfig, fail } from './cli';

const { values } = parseArgs({ options: { down: { type: 'boolean', default: false } } });
const url = databaseLocationFromEnv(commandConfig());
const opened = openDirectoryDatabase(url, { ...TOOL_OPEN_OPTIONS, maxConnections: 1 });
try {
  const result = values.down ? await migrateDown(opened.db) : await migrateToLatest(opened.db);
  const names = (result.results ?? []).map((r) => `${r.direction === 'Down' ? 'undid' : 'applied'} ${r.migrationName}`);
  process.stdout.write(names.length ? `${names.join('\n')}\n` : 'The database is already up to date.\n');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  fail(
    isPostgresUrl(url) && /ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(message)
      ? `Could not reach the PostgreSQL database in DATABASE_URL: ${message}`
      : message,
  );
} finally {
  await opened.close();
}
