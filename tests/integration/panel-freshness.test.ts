// The community panel's freshness dashboard over HTTP against the built server: signing in with
// ADMIN_TOKEN, the session cookie, the dashboard's numbers, the CSV queue, and what it refuses.
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import { service } from '../fixtures/services';
import { startServer, type RunningServer } from '../fixtures/server';

const TOKEN = `test-token-${randomBytes(24).toString('base64url')}`;
const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const FUNDING_END = daysFrom(30);

const FRESH = service({ code: 'panel-fresh', name: 'Panel Fresh Cafe', assured: daysFrom(-10), categories: ['money-benefits-debt'] });
const STALE = service({ code: 'panel-stale', name: 'Panel Old Lunch Club', assured: '2024-01-01', categories: ['money-benefits-debt'] });
const REPORTED = service({ code: 'panel-reported', name: 'Panel Reported Choir', assured: daysFrom(-10) });
const FUNDED = service({
  code: 'panel-funded', name: 'Panel Funded Garden', assured: daysFrom(-10),
  extra: { funding: [{ id: uuidFor('funding', 'panel-funded'), source: 'Lottery', end_date: FUNDING_END }], email: 'garden@example.org' },
});
const FORMULA = service({
  code: 'panel-formula', name: '=HYPERLINK("https://evil.example","Click")', organization: '@evil', assured: null,
  extra: { url: 'https://example.org/a,b' },
});
const FIXTURES = [FRESH, STALE, REPORTED, FUNDED, FORMULA];
const REPORT_MESSAGE = 'The choir moved to the church hall.';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ fixtures: FIXTURES, env: { ADMIN_TOKEN: TOKEN } });
  const db = new Database(server.databasePath);
  try {
    db.prepare('insert into problem_report (id, service_id, kind, message, created_at) values (?, ?, ?, ?, ?)')
      .run(randomUUID(), REPORTED.id, 'moved', REPORT_MESSAGE, `${daysFrom(-2)}T10:00:00Z`);
    const link = db.prepare('insert into confirmation_link (id, service_id, created_at, expires_at, used_at, used_answer) values (?, ?, ?, ?, ?, ?)');
    link.run(randomUUID(), FRESH.id, `${daysFrom(-5)}T09:00:00Z`, `${daysFrom(23)}T09:00:00Z`, `${daysFrom(-4)}T09:00:00Z`, 'running');
    link.run(randomUUID(), STALE.id, `${daysFrom(-5)}T09:00:00Z`, `${daysFrom(23)}T09:00:00Z`, null, null);
    const reminder = db.prepare(`insert into reminder (id, service_id, stage, due_date, to_address, subject, body, created_at, status, sent_at, error)
      values (?, ?, ?, ?, ?, ?, 'Is it still running?', ?, ?, ?, ?)`);
    reminder.run(randomUUID(), STALE.id, 'first', daysFrom(-40), 'stale@example.org', 'Is Panel Stale Club still running?', `${daysFrom(-40)}T09:00:00Z`, 'sent', `${daysFrom(-40)}T09:00:01Z`, null);
    reminder.run(randomUUID(), STALE.id, 'reminder', daysFrom(-40), 'stale@example.org', 'Reminder: is Panel Stale Club still running?', `${daysFrom(-26)}T09:00:00Z`, 'outbox', null, null);
    reminder.run(randomUUID(), STALE.id, 'urgent', daysFrom(-40), 'stale@example.org', 'Urgent: is Panel Stale Club still running?', `${daysFrom(-12)}T09:00:00Z`, 'failed', null, 'connect ECONNREFUSED');
  } finally {
    db.close();
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function signIn(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url('/panel/sign-in'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, ...headers },
    body: new URLSearchParams({ token }),
  });
}

