// The server's directory rebuilds search documents made on an earlier day, in the background.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { dayNumber, todayInUk } from '../../src/lib/dates';
import { claimDailyJob } from '../../src/lib/db/daily-job';
import { SEARCH_REBUILD_JOB } from '../../src/lib/search/reindex';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { databaseEnv } from '../fixtures/dialect';
import { scratchDirectory, service } from '../fixtures/services';

describe('the running server keeps search current', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** The server's own modules, afresh, on this directory (either engine: DATABASE_PATH, or DATABASE_URL). */
  async function serverModulesFor(location: string) {
    for (const [key, value] of Object.entries(databaseEnv(location))) vi.stubEnv(key, value ?? '');
    // The settings are read once per process and kept (src/lib/config.ts): read them again.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('community-asset-directory.config')];
    vi.resetModules();
    return import('../../src/lib/app');
  }

  /** A directory whose documents were built last week, with a Monday session that ended yesterday. */
  async function builtLastWeek() {
    const scratch = await scratchDirectory();
    cleanups.push(scratch.cleanup);
    // Indexed last week, when the Monday session had not yet ended.
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await importRecords(
      scratch.directory,
      scratch.search,
      [
        service({
          code: 'ended',
          name: 'Ended Monday Club',
          schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '11:00', valid_to: yesterday }],
        }),
      ],
      { today: lastWeek },
    );
    await scratch.directory.db
      .insertInto('search_meta')
      .values({ key: 'indexed_day', value: dayNumber(lastWeek) })
      .execute();
    expect((await scratch.search.search({ ...EMPTY_QUERY, day: ['mon'] })).total).toBe(1);
    return scratch;
  }

  it('rebuilds documents built on an earlier day, so an ended schedule leaves the day filter', async () => {
    const scratch = await builtLastWeek();
    const { getApp, pendingRebuild } = await serverModulesFor(scratch.location);
    const app = await getApp();
    expect(pendingRebuild()).toBeDefined();
    await pendingRebuild();
    expect((await app.search.search({ ...EMPTY_QUERY, day: ['mon'] })).total).toBe(0);
    expect(app.directory.path).toBe(scratch.directory.path);
    await app.directory.close();
    vi.unstubAllEnvs();
  });

  it("leaves the day's rebuild to another process that has claimed it (several processes or servers on one database)", async () => {
    const scratch = await builtLastWeek();
    expect(await claimDailyJob(scratch.directory.db, SEARCH_REBUILD_JOB, todayInUk())).toBe(true);
    const { getApp, pendingRebuild } = await serverModulesFor(scratch.location);
    const app = await getApp();
    await pendingRebuild();
    // Not rebuilt here: the other process is doing it.
    expect(await app.search.needsRebuild(todayInUk())).toBe(true);
    expect((await app.search.search({ ...EMPTY_QUERY, day: ['mon'] })).total).toBe(1);
    expect(app.directory.path).toBe(scratch.directory.path);
    await app.directory.close();
    vi.unstubAllEnvs();
  });
});
