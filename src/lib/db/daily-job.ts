// One process does each day's job (rebuilding the search documents), however many server
// processes or servers share the database: the first to ask claims the day in app_setting, in
// one conditional write. A claim older than the lease is taken over, so a process that died
// part-way does not leave the day's job undone.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './types';

/** How long a claim holds before another process may take the job over. */
export const DAILY_JOB_LEASE_MS = 30 * 60_000;

/** "2026-12-04|000001796336606077": the day, then the time of the claim, so that text order is time order. */
const claimValue = (day: string, at: number) => `${day}|${String(Math.max(0, Math.floor(at))).padStart(18, '0')}`;

/**
 * Claims the job `name` for `day` (YYYY-MM-DD) for this process: true unless another process
 * claimed it for the same day within the lease.
 */
export async function claimDailyJob(
  db: Kysely<DatabaseSchema>,
  name: string,
  day: string,
  { now = Date.now(), leaseMs = DAILY_JOB_LEASE_MS }: { now?: number; leaseMs?: number } = {},
): Promise<boolean> {
  const value = claimValue(day, now);
  // Any claim for an earlier day, or for this day but older than the lease, is taken over.
  const takeOverBelow = claimValue(day, now - leaseMs);
  const claimed = await db
    .insertInto('app_setting')
    .values({ key: `daily-job:${name}`, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }).where('app_setting.value', '<', takeOverBelow))
    .returning('key')
    .executeTakeFirst();
  return claimed !== undefined;
}

/**
 * Gives up the claim made at `claimedAt` (the `now` given to claimDailyJob), once the job is done
 * or has failed, so that whoever next finds the job undone need not wait out the lease. A claim
 * another process has taken over since is left alone.
 */
export async function releaseDailyJob(db: Kysely<DatabaseSchema>, name: string, day: string, claimedAt: number): Promise<void> {
  await db.deleteFrom('app_setting').where('key', '=', `daily-job:${name}`).where('value', '=', claimValue(day, claimedAt)).execute();
}