/** "panel_session=<value>" from a sign-in that worked. */
async function sessionCookie(): Promise<string> {
  const response = await signIn(TOKEN);
  expect(response.status).toBe(303);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

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

  it('shows the sign-in form, not indexed and not cached', async () => {
    const response = await get('/panel/sign-in');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<label for="panel-token">Admin token</label>');
    expect(html).toContain('type="password"');
  });

  it('refuses a wrong token with a plain message and no cookie', async () => {
    const response = await signIn(`${TOKEN}x`);
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.text()).toContain('That token is not right.');
  });

  it('refuses a sign-in posted from another site (403)', async () => {
    const response = await signIn(TOKEN, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('signs in with the right token: an HttpOnly, SameSite=Strict cookie on /panel for 8 hours, not the token', async () => {
    const response = await signIn(TOKEN);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!, server.origin).pathname).toBe('/panel/freshness');
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const parts = cookies[0]!.split(';').map((part) => part.trim().toLowerCase());
    expect(parts[0]).toMatch(/^panel_session=\d+\.[\w-]{43}$/);
    expect(parts).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/panel', 'max-age=28800']));
    expect(parts).not.toContain('secure'); // plain http here
    expect(cookies[0]).not.toContain(TOKEN);
    cookie = cookies[0]!.split(';')[0]!;
  });

  it('marks the cookie Secure when the request is https (as a proxy in front says)', async () => {
    const https = server.origin.replace('http:', 'https:');
    const response = await signIn(TOKEN, { 'X-Forwarded-Proto': 'https', Origin: https });
    expect(response.status).toBe(303);
    const parts = response.headers.getSetCookie()[0]!.split(';').map((part) => part.trim().toLowerCase());
    expect(parts).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/panel']));
  });

  it('shows the dashboard with the numbers of the fixtures', async () => {
    const response = await get('/panel/freshness', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
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
    expect(category).toMatch(/Money, benefits and debt<\/th>\s*<td class="numeric">2<\/td>\s*<td class="numeric">1<\/td>\s*<td class="numeric">0<\/td>\s*<td class="numeric">1<\/td>/);
    expect(category).toMatch(/No category<\/th>\s*<td class="numeric">3<\/td>/);
    const area = /<table class="panel-table" id="by-area">.*?<\/table>/s.exec(html)![0];
    expect(area).not.toContain('No area known');
    expect([...area.matchAll(/<td class="numeric">(\d+)<\/td>\s*<td class="numeric">\d+<\/td>\s*<td class="numeric">\d+<\/td>\s*<td class="numeric">\d+<\/td>/g)]
      .reduce((sum, m) => sum + Number(m[1]), 0)).toBe(5);
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
    expect(reminders).toMatch(/data-row="reminder"><th scope="row">[^<]*<\/th><td class="numeric">0<\/td><td class="numeric">1<\/td><td class="numeric">0<\/td>/);
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
    expect(rows).toContain(`${FUNDED.id},Panel Funded Garden,panel-funded-org trust,check,funding_ending_soon,${daysFrom(-10)},${FUNDING_END},garden@example.org,`);
    expect(rows).toContain(`${REPORTED.id},Panel Reported Choir,panel-reported-org trust,check,reported_problem,${daysFrom(-10)},,,`);
    expect(rows).toContain(`${FORMULA.id},"'=HYPERLINK(""https://evil.example"",""Click"")",'@evil trust,check,never_verified,,,,"https://example.org/a,b"`);
    expect(rows.join('\n')).not.toContain('Panel Fresh Cafe');
  });

  it('refuses a tampered cookie', async () => {
    const [name, value] = cookie.split('=') as [string, string];
    const [expiry, signature] = value.split('.') as [string, string];
    const later = `${name}=${Number(expiry) + 86_400}.${signature}`;
    const flipped = `${name}=${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [later, flipped, `${name}=${TOKEN}`, `${name}=`]) {
      expect((await get('/panel/freshness', bad)).status, bad).toBe(303);
      expect((await get('/panel/freshness.csv', bad)).status, bad).toBe(303);
    }
  });

  it('signs out: the cookie is cleared', async () => {
    const own = await sessionCookie();
    const response = await fetch(server.url('/panel/sign-out'), {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: own },
    });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!, server.origin).pathname).toBe('/panel/sign-in');
    const cleared = response.headers.getSetCookie()[0]!.toLowerCase();
    expect(cleared).toMatch(/^panel_session=;/);
    expect(cleared).toContain('path=/panel');
    expect(cleared).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
  });

  it('limits sign-in attempts from one address (10 an hour)', async () => {
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) status = (await signIn('wrong')).status;
    expect(status).toBe(429);
    const refused = await signIn(TOKEN);
    expect(refused.status).toBe(429);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('too many tries');
  });
});

describe('the community panel with no ADMIN_TOKEN', () => {
  let off: RunningServer;
  beforeAll(async () => { off = await startServer({ fixtures: [FRESH], env: { ADMIN_TOKEN: '' } }); }, 120_000);
  afterAll(async () => { await off?.stop(); });

  it('says it is switched off (503) and how to switch it on', async () => {
    for (const path of ['/panel/sign-in', '/panel/freshness', '/panel/freshness.csv']) {
      const response = await fetch(off.url(path), { redirect: 'manual' });
      expect(response.status, path).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text(), path).toContain('ADMIN_TOKEN');
    }
    const post = await fetch(off.url('/panel/sign-in'), {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: off.origin }, body: 'token=anything',
    });
    expect(post.status).toBe(503);
    expect(post.headers.getSetCookie()).toEqual([]);
  });
});
