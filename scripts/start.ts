// npm start: prepares the database (migrate, sample data if empty) and serves the built site.
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/directory/prepare';
import { createSearchBackend } from '../src/lib/search';
import { createSiteServer } from '../src/lib/http/serve';

const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);

const directory = openDatabase();
try {
  await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
} finally {
  await directory.close();
}

// Our own server around Astro's handler (see src/lib/http/serve.ts), so Astro must not start its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// @ts-ignore: produced by `astro build`
const { handler } = await import('../dist/server/entry.mjs');
const server = createSiteServer(handler, fileURLToPath(new URL('../dist/client', import.meta.url)));
server.listen(port, host, () => {
  console.log(`Serving the directory from ${directory.path} on http://${host}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
