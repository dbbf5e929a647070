// The one write path for services (src/lib/directory/service-store.ts) and the search outbox it
// fills (src/lib/search/outbox.ts), on a real database of each dialect: a change and its queued
// search change commit together or not at all; search finds what was stored once the outbox is
// applied; a change to a shared place queues every service there; a problem report and its closing
// queue the listing; what was left queued is built when the site starts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeServices } from '../../src/lib/directory/service-store';
import { applySearchOutbox } from '../../src/lib/search/outbox';
import { importRecords } from '../../src/lib/openreferral/import';
import { validateRecord } from '../../src/lib/openreferral-schema/validate-record';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { prepareDirectory } from '../../src/lib/setup/prepare';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { parseProblemReport, saveProblemReport, EMPTY_FORM_VALUES } from '../../src/lib/freshness/problem-reports';
import { markReportsClosed } from '../../src/lib/suggestions/queue';
import { changeMapping } from '../../src/lib/taxonomy/crosswalk-store';
import { uuidFor } from '../../src/lib/ids';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
beforeEach(async () => {
  scratch = await scratchDirectory();
});
afterEach(async () => {
  await scratch.cleanup();
});

function checked(raw: unknown): ServiceRecord {
  const outcome = validateRecord(raw, 0);
  if ('errors' in outcome) throw new Error(JSON.stringify(outcome.errors));
  return outcome.record;
}

const queued = async () =>
  (await scratch.directory.db.selectFrom('search_outbox').select('service_id').orderBy('service_id').execute()).map((row) => row.service_id);
const found = async (words: string) => (await scratch.search.search({ ...EMPTY_QUERY, q: words })).hits.map((hit) => hit.document.id);

const LUNCH = checked(service({ code: 'outbox-lunch', name: 'Heaton Lunch Club', description: 'A hot lunch and company on Tuesdays.' }));
// Another service at the very same place (the same location id).
const CHESS = checked({
  ...service({ code: 'outbox-chess', name: 'Heaton Chess Club', description: 'Chess for all ages.' }),
  service_at_locations: LUNCH.service_at_locations.map((sal) => ({ ...sal, id: '0b0c0000-0000-4000-8000-000000000001' })),
});

