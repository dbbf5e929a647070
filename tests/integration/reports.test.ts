// Gap and use reports (issue 7) on a fixed dataset: fixture services in known wards with known
// types of help, referral and unmet-need rows inserted with known days, a closure and lapsed
// funding, and gaps. Exact numbers for every report (per 10,000 residents too), small-number
// suppression in the CSVs (with the totals rule), and the gap register's life cycle; then the
// pages and CSVs over HTTP, for the panel only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { uuidFor } from '../../src/lib/ids';
import {
  areaOverview,
  closedTable,
  gapsTable,
  lastTwelveMonths,
  referralsTable,
  serviceFacts,
  servicesTable,
  topCategories,
  unmetTable,
  type ReportTable,
  type ServiceFacts,
} from '../../src/lib/reports/reports';
import { exportCount, exportTotal, overviewCsv, tableCsv } from '../../src/lib/reports/export';
import { changeGapStatus, raiseGap } from '../../src/lib/reports/gaps';
import { changeKeyService, keyServicesByCategory } from '../../src/lib/reports/key-services';
import { scratchDirectory, service } from '../fixtures/services';
import { addUsers, startServer, type RunningServer } from '../fixtures/server';
import { withTestSql } from '../fixtures/sql';
import { ORG_EDITOR, LINK_WORKER, PANEL, getAs, postAs, signInAs } from '../fixtures/accounts';

const TODAY = '2026-11-21';
const ELSWICK = { latitude: 54.965, longitude: -1.6385 };
const WALKER = { latitude: 54.9706, longitude: -1.5443 };
const BYKER = { latitude: 54.9727, longitude: -1.577 };

const FOOD_BANK = service({ code: 'rep-food-bank', name: 'Elswick Food Bank', categories: ['food-banks'], places: [{ name: 'Elswick Hall', ...ELSWICK }] });
const LUNCH = service({
  code: 'rep-lunch',
  name: 'Elswick Lunch Club',
  categories: ['community-meals', 'social-groups'],
  places: [{ name: 'Elswick Church', ...ELSWICK }],
});
const CHOIR = service({ code: 'rep-choir', name: 'Walker Choir', categories: ['social-groups'], places: [{ name: 'Walker Hall', ...WALKER }] });
const ADVICE = service({ code: 'rep-advice', name: 'Saltwell Debt Advice', categories: ['debt-advice'], locationType: null, serviceAreas: ['Saltwell'] });
const CLOSED = service({
  code: 'rep-closed',
  name: 'Byker Old Club',
  categories: ['social-groups'],
  status: 'defunct',
  places: [{ name: 'Byker Hall', ...BYKER }],
});
const LAPSED = service({
  code: 'rep-lapsed',
  name: 'Walker Wellbeing Garden',
  categories: ['mental-health'],
  assured: '2026-01-01',
  places: [{ name: 'Walker Garden', ...WALKER }],
  extra: { funding: [{ id: uuidFor('funding', 'rep-lapsed'), source: 'Lottery', end_date: '2026-03-31' }] },
});
const LONG_LAPSED = service({
  code: 'rep-long-lapsed',
  name: 'Elswick Old Project',
  categories: ['food'],
  assured: '2025-01-01',
  places: [{ name: 'Elswick Rooms', ...ELSWICK }],
  extra: { funding: [{ id: uuidFor('funding', 'rep-long-lapsed'), source: 'Council', end_date: '2025-06-01' }] },
});
const FIXTURES = [FOOD_BANK, LUNCH, CHOIR, ADVICE, CLOSED, LAPSED, LONG_LAPSED];

const MONTHS = lastTwelveMonths(TODAY);
/** The per-category cells of a services CSV line, in the taxonomy's order: 0 unless given. */
const categoryCells = (set: Record<string, string>) =>
  topCategories()
    .map((category) => set[category.id] ?? '0')
    .join(',');
