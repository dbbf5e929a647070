// One process does each day's job (src/lib/db/daily-job.ts), however many share the database:
// claims on a real database of each dialect, two connections standing in for two processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDailyJob, DAILY_JOB_LEASE_MS, releaseDailyJob } from '../../src/lib/db/daily-job';
import { openDirectoryDatabase, type DirectoryDatabase } from '../../src/lib/db/database';
import { scratchDirectory } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
let other: DirectoryDatabase;
beforeEach(async () => {
  scratch = await scratchDirectory();
  other = openDirectoryDatabase(scratch.location);
});
afterEach(async () => {
  await other.close();
  await scratch.cleanup();
});

const NOON = Date.parse('2026-12-04T12:00:00Z');

describe('claimDailyJob', () => {
  it('gives the day to the first process that asks, and to no other within the lease', async () => {
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON })).toBe(true);
    expect(await claimDailyJob(other.db, 'search-rebuild', '2026-12-04', { now: NOON + 1000 })).toBe(false);
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON + DAILY_JOB_LEASE_MS - 1 })).toBe(false);
    // Another job is claimed on its own.
    expect(await claimDailyJob(other.db, 'other-job', '2026-12-04', { now: NOON })).toBe(true);
  });

  it('lets another process take over a claim older than the lease (the first may have stopped part-way)', async () => {
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON })).toBe(true);
    expect(await claimDailyJob(other.db, 'search-rebuild', '2026-12-04', { now: NOON + DAILY_JOB_LEASE_MS + 1 })).toBe(true);
    // And that claim holds in turn.
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON + DAILY_JOB_LEASE_MS + 2 })).toBe(false);
  });

  it('gives the next day to whoever asks first, whenever the last claim was made', async () => {
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON })).toBe(true);
    const nextMorning = Date.parse('2026-12-05T00:01:00Z');
    expect(await claimDailyJob(other.db, 'search-rebuild', '2026-12-05', { now: nextMorning })).toBe(true);
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-05', { now: nextMorning + 1 })).toBe(false);
    // A process whose clock still says yesterday cannot take today's job back.
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: nextMorning + 2 })).toBe(false);
  });

  it('claims once when many ask at the same moment', async () => {
    const asks = await Promise.all(
      Array.from({ length: 6 }, (_, i) => claimDailyJob(i % 2 ? other.db : scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON + i })),
    );
    expect(asks.filter(Boolean)).toHaveLength(1);
  });

  it('gives a claim up for whoever asks next, but never a claim another process has taken over', async () => {
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON })).toBe(true);
    await releaseDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', NOON);
    expect(await claimDailyJob(other.db, 'search-rebuild', '2026-12-04', { now: NOON + 1000 })).toBe(true);
    // The first process, releasing late, must not give up the claim the other now holds.
    await releaseDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', NOON);
    expect(await claimDailyJob(scratch.directory.db, 'search-rebuild', '2026-12-04', { now: NOON + 2000 })).toBe(false);
  });
});
