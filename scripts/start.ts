// npm start: prepares the database (migrate, sample data if empty) and runs the built server.
import { openDatabase } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/directory/prepare';
import { createSearchBackend } from '../src/lib/search';

process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';

const directory = openDatabase();
try {
  await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
} finally {
  await directory.close();
}
console.log(`Serving the directory from ${directory.path} on http://${process.env.HOST}:${process.env.PORT}`);
// @ts-ignore: produced by `astro build`
await import('../dist/server/entry.mjs');
