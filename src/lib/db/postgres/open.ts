// Opens a PostgreSQL database behind Kysely (the `pg` driver's pool), for DATABASE_URL=postgres://…
// Migrations are the same as SQLite's (src/lib/db/migrations), written for both.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from '../types';
import type { OpenOptions, PostgresDirectory } from '../database';
import { SERVER_RETRY_FOR_MS } from '../busy-retry';

// PostgreSQL's `bigint` (count(*), sums) comes back as a string by default; the directory's
// numbers all fit a JavaScript number, so read them as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** The URL with its password hidden, for messages and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export function openPostgresDirectory(url: string, { maxConnections = 10, retryForMs = SERVER_RETRY_FOR_MS }: OpenOptions = {}): PostgresDirectory {
  // A statement waits for another connection's lock (an import's, another server's) at most
  // retryForMs, as on SQLite, then fails with lock_not_available: answered 503 with Retry-After
  // (isDatabaseBusy), never a request left hanging.
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, lock_timeout: retryForMs });
  // A connection lost while idle (the server restarted, or shut down as the pool ends) is dropped
  // from the pool and said; without a listener, pg would end the whole process over it.
  pool.on('error', (error) => console.error(`A PostgreSQL connection was lost: ${error.message}`));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    path: withoutPassword(url),
    // Rows written to any table by any server: PostgreSQL's statistics, which every connection
    // reports within about a second of its commit. So a page kept by one server's search page
    // cache is dropped within seconds of a change saved on another.
    version: async () => {
      const { rows } = await sql<{ changes: number | null }>`select sum(n_tup_ins + n_tup_upd + n_tup_del) as changes
        from pg_stat_user_tables`.execute(db);
      return `pg:${rows[0]?.changes ?? 0}`;
    },
    close: () => db.destroy(),
  };
}
