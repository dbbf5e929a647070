// Anonymous referral and unmet-need counts (issue 7): recording adds one to the right row of a
// real database (SQLite or PostgreSQL); over HTTP only link workers, the panel and admins may
// count; searches that find nothing are counted by category and area once per page view; and no
// table in the whole database holds the words of a search or anything typed about a client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { countEmptySearch, recordReferral, recordUnmetNeed } from '../../src/lib/counts/counts';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { startServer, type RunningServer } from '../fixtures/server';
import { rowsHolding, storedColumns, withTestSql, type StoredColumn } from '../fixtures/sql';
import { LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';

const ELSWICK = { latitude: 54.965, longitude: -1.6385 };
const CAFE = service({ code: 'counts-cafe', name: 'Counts Community Cafe', categories: ['community-meals'], places: [{ name: 'Elswick Hall', ...ELSWICK }] });
const CHOIR = service({ code: 'counts-choir', name: 'Counts Singing Choir', categories: ['social-groups'] });

describe('recording counts in a scratch database', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  beforeAll(async () => {
    scratch = await scratchDirectory();
    await importRecords(scratch.directory, scratch.search, [CAFE, CHOIR], { today: TODAY, strict: true });
  });
  afterAll(async () => scratch?.cleanup());

  const referrals = () =>
    scratch.directory.db
      .selectFrom('referral_count')
      .select(['day', 'service_id', 'kind', 'area_id', 'count'])
      .orderBy('service_id')
      .orderBy('kind')
      .orderBy('area_id')
      .execute();
  const needs = () =>
    scratch.directory.db
      .selectFrom('unmet_need_count')
      .select(['day', 'category_id', 'area_id', 'reason', 'count'])
      .orderBy('reason')
      .orderBy('area_id')
      .execute();

  it('adds one to the row for the day, service, kind and area, making it the first time', async () => {
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'referred', area: 'newcastle-elswick' }, '2026-11-02')).toEqual({ ok: true });
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'referred', area: 'newcastle-elswick' }, '2026-11-02')).toEqual({ ok: true });
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'signposted', area: '' }, '2026-11-02')).toEqual({ ok: true });
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'referred', area: 'newcastle-elswick' }, '2026-11-03')).toEqual({ ok: true });
    expect(await referrals()).toEqual(
      [
        { day: '2026-11-02', service_id: CAFE.id, kind: 'referred', area_id: 'newcastle-elswick', count: 2 },
        { day: '2026-11-03', service_id: CAFE.id, kind: 'referred', area_id: 'newcastle-elswick', count: 1 },
        { day: '2026-11-02', service_id: CAFE.id, kind: 'signposted', area_id: '', count: 1 },
      ].sort((a, b) => a.kind.localeCompare(b.kind) || a.area_id.localeCompare(b.area_id) || a.day.localeCompare(b.day)),
    );
  });

  it('refuses an unknown service, kind or area, and counts nothing', async () => {
    const before = await referrals();
    expect(await recordReferral(scratch.directory.db, { service: 'no-such-service', kind: 'referred', area: '' })).toEqual({
      ok: false,
      errors: { service: 'That service is not in the directory.' },
    });
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'sent', area: '' })).toEqual({
      ok: false,
      errors: { kind: 'Choose Referred or Signposted.' },
    });
    expect(await recordReferral(scratch.directory.db, { service: CAFE.id, kind: 'referred', area: 'atlantis' })).toEqual({
      ok: false,
      errors: { area: 'Choose an area from the list.' },
    });
    expect(await referrals()).toEqual(before);
  });

  it('counts an unmet need by day, category, area and reason; refuses made-up values', async () => {
    await recordUnmetNeed(scratch.directory.db, { category: 'food', area: 'newcastle-walker', reason: 'too_far' }, '2026-11-05');
    await recordUnmetNeed(scratch.directory.db, { category: 'food', area: 'newcastle-walker', reason: 'too_far' }, '2026-11-05');
    expect(await recordUnmetNeed(scratch.directory.db, { category: 'food', area: 'newcastle-walker', reason: 'no_results' })).toEqual({
      ok: false,
      errors: { reason: 'Choose what was missing.' },
    });
    expect(await recordUnmetNeed(scratch.directory.db, { category: 'unicorns', area: '', reason: 'cost' })).toEqual({
      ok: false,
      errors: { category: 'Choose a type of help from the list.' },
    });
    await countEmptySearch(scratch.directory.db, { category: ['community-meals', 'food'] }, { ...ELSWICK, areaIds: [] }, '2026-11-05');
    await countEmptySearch(scratch.directory.db, { category: [] }, null, '2026-11-05');
    expect(await needs()).toEqual([
      { day: '2026-11-05', category_id: '', area_id: '', reason: 'no_results', count: 1 },
      { day: '2026-11-05', category_id: 'community-meals', area_id: 'newcastle-elswick', reason: 'no_results', count: 1 },
      { day: '2026-11-05', category_id: 'food', area_id: 'newcastle-walker', reason: 'too_far', count: 2 },
    ]);
  });
});