// Newcastle: 5 open services (0.2 per 10,000); food 3, mental health 1, loneliness 2: all under 5.
const NEWCASTLE_LINE = `newcastle,Newcastle upon Tyne,5,0.2,${categoryCells({ food: 'fewer than 5', 'mental-health': 'fewer than 5', 'loneliness-social': 'fewer than 5' })}`;
/** Twelve zeros with the given months (e.g. { '2026-11': 3 }) set. */
const months = (set: Record<string, number>) => MONTHS.map((month) => set[month] ?? 0);
const row = (table: ReportTable, key: string) => table.rows.find((each) => each.key === key)?.cells;

type Db = Awaited<ReturnType<typeof scratchDirectory>>['directory']['db'];

async function fillCounts(db: Db): Promise<void> {
  await db
    .insertInto('referral_count')
    .values([
      { day: '2026-11-02', service_id: FOOD_BANK.id, kind: 'referred', area_id: 'newcastle-elswick', count: 3 },
      { day: '2026-10-15', service_id: FOOD_BANK.id, kind: 'signposted', area_id: '', count: 2 },
      { day: '2026-11-10', service_id: CHOIR.id, kind: 'referred', area_id: 'newcastle-walker', count: 7 },
      { day: '2025-11-30', service_id: LUNCH.id, kind: 'referred', area_id: 'newcastle-elswick', count: 9 },
      { day: '2025-12-01', service_id: LUNCH.id, kind: 'signposted', area_id: 'newcastle-elswick', count: 1 },
    ])
    .execute();
  await db
    .insertInto('unmet_need_count')
    .values([
      { day: '2026-11-05', category_id: 'food', area_id: 'newcastle-walker', reason: 'too_far', count: 2 },
      { day: '2026-11-05', category_id: 'food', area_id: 'newcastle-walker', reason: 'no_results', count: 6 },
      { day: '2026-09-01', category_id: '', area_id: '', reason: 'cost', count: 1 },
      { day: '2025-10-01', category_id: 'food', area_id: 'newcastle-walker', reason: 'cost', count: 50 },
    ])
    .execute();
  await db
    .insertInto('change_history')
    .values({
      entity: 'service',
      entity_id: CLOSED.id,
      action: 'update',
      field: 'status',
      old_value: 'active',
      new_value: 'defunct',
      changed_at: '2026-06-01T10:00:00.000Z',
      changed_by: 'user panel@example.org',
      reason: null,
    })
    .execute();
}

