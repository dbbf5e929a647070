// npm start: prepares the database (migrate, sample data if empty) and serves the built site.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { openDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/setup/prepare';
import { createSearchBackend } from '../src/lib/search';
import { createSiteServer } from '../src/lib/http/serve';
import { importPagesOnce } from '../src/lib/http/page-modules';

const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);

const directory = openDatabase(undefined, TOOL_OPEN_OPTIONS);
try {
  await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
} finally {
  await directory.close();
}

// Our own server around Astro's handler (see src/lib/http/serve.ts), so Astro must not start its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Where `astro build` wrote the site: dist/, or BUILD_DIR when set (as for the build).
const buildDir = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.BUILD_DIR || 'dist');
const { handler, pageMap } = await import(pathToFileURL(resolve(buildDir, 'server/entry.mjs')).href);
importPagesOnce(pageMap);
const server = createSiteServer(handler, resolve(buildDir, 'client'));
server.listen(port, host, () => {
  console.log(`Serving the directory from ${directory.path} on http://${host}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
