// The freshness dashboard's worklists and one-step actions over HTTP against the built server:
// counts that link to paged, filtered lists; "verified today", "paused" and "closed" from a row
// (archived, with history, back to the same page with a confirmation); marking a listing closed
// or paused from a problem report, resolving it and its duplicates in the same transaction; and
// duplicate reports shown as one row. Who may do each is checked too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInUk } from '../../src/lib/dates';
import { getTaxonomy } from '../../src/lib/taxonomy/taxonomy';
import { service } from '../fixtures/services';
import { startServer, type RunningServer } from '../fixtures/server';
import { LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';
import { withTestSql } from '../fixtures/sql';

const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const MONEY = getTaxonomy().categoryByCode.get('money-benefits-debt')!.name;

// 30 stale listings (two pages of 25), one never checked, one fresh, and three with reports.
const STALE = Array.from({ length: 30 }, (_, n) =>
  service({
    code: `wl-stale-${n}`,
    name: `Worklist Stale Club ${String(n + 1).padStart(2, '0')}`,
    assured: `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    categories: n < 3 ? ['money-benefits-debt'] : ['befriending'],
  }),
);
const NEVER = service({ code: 'wl-never', name: 'Worklist Never Checked Choir', assured: null });
const FRESH = service({ code: 'wl-fresh', name: 'Worklist Fresh Cafe', assured: daysFrom(-5) });
const REPORTED = service({ code: 'wl-reported', name: 'Worklist Reported Lunch Club', assured: daysFrom(-5) });
const PAUSE_ME = service({ code: 'wl-pause', name: 'Worklist Pause Me Walk', assured: daysFrom(-5) });
const RACE = service({ code: 'wl-race', name: 'Worklist Race Garden', assured: daysFrom(-5) });
const FIXTURES = [...STALE, NEVER, FRESH, REPORTED, PAUSE_ME, RACE];

let server: RunningServer;
let panel: SignedIn;
const reportIds: Record<string, string[]> = {};

async function addReports(serviceId: string, kind: string, count: number, email: string | null = null): Promise<string[]> {
  return withTestSql(server.databasePath, async (database) => {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const id = randomUUID();
      await database.run(
        'insert into problem_report (id, service_id, kind, message, contact_email, created_at) values (?, ?, ?, ?, ?, ?)',
        id,
        serviceId,
        kind,
        `It has gone, report ${n + 1}.`,
        email,
        `${daysFrom(-3 + n)}T10:00:00Z`,
      );
      ids.push(id);
    }
    return ids;
  });
}

async function row<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await withTestSql(server.databasePath, (database) => database.get<T>(sql, ...params)))!;
}

function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return withTestSql(server.databasePath, (database) => database.all<T>(sql, ...params));
}

const decode = (html: string) =>
  html
    .replace(/&amp;|&#38;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
/** The listings a worklist page shows, in order. */
const listed = (html: string) => [...html.matchAll(/<li class="worklist-item" id="listing-([^"]+)"/g)].map((match) => match[1]);
/** The hidden version field in the row of `serviceId`. */
function versionIn(html: string, serviceId: string): string {
  const start = html.indexOf(`id="listing-${serviceId}"`);
  expect(start, `row for ${serviceId}`).toBeGreaterThan(-1);
  const match = /name="version" value="([^"]+)"/.exec(html.slice(start));
  return match![1]!;
}

beforeAll(async () => {
  server = await startServer({ fixtures: FIXTURES, users: [PANEL, LINK_WORKER, ORG_EDITOR] });
  reportIds.reported = await addReports(REPORTED.id, 'closed', 3, 'neighbour@example.org');
  reportIds.reportedFull = await addReports(REPORTED.id, 'full', 1);
  reportIds.pause = await addReports(PAUSE_ME.id, 'closed', 2);
  reportIds.race = await addReports(RACE.id, 'closed', 2);
  panel = await signInAs(server, PANEL);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('worklists behind the freshness dashboard', () => {
  it('links each count on the dashboard to its worklist', async () => {
    const html = decode(await (await getAs(server, panel, '/panel/freshness')).text());
    expect(html).toMatch(
      /<tr data-status="stale"><th scope="row">[^<]+<\/th><td class="numeric"><a href="\/panel\/freshness\/worklist\?status=stale" class="count-link">30</,
    );
    expect(html).toContain('href="/panel/freshness/worklist?flag=never_verified"');
    expect(html).toContain('href="/panel/freshness/worklist?report=closed"');
    expect(html).toContain(`href="/panel/freshness/worklist?status=stale&category=${encodeURIComponent(MONEY).replace(/%20/g, '+')}"`);
    // A count of nothing is a number, not a link to an empty list.
    expect(html).not.toContain('worklist?flag=cost_expired');
  });

  it('lists stale listings 25 a page, never-checked and oldest check first, with a next page', async () => {
    const first = await getAs(server, panel, '/panel/freshness/worklist?status=stale');
    expect(first.status).toBe(200);
    const page1 = await first.text();
    const ids = listed(page1);
    expect(ids).toHaveLength(25);
    expect(page1).toContain('30 listings (page 1 of 2)');
    // 2024-01-01 first: the listings numbered 1 and 29 were both checked on the 1st.
    expect(ids.slice(0, 2).sort()).toEqual([STALE[0]!.id, STALE[28]!.id].sort());
    expect(decode(page1)).toContain('href="/panel/freshness/worklist?status=stale&page=2" rel="next"');
    const page2 = await (await getAs(server, panel, '/panel/freshness/worklist?status=stale&page=2')).text();
    expect(listed(page2)).toHaveLength(5);
    expect(new Set([...ids, ...listed(page2)]).size).toBe(30);
    // A page past the end shows the last one.
    expect(listed(await (await getAs(server, panel, '/panel/freshness/worklist?status=stale&page=9')).text())).toEqual(listed(page2));
  });

  it('filters by category and by flag, as the dashboard breaks them down', async () => {
    const money = await (await getAs(server, panel, `/panel/freshness/worklist?status=stale&category=${encodeURIComponent(MONEY)}`)).text();
    expect(listed(money).sort()).toEqual(
      STALE.slice(0, 3)
        .map((s) => s.id)
        .sort(),
    );
    const never = await (await getAs(server, panel, '/panel/freshness/worklist?flag=never_verified')).text();
    expect(listed(never)).toEqual([NEVER.id]);
    expect(never).toContain('Last checked: <strong>never</strong>');
    const reported = await (await getAs(server, panel, '/panel/freshness/worklist?report=closed')).text();
    expect(listed(reported).sort()).toEqual([REPORTED.id, PAUSE_ME.id, RACE.id].sort());
  });

  it('says plainly when a worklist link is not right (400)', async () => {
    for (const query of ['status=rotten', 'flag=nope', 'page=0', 'page=two', `area=${'x'.repeat(300)}`]) {
      const response = await getAs(server, panel, `/panel/freshness/worklist?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain('The link to this list is not right');
    }
  });

  it('records "still running, verified today" in one click and comes back to the same page with a confirmation', async () => {
    const path = '/panel/freshness/worklist?status=stale&page=2';
    const html = await (await getAs(server, panel, path)).text();
    const target = listed(html)[0]!;
    const response = await postAs(server, panel, path, { action: 'verify', service: target, version: versionIn(html, target) });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`/panel/freshness/worklist?status=stale&page=2&done=verify&service=${target}#worklist-done`);
    const after = await (await getAs(server, panel, location.replace(/#.*$/, ''))).text();
    expect(after).toMatch(/Done: <strong>[^<]+<\/strong> is marked as checked today/);
    expect(listed(after)).not.toContain(target);
    expect(await row<{ assured_date: string; assurer_email: string }>('select assured_date, assurer_email from service where id = ?', target)).toEqual({
      assured_date: today,
      assurer_email: PANEL.email,
    });
    const history = await rows<{ field: string; new_value: string; changed_by: string; reason: string }>(
      "select field, new_value, changed_by, reason from change_history where entity_id = ? and field = 'assured_date' order by id desc",
      target,
    );
    expect(history[0]).toMatchObject({ new_value: today, changed_by: `user ${PANEL.email}`, reason: 'Verified today: still running' });
  });

  it('refuses an action on a listing that changed since the page was shown, and changes nothing', async () => {
    const path = '/panel/freshness/worklist?flag=never_verified';
    const html = await (await getAs(server, panel, path)).text();
    const version = versionIn(html, NEVER.id);
    // Someone else verifies it first.
    expect((await postAs(server, panel, path, { action: 'verify', service: NEVER.id, version })).status).toBe(303);
    const response = await postAs(server, panel, path, { action: 'close', service: NEVER.id, version });
    expect(response.headers.get('location')).toContain('problem=stale');
    expect((await row<{ status: string }>('select status from service where id = ?', NEVER.id)).status).toBe('active');
    const page = await (await getAs(server, panel, response.headers.get('location')!.replace(/#.*$/, ''))).text();
    expect(page).toContain('it changed after this page was shown, so nothing was done');
  });

  it('marks a listing closed from a worklist: archived (kept, with history), its "closed" reports resolved, and off the list', async () => {
    const path = '/panel/freshness/worklist?report=closed';
    const html = await (await getAs(server, panel, path)).text();
    const response = await postAs(server, panel, path, { action: 'close', service: REPORTED.id, version: versionIn(html, REPORTED.id) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('done=close');
    expect(await row<{ status: string; name: string }>('select status, name from service where id = ?', REPORTED.id)).toEqual({
      status: 'defunct',
      name: REPORTED.name,
    });
    expect((await rows<{ status: string }>('select status from problem_report where id in (?, ?, ?)', ...reportIds.reported!)).map((r) => r.status)).toEqual([
      'resolved',
      'resolved',
      'resolved',
    ]);
    // The "full" report is a different problem: still open for the panel.
    expect((await row<{ status: string }>('select status from problem_report where id = ?', reportIds.reportedFull![0])).status).toBe('open');
    const history = await row<{ old_value: string; new_value: string; reason: string }>(
      "select old_value, new_value, reason from change_history where entity_id = ? and field = 'status' order by id desc",
      REPORTED.id,
    );
    expect(history).toMatchObject({ old_value: 'active', new_value: 'defunct', reason: 'Marked closed: kept in the archive, left out of search results' });
    // The person who reported it left an address: each of their reports gets a reply.
    expect(
      (await row<{ count: number }>("select count(*) as count from outbox_message where purpose = 'report_outcome' and to_address = 'neighbour@example.org'"))
        .count,
    ).toBe(3);
    const after = await (await getAs(server, panel, response.headers.get('location')!.replace(/#.*$/, ''))).text();
    expect(after).toContain('is marked as closed. It is kept in the archive and left out of search results');
    const search = (await (await fetch(server.url(`/api/search?q=${encodeURIComponent(REPORTED.name)}`))).json()) as { results: { id: string }[] };
    expect(search.results.map((result) => result.id)).not.toContain(REPORTED.id);
    const withClosed = (await (await fetch(server.url(`/api/search?q=${encodeURIComponent(REPORTED.name)}&include_closed=1`))).json()) as {
      results: { id: string }[];
    };
    expect(withClosed.results.map((result) => result.id)).toContain(REPORTED.id);
    expect(listed(after)).not.toContain(REPORTED.id);
    // Kept, not deleted: the list of every listing says one is in the archive.
    const all = await (await getAs(server, panel, '/panel/freshness/worklist')).text();
    expect(listed(all)).not.toContain(REPORTED.id);
    expect(all).toContain('1 more is marked closed and kept in the archive, so not listed here.');
  });

  it('lets only the panel and admins see worklists and act on them', async () => {
    const linkWorker = await signInAs(server, LINK_WORKER);
    const editor = await signInAs(server, ORG_EDITOR);
    for (const who of [linkWorker, editor]) {
      expect((await getAs(server, who, '/panel/freshness/worklist?status=stale')).status).toBe(403);
      expect((await postAs(server, who, '/panel/freshness/worklist', { action: 'close', service: FRESH.id, version: 'x' })).status).toBe(403);
    }
    // Without the form token: refused before the page runs.
    expect((await postAs(server, panel, '/panel/freshness/worklist', { action: 'close', service: FRESH.id, version: 'x' }, null)).status).toBe(403);
    expect((await row<{ status: string }>('select status from service where id = ?', FRESH.id)).status).toBe('active');
  });
});

describe('problem reports: duplicates as one, and closed or paused in one step', () => {
  it('shows reports of the same kind about the same listing as one row with a count and the dates', async () => {
    const queue = await (await getAs(server, panel, '/panel/queue')).text();
    const rowStart = queue.indexOf(`data-report-group="${reportIds.pause![1]}"`);
    expect(rowStart).toBeGreaterThan(-1);
    const groupRow = queue.slice(rowStart, queue.indexOf('</tr>', rowStart));
    expect(groupRow).toContain('Problem reports (2)');
    expect(groupRow.match(/<time /g)).toHaveLength(2);
    expect(queue.match(new RegExp(PAUSE_ME.name, 'g'))).toHaveLength(1);
    const dashboard = await (await getAs(server, panel, '/panel/freshness')).text();
    expect(dashboard).toMatch(new RegExp(`${PAUSE_ME.name}</a></th>\\s*<td>Closed</td>\\s*<td>\\s*2 times:\\s*<time`));
  });

  it('marks the listing paused and resolves every report in the group, in one step', async () => {
    const path = `/panel/queue/reports/${reportIds.pause![1]}`;
    const page = await (await getAs(server, panel, path)).text();
    expect(page).toContain('One more report of the same kind about this listing');
    expect(page).toContain('It is paused: mark the listing closed for now and resolve');
    const reports = /name="reports" value="([^"]+)"/.exec(page)![1]!;
    const version = /name="version" value="([^"]+)"/.exec(page)![1]!;
    expect(reports.split(',').sort()).toEqual([...reportIds.pause!].sort());
    const response = await postAs(server, panel, path, { outcome: 'mark_paused', note: 'Phoned them: back in spring.', reports, version });
    expect(response.status).toBe(303);
    expect((await row<{ status: string }>('select status from service where id = ?', PAUSE_ME.id)).status).toBe('temporarily closed');
    const closed = await rows<{ status: string; resolved_by: string; resolution_note: string }>(
      'select status, resolved_by, resolution_note from problem_report where service_id = ?',
      PAUSE_ME.id,
    );
    expect(closed).toEqual([
      { status: 'resolved', resolved_by: PANEL.email, resolution_note: 'Phoned them: back in spring.' },
      { status: 'resolved', resolved_by: PANEL.email, resolution_note: 'Phoned them: back in spring.' },
    ]);
    expect(
      (await row<{ reason: string }>("select reason from change_history where entity_id = ? and field = 'status' order by id desc", PAUSE_ME.id)).reason,
    ).toBe('Marked paused for now. Phoned them: back in spring.');
    const done = await (await getAs(server, panel, response.headers.get('location')!)).text();
    expect(done).toContain('The listing is marked as closed for now, and it is in its history.');
  });

  it('changes nothing when one of the group was dealt with meanwhile (409): listing and reports as they were', async () => {
    const path = `/panel/queue/reports/${reportIds.race![0]}`;
    const page = await (await getAs(server, panel, path)).text();
    const reports = /name="reports" value="([^"]+)"/.exec(page)![1]!;
    const version = /name="version" value="([^"]+)"/.exec(page)![1]!;
    // Someone else dismisses the other report first.
    const other = await postAs(server, panel, `/panel/queue/reports/${reportIds.race![1]}`, {
      outcome: 'dismissed',
      note: '',
      reports: reportIds.race![1]!,
      version,
    });
    expect(other.status).toBe(303);
    const response = await postAs(server, panel, path, { outcome: 'mark_closed', note: '', reports, version });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Someone else has already dealt with this report, or with one like it, so nothing was done.');
    expect((await row<{ status: string }>('select status from service where id = ?', RACE.id)).status).toBe('active');
    expect((await row<{ status: string }>('select status from problem_report where id = ?', reportIds.race![0])).status).toBe('open');
    // The page now shows the one still open, and closing it works.
    const again = await (await getAs(server, panel, path)).text();
    const response2 = await postAs(server, panel, path, {
      outcome: 'mark_closed',
      note: '',
      reports: /name="reports" value="([^"]+)"/.exec(again)![1]!,
      version: /name="version" value="([^"]+)"/.exec(again)![1]!,
    });
    expect(response2.status).toBe(303);
    expect((await row<{ status: string }>('select status from service where id = ?', RACE.id)).status).toBe('defunct');
    expect((await row<{ count: number }>('select count(*) as count from service where id = ?', RACE.id)).count).toBe(1);
  });

  it('offers marking closed or paused only on "it has closed" reports, and only to those who may publish', async () => {
    const full = await (await getAs(server, panel, `/panel/queue/reports/${reportIds.reportedFull![0]}`)).text();
    expect(full).not.toContain('value="mark_closed"');
    const response = await postAs(server, panel, `/panel/queue/reports/${reportIds.reportedFull![0]}`, {
      outcome: 'mark_closed',
      note: '',
      reports: reportIds.reportedFull![0]!,
      version: '',
    });
    expect(response.status).toBe(400);
    expect((await row<{ status: string }>('select status from problem_report where id = ?', reportIds.reportedFull![0])).status).toBe('open');
  });
});