describe('report arithmetic on a fixed dataset', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let db: Db;
  let facts: ServiceFacts[];
  let panelUser: { id: string; email: string };

  beforeAll(async () => {
    scratch = await scratchDirectory();
    db = scratch.directory.db;
    const report = await importRecords(scratch.directory, scratch.search, FIXTURES, { today: TODAY, strict: true });
    expect(report.invalid).toEqual([]);
    expect(report.written).toBe(FIXTURES.length);
    await addUsers(db, [PANEL]);
    panelUser = { id: (await db.selectFrom('user_account').select('id').where('email', '=', PANEL.email).executeTakeFirstOrThrow()).id, email: PANEL.email };
    await fillCounts(db);
    facts = await serviceFacts(db, TODAY);
  });
  afterAll(async () => scratch?.cleanup());

  it("knows each service's types of help, areas, closure and lapse", () => {
    const fact = (id: string) => facts.find((each) => each.id === id)!;
    expect(fact(LUNCH.id).categories.sort()).toEqual(['food', 'loneliness-social']);
    expect(fact(LUNCH.id).areas.sort()).toEqual(['newcastle', 'newcastle-elswick', 'newcastle-west-end']);
    expect(fact(ADVICE.id).areas.sort()).toEqual(['gateshead', 'gateshead-saltwell']);
    expect(fact(CLOSED.id).closedOn).toBe('2026-06-01');
    expect(fact(LAPSED.id).lapsedOn).toBe('2026-03-31');
    expect(fact(LONG_LAPSED.id).lapsedOn).toBe('2025-06-01');
    expect(fact(FOOD_BANK.id).closedOn).toBeNull();
  });

  it('services per area, per 10,000 residents and per type of help (open services only)', () => {
    const table = servicesTable(facts);
    const column = (key: string) => table.columns.findIndex((each) => each.key === key);
    const pick = (key: string, columns: string[]) => columns.map((name) => row(table, key)![column(name)]);
    const columns = ['services', 'per_10000', 'food', 'loneliness-social', 'mental-health', 'money-benefits-debt'];
    // Elswick (13,000 people): the food bank, the lunch club and the old project: 3 / 13,000 × 10,000 = 2.3.
    expect(pick('newcastle-elswick', columns)).toEqual([3, 2.3, 3, 1, 0, 0]);
    // Walker (12,700): the choir and the garden (its funding lapsed, but it is still listed as open): 1.6.
    expect(pick('newcastle-walker', columns)).toEqual([2, 1.6, 0, 1, 1, 0]);
    // Byker: its only service has closed.
    expect(pick('newcastle-byker', columns)).toEqual([0, 0, 0, 0, 0, 0]);
    // Saltwell (9,500), by its service area: 1.1; and Gateshead (196,200) around it: 0.1.
    expect(pick('gateshead-saltwell', columns)).toEqual([1, 1.1, 0, 0, 0, 1]);
    expect(pick('gateshead', columns)).toEqual([1, 0.1, 0, 0, 0, 1]);
    // Newcastle (300,200): five open services: 0.2. The West End has no population: no rate.
    expect(pick('newcastle', columns)).toEqual([5, 0.2, 3, 2, 1, 0]);
    expect(pick('newcastle-west-end', columns)).toEqual([3, null, 3, 1, 0, 0]);
  });

  it('referrals by service, type of help and area, month by month for the last 12 months', async () => {
    expect(MONTHS[0]).toBe('2025-12');
    expect(MONTHS[11]).toBe('2026-11');
    const byService = await referralsTable(db, TODAY, 'service', facts);
    expect(byService.rows.map((each) => [each.label, each.cells])).toEqual([
      ['Elswick Food Bank', months({ '2026-10': 2, '2026-11': 3 })],
      ['Elswick Lunch Club', months({ '2025-12': 1 })], // its 9 in November 2025 are older than 12 months
      ['Walker Choir', months({ '2026-11': 7 })],
    ]);
    const byCategory = await referralsTable(db, TODAY, 'category', facts);
    expect(row(byCategory, 'food')).toEqual(months({ '2025-12': 1, '2026-10': 2, '2026-11': 3 }));
    expect(row(byCategory, 'loneliness-social')).toEqual(months({ '2025-12': 1, '2026-11': 7 }));
    expect(byCategory.rows).toHaveLength(2);
    const byArea = await referralsTable(db, TODAY, 'area', facts);
    // A district counts what was recorded against its wards too.
    expect(byArea.rows.map((each) => [each.key, each.label, each.cells])).toEqual([
      ['newcastle-elswick', 'Elswick', months({ '2025-12': 1, '2026-11': 3 })],
      ['newcastle', 'Newcastle upon Tyne', months({ '2025-12': 1, '2026-11': 10 })],
      ['newcastle-walker', 'Walker', months({ '2026-11': 7 })],
      ['', 'Area not given', months({ '2026-10': 2 })],
    ]);
  });

  it('unmet needs by reason (by month), and by type of help and area (by reason)', async () => {
    const byReason = await unmetTable(db, TODAY, 'reason');
    expect(row(byReason, 'too_far')).toEqual(months({ '2026-11': 2 }));
    expect(row(byReason, 'no_results')).toEqual(months({ '2026-11': 6 }));
    expect(row(byReason, 'cost')).toEqual(months({ '2026-09': 1 })); // the 50 in October 2025 are too old
    expect(row(byReason, 'language')).toEqual(months({}));
    // Reasons: too far, cost, times, full, eligibility, accessibility, language, no such service, no results.
    const byCategory = await unmetTable(db, TODAY, 'category');
    expect(byCategory.rows.map((each) => [each.label, each.cells])).toEqual([
      ['Food', [2, 0, 0, 0, 0, 0, 0, 0, 6]],
      ['No type of help', [0, 1, 0, 0, 0, 0, 0, 0, 0]],
    ]);
    const byArea = await unmetTable(db, TODAY, 'area');
    expect(byArea.rows.map((each) => [each.label, each.cells])).toEqual([
      ['Newcastle upon Tyne', [2, 0, 0, 0, 0, 0, 0, 0, 6]],
      ['Walker', [2, 0, 0, 0, 0, 0, 0, 0, 6]],
      ['Area not given', [0, 1, 0, 0, 0, 0, 0, 0, 0]],
    ]);
  });

  it('services closed or with funding lapsed in the last 12 months, by type of help and area', () => {
    const byCategory = closedTable(facts, TODAY, 'category');
    expect(row(byCategory, 'loneliness-social')).toEqual([1, 0]);
    expect(row(byCategory, 'mental-health')).toEqual([0, 1]);
    expect(row(byCategory, 'food')).toEqual([0, 0]); // the old project lapsed more than 12 months ago
    const byArea = closedTable(facts, TODAY, 'area');
    expect(row(byArea, 'newcastle-byker')).toEqual([1, 0]);
    expect(row(byArea, 'newcastle-walker')).toEqual([0, 1]);
    expect(row(byArea, 'newcastle-east-end')).toEqual([1, 1]);
    expect(row(byArea, 'newcastle')).toEqual([1, 1]);
    expect(row(byArea, 'newcastle-elswick')).toEqual([0, 0]);
  });

  it('small-number suppression: 1 to 4 are "fewer than 5", 0 and 5 or more are numbers; totals never give one away', async () => {
    expect([0, 1, 4, 5, 12].map(exportCount)).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '12']);
    expect(exportTotal(7, [2, 5])).toBe('fewer than 5'); // 7 − 5 would give the 2 away
    expect(exportTotal(7, [3, 4])).toBe('fewer than 5'); // two hidden parts: their sum would still narrow them
    expect(exportTotal(12, [10, 1, 1])).toBe('fewer than 5'); // 12 − 10 = 2 can only be 1 and 1
    expect(exportTotal(12, [12, 0])).toBe('12');
    expect(exportTotal(3, [3])).toBe('fewer than 5');

    const referrals = tableCsv(await referralsTable(db, TODAY, 'service', facts)).split('\r\n');
    expect(referrals[0]).toBe(
      `id,service,${MONTHS.map((month) => {
        const [y, m] = month.split('-');
        return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
      }).join(',')}`,
    );
    expect(referrals[1]).toBe(`${FOOD_BANK.id},Elswick Food Bank,0,0,0,0,0,0,0,0,0,0,fewer than 5,fewer than 5`);
    expect(referrals[3]).toBe(`${CHOIR.id},Walker Choir,0,0,0,0,0,0,0,0,0,0,0,7`);
    expect(referrals).toHaveLength(5); // header, three services, and the final line end: no total row

    const services = tableCsv(servicesTable(facts)).split('\r\n');
    expect(services.find((line) => line.startsWith('newcastle,'))).toBe(NEWCASTLE_LINE);
    expect(services.find((line) => line.startsWith('newcastle-elswick,'))).toBe(
      `newcastle-elswick,Elswick,fewer than 5,not shown,${categoryCells({ food: 'fewer than 5', 'loneliness-social': 'fewer than 5' })}`,
    );

    // The area overview: Walker's 8 unmet needs are 2 + 6, so the 8 would give the 2 away: hidden.
    const overview = overviewCsv(await areaOverview(db, TODAY, 'ward', facts)).split('\r\n');
    expect(overview[0]).toBe(
      'id,ward,Open services,"Open services per 10,000 residents",Referrals and signposts (last 12 months),Unmet needs (last 12 months),Closed or funding lapsed (last 12 months),Open gaps in the register',
    );
    expect(overview.find((line) => line.startsWith('newcastle-walker,'))).toBe('newcastle-walker,Walker,fewer than 5,not shown,7,fewer than 5,fewer than 5,0');
    expect(overview.find((line) => line.startsWith('newcastle-elswick,'))).toBe('newcastle-elswick,Elswick,fewer than 5,not shown,fewer than 5,0,0,0');
    expect(overview.find((line) => line.startsWith('newcastle-heaton,'))).toBe('newcastle-heaton,Heaton,0,0,0,0,0,0');
  });

  it('the gap register: raise, acknowledge, work on, resolve with a service; every change kept; bad values refused; never deleted', async () => {
    expect(await raiseGap(db, { area: '', category: 'food', description: '' }, panelUser)).toEqual({
      ok: false,
      errors: { area: 'Choose the area where the gap is.', description: 'Describe the gap in a sentence or two.' },
    });
    expect(await raiseGap(db, { area: 'atlantis', category: 'unicorns', description: 'x' }, panelUser)).toEqual({
      ok: false,
      errors: { area: 'Choose an area from the list.', category: 'Choose a type of help from the list.' },
    });
    const raised = await raiseGap(
      db,
      { area: 'newcastle-walker', category: 'food', description: 'No food bank open at weekends in Walker.' },
      panelUser,
      new Date('2026-11-01T09:00:00Z'),
    );
    expect(raised.ok).toBe(true);
    const id = (raised as { id: string }).id;
    await raiseGap(db, { area: 'newcastle-walker', category: 'mental-health', description: 'No evening peer support.' }, panelUser);
    await raiseGap(db, { area: 'newcastle-elswick', category: 'food', description: 'No community meal on Sundays.' }, panelUser);

    expect(await changeGapStatus(db, { gap: id, status: 'closed' }, panelUser)).toEqual({ ok: false, errors: { status: 'Choose a status from the list.' } });
    expect(await changeGapStatus(db, { gap: id, status: 'raised' }, panelUser)).toEqual({
      ok: false,
      errors: { status: 'This gap is already “Raised”. Choose a later status.' },
    });
    expect(await changeGapStatus(db, { gap: 'no-such-gap', status: 'acknowledged' }, panelUser)).toEqual({
      ok: false,
      errors: { gap: 'That gap is not in the register.' },
    });
    expect(await changeGapStatus(db, { gap: id, status: 'acknowledged', filled_by: FOOD_BANK.id }, panelUser)).toEqual({
      ok: false,
      errors: { filled_by: 'Only a resolved gap can name the service that filled it.' },
    });
    expect(await changeGapStatus(db, { gap: id, status: 'acknowledged' }, panelUser, new Date('2026-11-02T09:00:00Z'))).toEqual({ ok: true, id });
    expect(await changeGapStatus(db, { gap: id, status: 'being_worked_on' }, panelUser, new Date('2026-11-03T09:00:00Z'))).toEqual({ ok: true, id });
    expect(await changeGapStatus(db, { gap: id, status: 'acknowledged' }, panelUser)).toEqual({
      ok: false,
      errors: { status: 'This gap is already “Being worked on”. Choose a later status.' },
    });
    expect(await changeGapStatus(db, { gap: id, status: 'resolved', filled_by: 'no-such-service' }, panelUser)).toEqual({
      ok: false,
      errors: { filled_by: 'That service is not in the directory. Check its id.' },
    });
    expect(await changeGapStatus(db, { gap: id, status: 'resolved', filled_by: FOOD_BANK.id }, panelUser, new Date('2026-11-04T09:00:00Z'))).toEqual({
      ok: true,
      id,
    });

    const gap = await db.selectFrom('gap').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(gap).toMatchObject({
      status: 'resolved',
      filled_by_service_id: FOOD_BANK.id,
      raised_by: panelUser.id,
      status_changed_by: panelUser.id,
      status_changed_at: '2026-11-04T09:00:00.000Z',
      raised_at: '2026-11-01T09:00:00.000Z',
    });
    const history = await db
      .selectFrom('change_history')
      .select(['field', 'old_value', 'new_value', 'changed_at', 'changed_by'])
      .where('entity', '=', 'gap')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { field: 'status', old_value: null, new_value: 'raised', changed_at: '2026-11-01T09:00:00.000Z', changed_by: 'user panel@example.org' },
      { field: 'status', old_value: 'raised', new_value: 'acknowledged', changed_at: '2026-11-02T09:00:00.000Z', changed_by: 'user panel@example.org' },
      {
        field: 'status',
        old_value: 'acknowledged',
        new_value: 'being_worked_on',
        changed_at: '2026-11-03T09:00:00.000Z',
        changed_by: 'user panel@example.org',
      },
      { field: 'status', old_value: 'being_worked_on', new_value: 'resolved', changed_at: '2026-11-04T09:00:00.000Z', changed_by: 'user panel@example.org' },
      { field: 'filled_by_service_id', old_value: null, new_value: FOOD_BANK.id, changed_at: '2026-11-04T09:00:00.000Z', changed_by: 'user panel@example.org' },
    ]);
    // A resolved gap stays in the register and cannot be moved again.
    expect(await changeGapStatus(db, { gap: id, status: 'resolved' }, panelUser)).toEqual({
      ok: false,
      errors: { status: 'This gap is already “Resolved”. Choose a later status.' },
    });
    expect(
      Number(
        (
          await db
            .selectFrom('gap')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(3);

    // Gaps in the reports, per area.
    const gaps = await gapsTable(db);
    expect(gaps.rows.map((each) => [each.key, each.cells])).toEqual([
      ['newcastle', [2, 1]],
      ['newcastle-elswick', [1, 0]],
      ['newcastle-walker', [1, 1]],
    ]);
    const overview = await areaOverview(db, TODAY, 'ward', facts);
    expect(row(overview.table, 'newcastle-walker')).toEqual([2, 1.6, 7, 8, 1, 1]);
    expect(row(overview.table, 'newcastle-elswick')).toEqual([3, 2.3, 4, 0, 0, 1]);
    expect(row(overview.table, 'newcastle-byker')).toEqual([0, 0, 0, 0, 1, 0]);
    const districts = await areaOverview(db, TODAY, 'district', facts);
    expect(districts.table.rows.map((each) => [each.key, each.cells])).toEqual([
      ['newcastle', [5, 0.2, 11, 8, 2, 2]], // a district adds up what was recorded against its wards: 4 + 7 referrals, Walker's 8 needs, both gaps
      ['gateshead', [1, 0.1, 0, 0, 0, 0]],
    ]);
  });

  it('key local services: marked once, unmarked with the history keeping who and when', async () => {
    const mark = { action: 'mark', category: 'food', service: FOOD_BANK.id };
    expect(await changeKeyService(db, mark, panelUser.id, new Date('2026-11-05T09:00:00Z'))).toMatchObject({ ok: true, action: 'mark' });
    expect(await changeKeyService(db, mark, panelUser.id)).toMatchObject({ ok: true }); // again: nothing new
    expect((await keyServicesByCategory(db, 'food'))[0]!.services.map((each) => each.id)).toEqual([FOOD_BANK.id]);
    expect(await changeKeyService(db, { ...mark, action: 'unmark' }, panelUser.id, new Date('2026-11-06T09:00:00Z'))).toMatchObject({
      ok: true,
      action: 'unmark',
    });
    expect(await keyServicesByCategory(db, 'food')).toEqual([]);
    expect(await changeKeyService(db, { ...mark, service: 'no-such-service' }, panelUser.id)).toMatchObject({ ok: false });
    const history = await db
      .selectFrom('change_history')
      .select(['entity_id', 'action', 'old_value', 'new_value', 'changed_at', 'changed_by'])
      .where('entity', '=', 'key_service')
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      {
        entity_id: `food:${FOOD_BANK.id}`,
        action: 'create',
        old_value: null,
        new_value: 'marked',
        changed_at: '2026-11-05T09:00:00.000Z',
        changed_by: 'user panel@example.org',
      },
      {
        entity_id: `food:${FOOD_BANK.id}`,
        action: 'delete',
        old_value: 'marked',
        new_value: null,
        changed_at: '2026-11-06T09:00:00.000Z',
        changed_by: 'user panel@example.org',
      },
    ]);
  });
});

