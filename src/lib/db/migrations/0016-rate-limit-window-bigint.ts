// A rate-limit window starts at a count of seconds since 1970, which outgrows PostgreSQL's
// 32-bit `integer` in January 2038 (SQLite's integers are 64-bit already): bigint there.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table rate_limit alter column window_start type bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  // Windows past 2038 cannot go back into 32 bits: they are only counts, so they are let go.
  await sql`delete from rate_limit where window_start > 2147483647`.execute(db);
  await sql`alter table rate_limit alter column window_start type integer`.execute(db);
}