describe('the search outbox', () => {
  it('queues what a writer stored, and search finds it once the outbox is applied', async () => {
    await storeServices(scratch.directory, [LUNCH], { source: 'test' });
    expect(await queued()).toEqual([LUNCH.id]);
    expect(await found('lunch')).toEqual([]);
    expect(await applySearchOutbox(scratch.directory.db, scratch.search, TODAY)).toBe(1);
    expect(await queued()).toEqual([]);
    expect(await found('lunch')).toEqual([LUNCH.id]);
  });

  it('keeps nothing of a write that fails: neither the service nor its queued search change', async () => {
    await expect(
      storeServices(scratch.directory, [LUNCH], {
        source: 'test',
        afterWrite: async () => {
          throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect(await queued()).toEqual([]);
    expect(await scratch.directory.db.selectFrom('service').select('id').execute()).toEqual([]);
  });

  it('queues every service at a place that changed, though only one record was sent', async () => {
    await importRecords(scratch.directory, scratch.search, [LUNCH, CHESS], { today: TODAY });
    expect(await queued()).toEqual([]); // the importer applies its own in the same transaction
    const moved = checked({
      ...LUNCH,
      service_at_locations: LUNCH.service_at_locations.map((sal) => ({ ...sal, location: { ...sal.location, name: 'Heaton Quaker Meeting House' } })),
    });
    await storeServices(scratch.directory, [moved], { source: 'test' });
    expect(await queued()).toEqual([LUNCH.id, CHESS.id].sort());
    await applySearchOutbox(scratch.directory.db, scratch.search, TODAY);
    // Both results now say the place's new name.
    const hits = (await scratch.search.search({ ...EMPTY_QUERY, q: 'Heaton' })).hits;
    expect(hits.map((hit) => [hit.document.id, JSON.stringify(hit.document).includes('Quaker Meeting House')]).sort()).toEqual(
      [
        [LUNCH.id, true],
        [CHESS.id, true],
      ].sort(),
    );
  });

  it('stores an unchanged record again without queueing anything', async () => {
    await importRecords(scratch.directory, scratch.search, [LUNCH], { today: TODAY });
    const outcome = await storeServices(scratch.directory, [LUNCH], { source: null });
    expect(outcome).toEqual({ written: 0, unchanged: 1 });
    expect(await queued()).toEqual([]);
  });

  it('queues a listing when someone reports a problem with it, and again when the report is closed', async () => {
    await importRecords(scratch.directory, scratch.search, [LUNCH, CHESS], { today: TODAY });
    const parsed = parseProblemReport({ ...EMPTY_FORM_VALUES, kind: 'closed', message: 'Shut in October' });
    if (!parsed.ok) throw new Error('the report should be good');
    const reportId = await saveProblemReport(scratch.directory.db, LUNCH.id, parsed.report);
    expect(await queued()).toEqual([LUNCH.id]);
    const reported = async () =>
      (await scratch.search.search({ ...EMPTY_QUERY, q: 'lunch' })).hits[0]!.document.freshness.flags.some((flag) => flag.flag === 'reported_problem');
    expect(await reported()).toBe(false);
    await applySearchOutbox(scratch.directory.db, scratch.search, TODAY);
    expect(await reported()).toBe(true);

    // Closing it in a transaction that then fails queues nothing and closes nothing.
    await expect(
      scratch.directory.db.transaction().execute(async (trx) => {
        await markReportsClosed(trx, [reportId], 'resolved', 'Checked: still running', 'panel@example.org', new Date());
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await queued()).toEqual([]);
    await scratch.directory.db.transaction().execute((trx) => markReportsClosed(trx, [reportId], 'resolved', 'Checked', 'panel@example.org', new Date()));
    expect(await queued()).toEqual([LUNCH.id]);
    await applySearchOutbox(scratch.directory.db, scratch.search, TODAY);
    expect(await reported()).toBe(false);
  });

  it('builds what was left queued when the site starts', async () => {
    await storeServices(scratch.directory, [LUNCH, CHESS], { source: 'test' });
    const report = await prepareDirectory(scratch.directory, scratch.search, { today: TODAY, loadSample: false });
    expect(report.fromOutbox).toBe(2);
    expect(await queued()).toEqual([]);
    expect(await found('chess')).toEqual([CHESS.id]);
  });

  it('queues the services of a term the panel maps again, in the same transaction, and the next start builds them', async () => {
    const term = {
      id: uuidFor('tvc-term', 'QQ'),
      code: 'QQ',
      name: 'Miscellaneous',
      taxonomy: 'council-terms',
      taxonomy_id: uuidFor('taxonomy', 'council-terms'),
    };
    const splash = {
      ...service({ code: 'outbox-splash', name: 'Aqua Splash Sessions', description: 'In the water for all ages.' }),
      attributes: [{ id: uuidFor('attribute', 'outbox-splash-qq'), link_type: 'category', taxonomy_term: term }],
    };
    await importRecords(scratch.directory, scratch.search, [splash], { today: TODAY, strict: true });
    const swimming = async () => (await scratch.search.search({ ...EMPTY_QUERY, category: ['swimming'] })).hits.map((hit) => hit.document.id);
    expect(await swimming()).toEqual([]);

    const change = await changeMapping(scratch.directory.db, term.id, 'swimming', 'panel-user');
    expect(change).toMatchObject({ ok: true, serviceIds: [splash.id] });
    expect(await queued()).toEqual([splash.id]);
    // The server stopped before search was told: the next start builds it.
    await prepareDirectory(scratch.directory, scratch.search, { today: TODAY, loadSample: false });
    expect(await queued()).toEqual([]);
    expect(await swimming()).toEqual([splash.id]);
  });
});
