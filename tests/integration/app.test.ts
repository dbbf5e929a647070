// The server's directory rebuilds search documents made on an earlier day, in the background.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { dayNumber } from '../../src/lib/dates';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { databaseEnv } from '../fixtures/dialect';
import { scratchDirectory, service } from '../fixtures/services';

describe('the running server keeps search current', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await cleanup?.();
  });

  it('rebuilds documents built on an earlier day, so an ended schedule leaves the day filter', async () => {
    const scratch = await scratchDirectory();
    cleanup = scratch.cleanup;
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

    // The server's own directory: this one, on either engine (DATABASE_PATH, or DATABASE_URL).
    for (const [key, value] of Object.entries(databaseEnv(scratch.location))) vi.stubEnv(key, value ?? '');
    vi.resetModules();
    const { getApp, pendingRebuild } = await import('../../src/lib/app');
    const app = await getApp();
    expect(pendingRebuild()).toBeDefined();
    await pendingRebuild();
    expect((await app.search.search({ ...EMPTY_QUERY, day: ['mon'] })).total).toBe(0);
    await app.directory.close();
    vi.unstubAllEnvs();
  });
});
