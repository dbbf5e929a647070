// One-click actions on a listing against a real SQLite file: each is published with its history,
// and the problem reports it answers are resolved in the same transaction, so when any of them
// was dealt with meanwhile, or the listing changed, nothing at all is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { readRecord, recordVersion } from '../../src/lib/editing/publish';
import { doListingAction } from '../../src/lib/panel/listing-actions';
import { scratchDirectory, service } from '../fixtures/services';

const LISTING = service({ code: 'actions-listing', name: 'Actions Lunch Club', assured: '2025-01-01' });
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const user = { email: 'panel@example.org' };

async function addReport(status = 'open'): Promise<string> {
  const id = randomUUID();
  await scratch.directory.db
    .insertInto('problem_report')
    .values({
      id,
      service_id: LISTING.id,
      kind: 'closed',
      details: '[]',
      message: 'Gone.',
      contact_email: null,
      created_at: new Date().toISOString(),
      status,
    } as never)
    .execute();
  return id;
}

const historyCount = async () =>
  Number(
    (
      await scratch.directory.db
        .selectFrom('change_history')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const statusOf = async () => (await readRecord(scratch.directory.db, LISTING.id))!.status;
const reportStatus = async (id: string) =>
  (await scratch.directory.db.selectFrom('problem_report').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

beforeAll(async () => {
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, [LISTING], { strict: true, source: 'test' });
  expect(report.invalid).toEqual([]);
});

afterAll(async () => {
  await scratch?.cleanup();
});

describe('listing actions', () => {
  it('writes nothing when one of the reports to resolve was dealt with meanwhile', async () => {
    const open = await addReport();
    const dealtWith = await addReport('dismissed');
    const before = await historyCount();
    const version = recordVersion((await readRecord(scratch.directory.db, LISTING.id))!);
    const result = await doListingAction(
      { directory: scratch.directory, search: scratch.search },
      { serviceId: LISTING.id, action: 'close', version, user, reportIds: [open, dealtWith] },
    );
    expect(result).toEqual({ ok: false, reason: 'reports-changed' });
    expect(await statusOf()).toBe('active');
    expect(await reportStatus(open)).toBe('open');
    expect(await historyCount()).toBe(before);
  });

  it('writes nothing when the listing changed since its version', async () => {
    const open = await addReport();
    const result = await doListingAction(
      { directory: scratch.directory, search: scratch.search },
      { serviceId: LISTING.id, action: 'pause', version: 'not-the-version', user, reportIds: [open] },
    );
    expect(result).toEqual({ ok: false, reason: 'stale' });
    expect(await statusOf()).toBe('active');
    expect(await reportStatus(open)).toBe('open');
  });

  it('pauses, then closes: each in the history, the reports resolved, the listing kept', async () => {
    const first = await addReport();
    let version = recordVersion((await readRecord(scratch.directory.db, LISTING.id))!);
    const paused = await doListingAction(
      { directory: scratch.directory, search: scratch.search },
      { serviceId: LISTING.id, action: 'pause', version, user, reportIds: [first], note: 'Back in May.' },
    );
    expect(paused.ok).toBe(true);
    expect(await statusOf()).toBe('temporarily closed');
    expect(await reportStatus(first)).toBe('resolved');
    version = recordVersion((await readRecord(scratch.directory.db, LISTING.id))!);
    const closed = await doListingAction({ directory: scratch.directory, search: scratch.search }, { serviceId: LISTING.id, action: 'close', version, user });
    expect(closed.ok).toBe(true);
    expect(await statusOf()).toBe('defunct');
    const history = await scratch.directory.db
      .selectFrom('change_history')
      .select(['old_value', 'new_value', 'reason', 'changed_by'])
      .where('entity_id', '=', LISTING.id)
      .where('field', '=', 'status')
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { old_value: 'active', new_value: 'temporarily closed', reason: 'Marked paused for now. Back in May.', changed_by: `user ${user.email}` },
      {
        old_value: 'temporarily closed',
        new_value: 'defunct',
        reason: 'Marked closed: kept in the archive, left out of search results',
        changed_by: `user ${user.email}`,
      },
    ]);
  });
});
