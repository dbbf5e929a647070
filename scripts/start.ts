// npm start: prepares the database (migrate, sample data if empty) and serves the built site.
// The settings are checked first (./cli, before the modules that read them as they load).
import { commandConfig } from './cli';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { openDirectoryDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/setup/prepare';
import { createSearchBackend } from '../src/lib/search';
import { createSiteServer } from '../src/lib/http/serve';

const config = commandConfig();
const { HOST: host, PORT: port } = config;

const directory = openDirectoryDatabase(undefined, TOOL_OPEN_OPTIONS);
if (directory.dialect === 'postgres' && !config.RATE_LIMIT_SECRET) {
  // Without one secret shared by every server, each keeps its own counts (docs/postgres.md).
  console.warn('RATE_LIMIT_SECRET is not set: with several servers on this database, each counts requests on its own, '
    + 'so a limit allows that many per server. Set the same RATE_LIMIT_SECRET on every server.');
}
try {
  await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
} finally {
  await directory.close();
}

// Our own server around Astro's handler (see src/lib/http/serve.ts), so Astro must not start its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Where `astro build` wrote the site: dist/, or BUILD_DIR when set (as for the build).
const buildDir = resolve(fileURLToPath(new URL('..', import.meta.url)), config.BUILD_DIR);
const { handler } = await import(pathToFileURL(resolve(buildDir, 'server/entry.mjs')).href);
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
