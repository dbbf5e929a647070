// The community panel's freshness dashboard over HTTP against the built server: the dashboard's
// numbers, the CSV queue, and who may see them. (Signing in itself: accounts-http.test.ts.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import { service } from '../fixtures/services';
import { startServer, type RunningServer } from '../fixtures/server';
import { LINK_WORKER, PANEL, signInAs } from '../fixtures/accounts';
import { withTestSql } from '../fixtures/sql';

const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const FUNDING_END = daysFrom(30);

const FRESH = service({ code: 'panel-fresh', name: 'Panel Fresh Cafe', assured: daysFrom(-10), categories: ['money-benefits-debt'] });
const STALE = service({ code: 'panel-stale', name: 'Panel Old Lunch Club', assured: '2024-01-01', categories: ['money-benefits-debt'] });
const REPORTED = service({ code: 'panel-reported', name: 'Panel Reported Choir', assured: daysFrom(-10) });
const FUNDED = service({
  code: 'panel-funded',
  name: 'Panel Funded Garden',
  assured: daysFrom(-10),
  extra: { funding: [{ id: uuidFor('funding', 'panel-funded'), source: 'Lottery', end_date: FUNDING_END }], email: 'garden@example.org' },
});
const FORMULA = service({
  code: 'panel-formula',
  name: '=HYPERLINK("https://evil.example","Click")',
  organization: '@evil',
  assured: null,
  extra: { url: 'https://example.org/a,b' },
});
const FIXTURES = [FRESH, STALE, REPORTED, FUNDED, FORMULA];
const REPORT_MESSAGE = 'The choir moved to the church hall.';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ fixtures: FIXTURES, users: [PANEL, LINK_WORKER] });
  await withTestSql(server.databasePath, async (db) => {
    await db.run(
      'insert into problem_report (id, service_id, kind, message, created_at) values (?, ?, ?, ?, ?)',
      randomUUID(),
      REPORTED.id,
      'moved',
      REPORT_MESSAGE,
      `${daysFrom(-2)}T10:00:00Z`,
    );
    const link = (...values: unknown[]) =>
      db.run('insert into confirmation_link (id, service_id, created_at, expires_at, used_at, used_answer) values (?, ?, ?, ?, ?, ?)', ...values);
    await link(randomUUID(), FRESH.id, `${daysFrom(-5)}T09:00:00Z`, `${daysFrom(23)}T09:00:00Z`, `${daysFrom(-4)}T09:00:00Z`, 'running');
    await link(randomUUID(), STALE.id, `${daysFrom(-5)}T09:00:00Z`, `${daysFrom(23)}T09:00:00Z`, null, null);
    const reminder = (...values: unknown[]) =>
      db.run(
        `insert into reminder (id, service_id, stage, due_date, to_address, subject, body, created_at, status, sent_at, error)
      values (?, ?, ?, ?, ?, ?, 'Is it still running?', ?, ?, ?, ?)`,
        ...values,
      );
    await reminder(
      randomUUID(),
      STALE.id,
      'first',
      daysFrom(-40),
      'stale@example.org',
      'Is Panel Stale Club still running?',
      `${daysFrom(-40)}T09:00:00Z`,
      'sent',
      `${daysFrom(-40)}T09:00:01Z`,
      null,
    );
    await reminder(
      randomUUID(),
      STALE.id,
      'reminder',
      daysFrom(-40),
      'stale@example.org',
      'Reminder: is Panel Stale Club still running?',
      `${daysFrom(-26)}T09:00:00Z`,
      'outbox',
      null,
      null,
    );
    await reminder(
      randomUUID(),
      STALE.id,
      'urgent',
      daysFrom(-40),
      'stale@example.org',
      'Urgent: is Panel Stale Club still running?',
      `${daysFrom(-12)}T09:00:00Z`,
      'failed',
      null,
      'connect ECONNREFUSED',
    );
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(server.url(path), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
}

/** The number in the row marked `attribute` of the dashboard's table. */
function countIn(html: string, attribute: string): number {
  const match = new RegExp(`<tr ${attribute}[^>]*>.*?<td[^>]*>(\\d+)</td>`, 's').exec(html);
  if (!match) throw new Error(`No row ${attribute}`);
  return Number(match[1]);
}

let cookie = '';

describe('the community panel', () => {
  it('sends someone with no session to sign in, from the dashboard and the CSV', async () => {
    for (const path of ['/panel/freshness', '/panel/freshness.csv']) {
      const response = await get(path);
      expect([303, 401], path).toContain(response.status);
      if (response.status === 303) expect(new URL(response.headers.get('location')!, server.origin).pathname).toBe('/panel/sign-in');
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets the panel in, and refuses a link worker (403)', async () => {
    cookie = (await signInAs(server, PANEL)).cookie;
    const worker = (await signInAs(server, LINK_WORKER)).cookie;
    for (const path of ['/panel/freshness', '/panel/freshness.csv']) {
      expect((await get(path, worker)).status, path).toBe(403);
      expect((await get(path, cookie)).status, path).toBe(200);
    }
  });

  it('shows the dashboard with the numbers of the fixtures', async () => {
    const response = await get('/panel/freshness', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const linked = await response.text();
    // Each count of one or more is a link to its worklist (panel-worklists.test.ts follows them); read as numbers here.
    expect(linked).toContain(
      '<a href="/panel/freshness/worklist?status=stale" class="count-link">1<span class="visually-hidden"> listing: Stale: may have stopped</span></a>',
    );
    const html = linked.replace(/<a href="\/panel\/freshness\/worklist[^"]*" class="count-link">(\d+)<span class="visually-hidden">[^<]*<\/span><\/a>/g, '$1');
    expect(html).toContain('<h1>Freshness dashboard</h1>');
    expect(countIn(html, 'data-status="ok"')).toBe(1);
    expect(countIn(html, 'data-status="check"')).toBe(3);
    expect(countIn(html, 'data-status="stale"')).toBe(1);
    expect(countIn(html, 'data-flag="verification_overdue"')).toBe(1);
    expect(countIn(html, 'data-flag="never_verified"')).toBe(1);
    expect(countIn(html, 'data-flag="reported_problem"')).toBe(1);
    expect(countIn(html, 'data-flag="funding_ending_soon"')).toBe(1);
    expect(countIn(html, 'data-flag="funding_lapsed"')).toBe(0);
    // Categories: two in money; three with none. Areas: every fixture place is in Newcastle.
    const category = /<table class="panel-table" id="by-category">.*?<\/table>/s.exec(html)![0];
    expect(category).toMatch(
      /Money, benefits and debt<\/th>\s*<td class="numeric">2<\/td>\s*<td class="numeric">1<\/td>\s*<td class="numeric">0<\/td>\s*<td class="numeric">1<\/td>/,
    );
    expect(category).toMatch(/No category<\/th>\s*<td class="numeric">3<\/td>/);
    const area = /<table class="panel-table" id="by-area">.*?<\/table>/s.exec(html)![0];
    expect(area).not.toContain('No area known');
    expect(
      [
        ...area.matchAll(/<td class="numeric">(\d+)<\/td>\s*<td class="numeric">\d+<\/td>\s*<td class="numeric">\d+<\/td>\s*<td class="numeric">\d+<\/td>/g),
      ].reduce((sum, m) => sum + Number(m[1]), 0),
    ).toBe(5);
    // Oldest checks: never checked first, then the stale one, linked to their pages.
    const oldest = /<table class="panel-table" id="oldest">.*?<\/table>/s.exec(html)![0];
    expect(oldest.indexOf(`/services/${FORMULA.id}`)).toBeGreaterThan(-1);
    expect(oldest.indexOf(`/services/${FORMULA.id}`)).toBeLessThan(oldest.indexOf(`/services/${STALE.id}`));
    expect(oldest).toContain('1 January 2024');
    const funding = /<table class="panel-table" id="funding-ending">.*?<\/table>/s.exec(html)![0];
    expect(funding).toContain(`href="/services/${FUNDED.id}"`);
    expect(funding).toContain(`datetime="${FUNDING_END}"`);
    const reports = /<table class="panel-table" id="open-reports">.*?<\/table>/s.exec(html)![0];
    expect(reports).toContain('Panel Reported Choir');
    expect(reports).toContain('Moved');
    expect(reports).toContain(REPORT_MESSAGE);
    expect(countIn(html, 'data-row="made"')).toBe(2);
    expect(countIn(html, 'data-row="answered"')).toBe(1);
    // Reminders: by stage and how they went, and the outbox the panel can see.
    const reminders = /<table class="panel-table" id="reminders">.*?<\/table>/s.exec(html)![0];
    expect(reminders).toMatch(/data-row="first"><th scope="row">[^<]*<\/th><td class="numeric">1<\/td><td class="numeric">0<\/td><td class="numeric">0<\/td>/);
    expect(reminders).toMatch(
      /data-row="reminder"><th scope="row">[^<]*<\/th><td class="numeric">0<\/td><td class="numeric">1<\/td><td class="numeric">0<\/td>/,
    );
    expect(reminders).toMatch(/data-row="urgent"><th scope="row">[^<]*<\/th><td class="numeric">0<\/td><td class="numeric">0<\/td><td class="numeric">1<\/td>/);
    const outbox = /<table class="panel-table" id="outbox">.*?<\/table>/s.exec(html)![0];
    expect(outbox).toContain('Outbox: 2 not sent');
    expect(outbox).toContain('Urgent: is Panel Stale Club still running?');
    expect(outbox).toContain('connect ECONNREFUSED');
    expect(outbox).toContain('Not sent yet');
    expect(outbox).not.toContain('Is Panel Stale Club still running?</td>'); // the sent one is not waiting
    // Table markup: captions and header cells.
    expect((html.match(/<caption/g) ?? []).length).toBe((html.match(/<table/g) ?? []).length);
  });

  it('gives the queue as CSV: every listing not OK, with formulas made harmless', async () => {
    const response = await get('/panel/freshness.csv', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('service_id,name,organisation,status,flags,last_checked,funding_end,contact_email,url');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(`${STALE.id},Panel Old Lunch Club,panel-stale-org trust,stale,verification_overdue,2024-01-01,,,`);
    expect(rows).toContain(
      `${FUNDED.id},Panel Funded Garden,panel-funded-org trust,check,funding_ending_soon,${daysFrom(-10)},${FUNDING_END},garden@example.org,`,
    );
    expect(rows).toContain(`${REPORTED.id},Panel Reported Choir,panel-reported-org trust,check,reported_problem,${daysFrom(-10)},,,`);
    expect(rows).toContain(`${FORMULA.id},"'=HYPERLINK(""https://evil.example"",""Click"")",'@evil trust,check,never_verified,,,,"https://example.org/a,b"`);
    expect(rows.join('\n')).not.toContain('Panel Fresh Cafe');
  });

  it('refuses a made-up or altered session cookie', async () => {
    const value = cookie.split('=')[1]!;
    const flipped = `session=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [flipped, 'session=', `session=${'A'.repeat(43)}`, 'session=../../etc']) {
      const response = await get('/panel/freshness', bad);
      expect(response.status, bad).toBe(303);
      expect(new URL(response.headers.get('location')!, server.origin).pathname).toBe('/panel/sign-in');
    }
  });
});
