// npm run migrate [-- --down]: moves the database schema to the latest version, or one step back.
import { parseArgs } from 'node:util';
import { migrateDown, migrateToLatest, openDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';

const { values } = parseArgs({ options: { down: { type: 'boolean', default: false } } });
const directory = openDatabase(undefined, TOOL_OPEN_OPTIONS);
try {
  const result = values.down ? await migrateDown(directory.db) : await migrateToLatest(directory.db);
  const names = (result.results ?? []).map((r) => `${r.direction === 'Down' ? 'undid' : 'applied'} ${r.migrationName}`);
  process.stdout.write(names.length ? `${names.join('\n')}\n` : 'The database is already up to date.\n');
} finally {
  await directory.close();
}