describe('counting over HTTP', () => {
  let server: RunningServer;
  let worker: SignedIn;
  let panel: SignedIn;
  let editor: SignedIn;
  const read = <T>(sql: string, ...params: unknown[]): Promise<T[]> => withTestSql(server.databasePath, (db) => db.all<T>(sql, ...params));

  beforeAll(async () => {
    server = await startServer({ fixtures: [CAFE, CHOIR], users: [LINK_WORKER, PANEL, ORG_EDITOR] });
    [worker, panel, editor] = await Promise.all([signInAs(server, LINK_WORKER), signInAs(server, PANEL), signInAs(server, ORG_EDITOR)]);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('a link worker counts a referral in one post and goes back to the page with a confirmation', async () => {
    const back = `/services/${CAFE.id}`;
    const first = await postAs(server, worker, '/panel/counts/referral', { service: CAFE.id, kind: 'referred', area: 'newcastle-elswick', back });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${back}?recorded=referred#record-referral`);
    const second = await postAs(server, panel, '/panel/counts/referral', {
      service: CAFE.id,
      kind: 'referred',
      area: 'newcastle-elswick',
      back: '//evil.example/x',
    });
    expect(second.headers.get('location')).toBe('/panel?recorded=referred#record-referral');
    expect(await read('select kind, area_id, count from referral_count where service_id = ?', CAFE.id)).toEqual([
      { kind: 'referred', area_id: 'newcastle-elswick', count: 2 },
    ]);
  });

  it('offers the two-click form on a service page and on each service of a shortlist, only to people who may count', async () => {
    const servicePage = async (who: SignedIn | null) => (await getAs(server, who, `/services/${CAFE.id}`)).text();
    expect(await servicePage(worker)).toContain('action="/panel/counts/referral"');
    expect(await servicePage(panel)).toContain('action="/panel/counts/referral"');
    expect(await servicePage(editor)).not.toContain('/panel/counts/referral');
    expect(await servicePage(null)).not.toContain('/panel/counts/referral');
    // Signed-in people have a way back to their start page from every public page.
    expect(await servicePage(worker)).toContain('<a href="/panel">Your start page</a>');
    expect(await servicePage(null)).not.toContain('Your start page');
    // A shortlist of both services, made by anyone; a link worker sees one form per service.
    const added = await fetch(server.url('/shortlist/add'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
      body: new URLSearchParams({ service: CAFE.id, back: '/search' }),
    });
    const cookie = added.headers
      .getSetCookie()
      .find((value) => value.startsWith('shortlist='))!
      .split(';')[0]!;
    const listId = cookie.split('=')[1]!;
    await fetch(server.url('/shortlist/add'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: cookie },
      body: new URLSearchParams({ service: CHOIR.id, back: '/search' }),
    });
    const listPath = `/shortlist/${listId}`;
    const asWorker = await getAs(server, worker, listPath);
    expect(asWorker.headers.get('cache-control')).toBe('no-store');
    const html = await asWorker.text();
    expect(html.match(/action="\/panel\/counts\/referral"/g)).toHaveLength(2);
    expect(html).toContain('name="anchor" value="record-referral-2"');
    expect(await (await getAs(server, null, listPath)).text()).not.toContain('/panel/counts/referral');
    // Counting the second service brings the worker back to that service's form, with the thanks shown there.
    const counted = await postAs(server, worker, '/panel/counts/referral', {
      service: CHOIR.id,
      kind: 'signposted',
      area: '',
      back: listPath,
      anchor: 'record-referral-2',
    });
    expect(counted.headers.get('location')).toBe(`${listPath}?recorded=signposted&for=${CHOIR.id}#record-referral-2`);
    const after = await (await getAs(server, worker, counted.headers.get('location')!)).text();
    expect(after.match(/Counted: signposted to this service/g)).toHaveLength(1);
    expect(await read('select kind, area_id, count from referral_count where service_id = ?', CHOIR.id)).toEqual([
      { kind: 'signposted', area_id: '', count: 1 },
    ]);
  });

  it('refuses org editors (403) and people not signed in (401), and an empty form (400); counts nothing', async () => {
    const before = await read('select * from referral_count');
    expect((await postAs(server, editor, '/panel/counts/referral', { service: CAFE.id, kind: 'referred' })).status).toBe(403);
    expect((await postAs(server, editor, '/panel/counts/unmet-need', { reason: 'cost' })).status).toBe(403);
    expect((await postAs(server, null, '/panel/counts/referral', { service: CAFE.id, kind: 'referred' })).status).toBe(401);
    expect((await postAs(server, null, '/panel/counts/unmet-need', { reason: 'cost' })).status).toBe(401);
    const empty = await postAs(server, worker, '/panel/counts/referral', {});
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose Referred or Signposted.');
    expect((await postAs(server, worker, '/panel/counts/unmet-need', {})).status).toBe(400);
    expect(await read('select * from referral_count')).toEqual(before);
    expect(await read("select * from unmet_need_count where reason <> 'no_results'")).toEqual([]);
  });

  it('the search page offers signed-in link workers "nothing suitable found", with the area of near=; anonymous people get no form and no script', async () => {
    const signedIn = await (await getAs(server, worker, '/search?q=choir&near=Elswick&category=loneliness-social')).text();
    expect(signedIn).toContain('Nothing suitable found for this need?');
    expect(signedIn).toMatch(/<option value="newcastle-elswick" selected/);
    expect(signedIn).toMatch(/<option value="loneliness-social" selected/);
    const anonymous = await (await getAs(server, null, '/search?q=choir&near=Elswick')).text();
    expect(anonymous).not.toContain('Nothing suitable found');
    expect(anonymous).not.toContain('<script');
    const editorPage = await (await getAs(server, editor, '/search?q=choir')).text();
    expect(editorPage).not.toContain('Nothing suitable found');
  });

  it('counts a search on the site that found nothing by category and area, once per page view, and never its words', async () => {
    const none = 'q=zqxwv+floating+unicorn+club&category=food&near=Walker';
    expect((await getAs(server, null, `/search?${none}`)).status).toBe(200);
    // The API is called by other systems too: its empty searches are not counted.
    expect((await getAs(server, null, `/api/search?${none}`)).status).toBe(200);
    // Page 2 of the same search, and the page coming back after counting an unmet need, are not counted again.
    await getAs(server, null, `/search?${none}&page=2`);
    await getAs(server, worker, `/search?${none}&recorded=unmet`);
    // A bad parameter is not a valid search: not counted.
    await getAs(server, null, '/search?q=zqxwv&max_cost=lots');
    expect(await read("select category_id, area_id, count from unmet_need_count where reason = 'no_results'")).toEqual([
      { category_id: 'food', area_id: 'newcastle-walker', count: 1 },
    ]);
    // A search that finds something is not counted.
    await getAs(server, null, '/search?q=choir');
    expect(await read("select sum(count) as n from unmet_need_count where reason = 'no_results'")).toEqual([{ n: 1 }]);
  });

  it('counts at most 20 empty searches an hour from one address, so repeating one cannot swell the counts', async () => {
    const before = (await read<{ n: number | null }>("select sum(count) as n from unmet_need_count where reason = 'no_results'"))[0]!.n ?? 0;
    for (let i = 0; i < 30; i++) await (await getAs(server, null, `/search?q=zzqx${i}+nothing+at+all`)).arrayBuffer();
    const after = (await read<{ n: number }>("select sum(count) as n from unmet_need_count where reason = 'no_results'"))[0]!.n;
    expect(after - before).toBeLessThanOrEqual(20);
    expect(after - before).toBeGreaterThan(0);
  });

  it('no table in the whole database holds free text from a search or about a client', async () => {
    const signpostedBefore = (await read<{ n: number | null }>("select sum(count) as n from referral_count where kind = 'signposted'"))[0]!.n ?? 0;
    const words = ['zqxwv', 'unicorn', 'floating', 'blorptastic', 'Mrs Quibblewick', 'qwpx'];
    // Searches with made-up words (some finding nothing), anonymous and signed in, page and API.
    for (const who of [null, worker, panel]) {
      await getAs(server, who, '/search?q=zqxwv+floating+unicorn+club');
      await getAs(server, who, '/search?q=zqxwv+floating+unicorn+club&near=Elswick&category=food');
      await getAs(server, who, '/api/search?q=blorptastic+qwpx');
      await getAs(server, who, '/search?q=choir+unicorn');
    }
    // Counts posted with free text in every field, and extra fields a client's details might be typed into.
    await postAs(server, worker, '/panel/counts/referral', {
      service: CAFE.id,
      kind: 'signposted',
      area: 'newcastle-elswick',
      back: '/search?q=zqxwv+floating+unicorn',
      note: 'Mrs Quibblewick blorptastic',
    });
    await postAs(server, worker, '/panel/counts/unmet-need', {
      category: 'food',
      area: 'newcastle-walker',
      reason: 'cost',
      back: '/search?q=zqxwv+floating+unicorn+club',
      details: 'Mrs Quibblewick qwpx',
    });
    await postAs(server, worker, '/panel/counts/unmet-need', { category: 'zqxwv', area: 'unicorn', reason: 'floating' });
    expect(await read("select count(*) as n from unmet_need_count where reason = 'cost'")).toEqual([{ n: 1 }]);
    expect(await read("select sum(count) as n from referral_count where kind = 'signposted'")).toEqual([{ n: signpostedBefore + 1 }]);

    await withTestSql(server.databasePath, async (db) => {
      const columns = await storedColumns(db);
      const place = (column: StoredColumn) => [column.schema, column.table, column.column].filter(Boolean).join('.');
      expect(new Set(columns.map((column) => place({ ...column, column: '' }))).size).toBeGreaterThan(10);
      const found: string[] = [];
      for (const column of columns) {
        for (const word of words) {
          if ((await rowsHolding(db, column, word)) > 0) found.push(`${place(column)}: ${word}`);
        }
      }
      expect(columns.length).toBeGreaterThan(50);
      expect(found).toEqual([]);
      // The scan does find text that is stored: a service's own name.
      expect(await rowsHolding(db, { table: 'service', column: 'name' }, 'Counts Community')).toBe(1);
    });
  });
});