describe('reports and the gap register over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ fixtures: FIXTURES, users: [PANEL, ORG_EDITOR, LINK_WORKER] });
  }, 120_000);
  afterAll(async () => server?.stop());

  it('the panel sees every report and its CSVs; org editors and link workers are refused', async () => {
    const panel = await signInAs(server, PANEL);
    const editor = await signInAs(server, ORG_EDITOR);
    const worker = await signInAs(server, LINK_WORKER);
    for (const path of [
      '/panel/reports',
      '/panel/reports?measure=per_10000&level=district',
      '/panel/reports/services',
      '/panel/reports/referrals',
      '/panel/reports/unmet-needs',
      '/panel/reports/closed',
      '/panel/gaps',
      '/panel/key-services',
    ]) {
      expect((await getAs(server, panel, path)).status, path).toBe(200);
      expect((await getAs(server, editor, path)).status, path).toBe(403);
      expect((await getAs(server, worker, path)).status, path).toBe(403);
      expect((await getAs(server, null, path)).status, path).toBe(303);
    }
    const csv = await getAs(server, panel, '/panel/reports/services.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const lines = (await csv.text()).split('\r\n');
    expect(lines.find((line) => line.startsWith('newcastle,'))).toBe(NEWCASTLE_LINE);
    for (const path of [
      '/panel/reports/referrals.csv?table=referrals-by-area',
      '/panel/reports/unmet-needs.csv?table=unmet-by-category',
      '/panel/reports/closed.csv?table=closed-by-area',
      '/panel/reports/gaps.csv',
      '/panel/reports/areas.csv?table=areas-district',
    ]) {
      expect((await getAs(server, panel, path)).status, path).toBe(200);
      expect((await getAs(server, editor, path)).status, path).toBe(403);
    }
    expect((await getAs(server, panel, '/panel/reports/referrals.csv?table=nothing')).status).toBe(404);
    // Posts with the form token and an empty form: the allowed get 400 and nothing changes; the others 403.
    for (const path of ['/panel/gaps', '/panel/key-services']) {
      expect((await postAs(server, panel, path, {})).status, path).toBe(400);
      expect((await postAs(server, editor, path, {})).status, path).toBe(403);
      expect((await postAs(server, worker, path, {})).status, path).toBe(403);
      expect((await postAs(server, null, path, {})).status, path).toBe(401);
    }
    // The count actions are posts only: a GET goes to the start page (or is refused).
    expect((await getAs(server, worker, '/panel/counts/referral')).status).toBe(303);
    expect((await getAs(server, editor, '/panel/counts/unmet-need')).status).toBe(403);
  });

  it('a gap raised and moved on through the forms; an empty form changes nothing (400)', async () => {
    const panel = await signInAs(server, PANEL);
    const raised = await postAs(server, panel, '/panel/gaps', {
      action: 'raise',
      area: 'newcastle-byker',
      category: 'food',
      description: 'Nothing for families on Saturdays.',
    });
    expect(raised.status).toBe(303);
    const read = () =>
      withTestSql(server.databasePath, (db) =>
        db.all<{ id: string; status: string; filled_by_service_id: string | null }>('select id, status, filled_by_service_id from gap'),
      );
    const [gap] = await read();
    expect(raised.headers.get('location')).toBe(`/panel/gaps?done=raised#gap-${gap!.id}`);
    const empty = await postAs(server, panel, '/panel/gaps', {});
    expect(empty.status).toBe(400);
    const bad = await postAs(server, panel, '/panel/gaps', { action: 'raise', area: '', category: '', description: '' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Choose the area where the gap is.');
    expect(html).toMatch(/id="gap-description"[^>]*aria-invalid="true"/);
    expect((await postAs(server, panel, '/panel/gaps', { action: 'status', gap: gap!.id, status: 'deleted' })).status).toBe(400);
    expect((await postAs(server, panel, '/panel/gaps', { action: 'status', gap: gap!.id, status: 'resolved', filled_by: FOOD_BANK.id })).status).toBe(303);
    expect(await read()).toEqual([{ id: gap!.id, status: 'resolved', filled_by_service_id: FOOD_BANK.id }]);
    const page = await (await getAs(server, panel, '/panel/gaps')).text();
    expect(page).toContain('Nothing for families on Saturdays.');
    expect(page).toContain('Filled by <a href="/services/');
  });
});
