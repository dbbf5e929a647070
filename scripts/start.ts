// npm start: prepares the database (migrate, sample data if empty) and serves the built site.
// The settings are checked first (./cli, before the modules that read them as they load).
// With SERVER_PROCESSES above 1 this process prepares the database, then runs that many server
// processes on the one port (Node's cluster: connections shared out in turn), replaces one that
// dies, and stops them all on SIGINT or SIGTERM (docs/configuration.md).
import { commandConfig } from './cli';
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { openDirectoryDatabase, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { prepareDirectory } from '../src/lib/setup/prepare';
import { createSearchBackend } from '../src/lib/search';
import { createSiteServer } from '../src/lib/http/serve';

const config = commandConfig();
const { HOST: host, PORT: port, SERVER_PROCESSES: processes } = config;

/** A server process that dies this many times within RESTART_WINDOW_MS is not started again. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

async function prepare(): Promise<string> {
  const directory = openDirectoryDatabase(undefined, TOOL_OPEN_OPTIONS);
  if (directory.dialect === 'postgres' && !config.RATE_LIMIT_SECRET) {
    // Without one secret shared by every server, each keeps its own counts (docs/postgres.md).
    console.warn(
      'RATE_LIMIT_SECRET is not set: with several servers on this database, each counts requests on its own, ' +
        'so a limit allows that many per server. Set the same RATE_LIMIT_SECRET on every server.',
    );
  }
  try {
    await prepareDirectory(directory, createSearchBackend(directory), { log: (line) => console.log(line) });
    return directory.path;
  } finally {
    await directory.close();
  }
}

/** The line that says the site is up (once, from the first process). */
const servingLine = (databasePath: string, note = '') => `Serving the directory from ${databasePath} on http://${host}:${port}${note}`;

/**
 * Serves the built site on HOST:PORT in this process (in a cluster, on the port the primary
 * shares); says so when given the database's path (a single process; the cluster's primary
 * says it for all).
 */
async function serve(announce?: string): Promise<void> {
  // Our own server around Astro's handler (see src/lib/http/serve.ts), so Astro must not start its own.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  // Where `astro build` wrote the site: dist/, or BUILD_DIR when set (as for the build).
  const buildDir = resolve(fileURLToPath(new URL('..', import.meta.url)), config.BUILD_DIR);
  const { handler } = await import(pathToFileURL(resolve(buildDir, 'server/entry.mjs')).href);
  const server = createSiteServer(handler, resolve(buildDir, 'client'));
  server.listen(port, host, () => {
    if (announce) console.log(servingLine(announce));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

/** Runs `processes` server processes and keeps them running until told to stop. */
function runCluster(databasePath: string): void {
  // Every process must hash addresses with the same key, or each would count rate limits on its own.
  const env = { RATE_LIMIT_SECRET: config.RATE_LIMIT_SECRET ?? randomBytes(32).toString('base64url') };
  const live = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  const deaths: number[] = [];
  const stopAll = (signal: NodeJS.Signals) => {
    for (const worker of live) worker.process.kill(signal);
  };
  const start = () => {
    const worker = cluster.fork(env);
    live.add(worker);
    worker.once('listening', () => {
      if (++listening === processes) console.log(servingLine(databasePath, ` (${processes} processes)`));
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) process.exit(exitCode);
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && deaths[0]! < now - RESTART_WINDOW_MS) deaths.shift();
      const how = signal ?? `code ${code}`;
      if (deaths.length > MAX_RESTARTS) {
        console.error(`Server processes stopped ${deaths.length} times within a minute (the last with ${how}): stopping the site.`);
        stopping = true;
        exitCode = 1;
        if (live.size === 0) process.exit(exitCode);
        stopAll('SIGTERM');
        return;
      }
      console.error(`A server process (${worker.process.pid}) stopped with ${how}: starting another.`);
      start();
    });
  };
  for (let i = 0; i < processes; i++) start();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      if (live.size === 0) process.exit(exitCode);
      stopAll('SIGTERM');
      // A process that has not finished within 10 s is stopped outright.
      setTimeout(() => stopAll('SIGKILL'), 10_000).unref();
    });
  }
}

if (cluster.isWorker) {
  await serve();
} else {
  const databasePath = await prepare();
  if (processes > 1) runCluster(databasePath);
  else await serve(databasePath);
}
