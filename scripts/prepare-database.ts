// Prepares the database for `npm run dev` (migrations, taxonomy, sample data if empty).
import { openDirectoryDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/setup/prepare';
import { createSearchBackend } from '../src/lib/search';

const directory = openDirectoryDatabase(undefined, TOOL_OPEN_OPTIONS);
try {
  await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
} finally {
  await directory.close();
}
