// Opens a PostgreSQL database behind Kysely (the `pg` driver's pool), for DATABASE_URL=postgres://…
// Migrations are the same as SQLite's (src/lib/db/migrations), written for both.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from '../types';

export interface PostgresDatabase {
  db: Kysely<DatabaseSchema>;
  url: string;
  close(): Promise<void>;
}

// PostgreSQL's `bigint` (count(*), sums) comes back as a string by default; the directory's
// numbers all fit a JavaScript number, so read them as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function openPostgresDatabase(url: string, { maxConnections = 10 }: { maxConnections?: number } = {}): PostgresDatabase {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // A connection lost while idle (the server restarted, or shut down as the pool ends) is dropped
  // from the pool and said; without a listener, pg would end the whole process over it.
  pool.on('error', (error) => console.error(`A PostgreSQL connection was lost: ${error.message}`));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, url, close: () => db.destroy() };
}
