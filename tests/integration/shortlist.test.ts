// Shortlists over HTTP against the real built server, as a browser without JavaScript uses them:
// "Add to my list" from a results page and a service page (form posts with an Origin), the
// `shortlist` cookie, remove and reorder, the 20-service limit, lifetimes (SHORTLIST_DAYS; an
// expired list is 410 and deleted), the handout's content, the text version's length, the note
// that is shown once and stored nowhere, cross-site posts refused and bad ids 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidFor } from '../../src/lib/ids';
import { todayInUk } from '../../src/lib/dates';
import { createShortlist, findShortlist, purgeExpiredShortlists, changeShortlist } from '../../src/lib/shortlists/shortlists';
import { gsmLength, smsSegments } from '../../src/lib/shortlists/text-message';
import { startServer, type RunningServer } from '../fixtures/server';
import { scratchDirectory, service } from '../fixtures/services';
import { rowsHolding, storedColumns, withTestSql } from '../fixtures/sql';
import { importRecords } from '../../src/lib/openreferral/import';

const DAYS = 30;
const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const FULL = service({
  code: 'sl-full',
  name: 'Heaton Cuppa Club',
  description: 'A friendly weekly cuppa and a chat for adults who would like more company. Tea, cake and board games.',
  categories: ['community-meals'],
  access: ['step-free'],
  schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
  costs: [{ option: 'Everyone', amount: 0, currency: 'GBP' }],
  routes: ['gp', 'drop_in'],
  assured: '2026-10-01',
  places: [
    {
      name: "St Gabriel's Church Hall",
      latitude: 54.98,
      longitude: -1.58,
      postcode: 'NE6 5HL',
      transport: { stops: [{ name: 'Heaton Road', mode: 'bus', routes: ['62', '63'], distance_m: 150, walk_minutes: 2, step_free_route: true }] },
    },
  ],
  extra: {
    phones: [{ id: uuidFor('phone', 'sl-full'), number: '0191 496 0123' }],
    referral_instructions: 'Ask for Sam at the door.',
  },
});
const LAPSED = service({
  code: 'sl-lapsed',
  name: 'Byker Men in Sheds',
  assured: '2026-09-01',
  schedules: [{ byday: 'WE', opens_at: '13:00', closes_at: '16:00' }],
  extra: { funding: [{ id: uuidFor('funding', 'sl-lapsed'), source: 'Lottery', end_date: daysFrom(-20) }] },
});
const AREA = service({ code: 'sl-area', name: 'Walker Home Library', locationType: null, serviceAreas: ['Newcastle upon Tyne'], homeVisits: true });
const PHONE = service({
  code: 'sl-phone',
  name: 'Evening Chat Line',
  locationType: null,
  modes: ['phone'],
  extra: { phones: [{ id: uuidFor('phone', 'sl-phone'), number: '0800 000 0001' }] },
});
const LONG = [1, 2, 3].map((n) =>
  service({
    code: `sl-long-${n}`,
    name: `The Very Long Named Community Wellbeing and Friendship Lunch Club Number ${n} for Older Residents`,
    schedules: [{ byday: 'TH', opens_at: '12:00', closes_at: '14:00' }],
    extra: { phones: [{ id: uuidFor('phone', `sl-long-${n}`), number: `0191 498 000${n}` }] },
  }),
);
const FILLERS = Array.from({ length: 21 }, (_, n) => service({ code: `sl-filler-${n}`, name: `Filler Group ${n + 1}` }));

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ fixtures: [FULL, LAPSED, AREA, PHONE, ...LONG, ...FILLERS], env: { SHORTLIST_DAYS: String(DAYS) } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// A browser without JavaScript, by hand

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

async function post(path: string, fields: Record<string, string>, options: { cookie?: string; origin?: string } = {}): Promise<Response> {
  return fetch(server.url(path), {
    method: 'POST',
    redirect: 'manual',
    body: form(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: options.origin ?? server.origin,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  });
}

async function get(path: string, cookie?: string): Promise<Response> {
  return fetch(server.url(path), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
}

function listCookie(response: Response): { cookie: string; header: string } | null {
  const header = response.headers.getSetCookie().find((value) => value.startsWith('shortlist='));
  return header ? { cookie: header.split(';')[0]!, header } : null;
}

/**
 * What pressing a service's "Add to my list" (or "Remove") sends: on its own small form, that
 * form's action and fields; inside the search page's form, the button's formaction and value.
 */
function listFormFor(html: string, serviceId: string): { action: string; fields: Record<string, string>; insideForm: boolean } {
  const block = new RegExp(`<div class="add-to-list[^"]*" id="list-${serviceId}">([\\s\\S]*?)</button>`).exec(html);
  if (!block) throw new Error(`No list control for ${serviceId}`);
  const inner = block[1]!;
  const unescape = (value: string) => value.replace(/&amp;/g, '&');
  const formAction = /formaction="([^"]+)"/.exec(inner);
  if (formAction) {
    expect(inner).toContain('formmethod="post"');
    return { action: unescape(formAction[1]!), fields: { service: /name="service" value="([^"]+)"/.exec(inner)![1]! }, insideForm: true };
  }
  const action = /<form method="post" action="([^"]+)"/.exec(inner)![1]!;
  const fields: Record<string, string> = {};
  for (const match of inner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1]!] = unescape(match[2]!);
  return { action, fields, insideForm: false };
}

function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,)])/g, '$1');
}

function listRows(id: string) {
  return withTestSql(server.databasePath, async (db) => ({
    list: await db.get<{ expires_at: string; updated_at: string }>('select * from shortlist where id = ?', id),
    items: await db.all<{ service_id: string; position: number }>(
      'select service_id, position from shortlist_item where shortlist_id = ? order by position',
      id,
    ),
  }));
}

const listCount = () => withTestSql(server.databasePath, async (db) => Number((await db.get<{ n: number }>('select count(*) as n from shortlist'))!.n));

/** Sets when a list expires, as if it had been last changed some time ago. */
const setExpiry = (id: string, expiresAt: Date) =>
  withTestSql(server.databasePath, (db) => db.run('update shortlist set expires_at = ? where id = ?', expiresAt.toISOString(), id));

/** Adds services one by one as a browser would; returns the list cookie and id. */
async function buildList(services: { id: string }[], start?: string): Promise<{ cookie: string; id: string }> {
  let cookie = start;
  for (const record of services) {
    const response = await post('/shortlist/add', { service: record.id, back: '/search' }, { cookie });
    expect(response.status).toBe(303);
    cookie = listCookie(response)?.cookie ?? cookie;
  }
  return { cookie: cookie!, id: cookie!.split('=')[1]! };
}

// ---------------------------------------------------------------------------------------------

describe('adding without JavaScript', () => {
  let cookie = '';
  let id = '';

  it('adds from a results page: a new list, the cookie, and back to the same result with a confirmation', async () => {
    const page = await (await get('/search?q=cuppa')).text();
    expect(page).toContain('Add to my list');
    expect(page).not.toContain('Your list (');
    // The results sit inside the search page's GET form: the button posts that form (with its
    // search fields) to /shortlist/add, the way back in the address.
    const { action, fields, insideForm } = listFormFor(page, FULL.id);
    expect(insideForm).toBe(true);
    expect(action).toBe(`/shortlist/add?back=${encodeURIComponent('/search?q=cuppa')}`);
    expect(fields).toEqual({ service: FULL.id });

    const response = await post(action, { q: 'cuppa', sort: 'relevance', ...fields });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/search?q=cuppa&list=added&list_service=${FULL.id}#list-${FULL.id}`);
    const set = listCookie(response)!;
    expect(set.cookie).toMatch(/^shortlist=[2-9a-hjkm-z]{12}$/);
    expect(set.header).toMatch(/HttpOnly/i);
    expect(set.header).toMatch(/SameSite=Lax/i);
    expect(set.header).toMatch(/Path=\//);
    // A session cookie: gone when the browser closes, so the next person on a shared computer does not see the list.
    expect(set.header).not.toMatch(/Max-Age|Expires/i);
    cookie = set.cookie;
    id = cookie.split('=')[1]!;

    const back = await (await get(response.headers.get('location')!, cookie)).text();
    expect(text(back)).toContain('Added to your list (1 service). See your list.');
    expect(back).toContain(`<a href="/shortlist/${id}">See your list</a>`);
    expect(back).toContain(`<a href="/shortlist/${id}">Your list (1)</a>`);
    const now = listFormFor(back, FULL.id);
    expect(now.action).toBe(`/shortlist/remove?back=${encodeURIComponent('/search?q=cuppa')}`);
    expect(back).toContain('aria-label="Remove Heaton Cuppa Club from your list">Remove</button>');
    expect(text(back)).toContain('On your list Remove');
    expect((await listRows(id)).items).toEqual([{ service_id: FULL.id, position: 0 }]);
  });

  it('adds from a service page to the same list, and back to the service page', async () => {
    const servicePath = `/services/${LAPSED.id}`;
    const page = await (await get(servicePath, cookie)).text();
    const { action, fields, insideForm } = listFormFor(page, LAPSED.id);
    expect(insideForm).toBe(false);
    expect(action).toBe('/shortlist/add');
    expect(fields).toEqual({ service: LAPSED.id, back: servicePath });
    const response = await post(action, fields, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${servicePath}?list=added&list_service=${LAPSED.id}#list-${LAPSED.id}`);
    expect(listCookie(response)!.cookie).toBe(cookie); // the same list, its cookie's lifetime renewed
    const back = text(await (await get(response.headers.get('location')!, cookie)).text());
    expect(back).toContain('Added to your list (2 services).');
    expect(back).toContain('Your list (2)');
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([FULL.id, LAPSED.id]);
  });

  it('adding a service already on the list changes nothing', async () => {
    await post('/shortlist/add', { service: FULL.id, back: '/search' }, { cookie });
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([FULL.id, LAPSED.id]);
  });

  it('removes from a results page, back to the same place', async () => {
    await post('/shortlist/add', { service: AREA.id, back: '/search' }, { cookie });
    const response = await post('/shortlist/remove', { service: AREA.id, back: '/search?q=library' }, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/search?q=library&list=removed&list_service=${AREA.id}#list-${AREA.id}`);
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([FULL.id, LAPSED.id]);
    const back = text(await (await get(response.headers.get('location')!, cookie)).text());
    expect(back).toContain('Removed from your list (2 services).');
  });

  it('never goes back to another site', async () => {
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await post('/shortlist/add', { service: FULL.id, back }, { cookie });
      expect(response.status, back).toBe(303);
      expect(response.headers.get('location'), back).toBe(`/search?list=added&list_service=${FULL.id}#list-${FULL.id}`);
    }
  });

  it('refuses an unknown service (404) and a form with no service (400), making no list', async () => {
    const before = await listCount();
    expect((await post('/shortlist/add', { service: 'no-such-service', back: '/search' })).status).toBe(404);
    expect((await post('/shortlist/add', { back: '/search' })).status).toBe(400);
    const after = await listCount();
    expect(after).toBe(before);
  });

  it('refuses a cross-site post (403) and changes nothing', async () => {
    const response = await post('/shortlist/add', { service: PHONE.id, back: '/search' }, { cookie, origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect((await post(`/shortlist/${id}`, { action: 'remove', service: FULL.id }, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/shortlist/remove', { service: FULL.id, back: '/' }, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([FULL.id, LAPSED.id]);
  });

  it('pages work with no cookie, and with a cookie naming no list (no "Your list" link)', async () => {
    for (const jar of [undefined, 'shortlist=aaaaaaaaaaaa', 'shortlist=<script>']) {
      const response = await get('/search?q=cuppa', jar);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('Your list (');
    }
  });

  it('"Start a new list" forgets the list in this browser, and the next add makes a new one', async () => {
    const response = await post('/shortlist/new', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().find((value) => value.startsWith('shortlist='))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const next = await post('/shortlist/add', { service: PHONE.id, back: '/search' });
    expect(listCookie(next)!.cookie).not.toBe(cookie);
    expect((await listRows(id)).items).toHaveLength(2); // the old list is still there for whoever has it
  });
});

describe('the list page: order, limit and lifetime', () => {
  it('moves services up and down and removes them (POST, then 303 back to the list)', async () => {
    const { cookie, id } = await buildList([FULL, LAPSED, AREA]);
    const down = await post(`/shortlist/${id}`, { action: 'down', service: FULL.id }, { cookie });
    expect(down.status).toBe(303);
    expect(down.headers.get('location')).toBe(`/shortlist/${id}`);
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([LAPSED.id, FULL.id, AREA.id]);
    await post(`/shortlist/${id}?format=easy-read`, { action: 'up', service: AREA.id }, { cookie });
    expect((await listRows(id)).items).toEqual([
      { service_id: LAPSED.id, position: 0 },
      { service_id: AREA.id, position: 1 },
      { service_id: FULL.id, position: 2 },
    ]);
    // Moving the first up, or the last down, changes nothing.
    await post(`/shortlist/${id}`, { action: 'up', service: LAPSED.id }, { cookie });
    await post(`/shortlist/${id}`, { action: 'down', service: FULL.id }, { cookie });
    expect((await listRows(id)).items.map((item) => item.service_id)).toEqual([LAPSED.id, AREA.id, FULL.id]);
    // Anyone else with the list's address cannot change it.
    const stranger = await post(`/shortlist/${id}`, { action: 'remove', service: AREA.id });
    expect(stranger.status).toBe(403);
    expect((await listRows(id)).items).toHaveLength(3);
    const removed = await post(`/shortlist/${id}`, { action: 'remove', service: AREA.id }, { cookie });
    expect(removed.status).toBe(303);
    expect((await listRows(id)).items).toEqual([
      { service_id: LAPSED.id, position: 0 },
      { service_id: FULL.id, position: 1 },
    ]);
    const page = text(await (await get(`/shortlist/${id}`)).text());
    expect(page.indexOf('Byker Men in Sheds')).toBeLessThan(page.indexOf('Heaton Cuppa Club'));
    expect((await post(`/shortlist/${id}`, { action: 'explode', service: FULL.id }, { cookie })).status).toBe(400);
  });

  it('holds at most 20 services: the 21st is refused with a plain message', async () => {
    const { cookie, id } = await buildList(FILLERS.slice(0, 20));
    expect((await listRows(id)).items).toHaveLength(20);
    const response = await post('/shortlist/add', { service: FILLERS[20]!.id, back: '/search?q=filler' }, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/search?q=filler&list=full&list_service=${FILLERS[20]!.id}#list-${FILLERS[20]!.id}`);
    expect((await listRows(id)).items).toHaveLength(20);
    const back = text(await (await get(response.headers.get('location')!, cookie)).text());
    expect(back).toContain('Your list is full: it can hold 20 services. Remove one to add another.');
  });

  it(`lives ${DAYS} days (SHORTLIST_DAYS) from its last change; every change moves the expiry on`, async () => {
    const before = Date.now();
    const { cookie, id } = await buildList([FULL]);
    const expires = Date.parse((await listRows(id)).list!.expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + DAYS * 86_400_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + DAYS * 86_400_000);
    // Pretend it was last changed 10 days ago; reading it does not move the expiry, a change does.
    await setExpiry(id, new Date(Date.now() + (DAYS - 10) * 86_400_000));
    const aged = (await listRows(id)).list!.expires_at;
    await get(`/shortlist/${id}`);
    expect((await listRows(id)).list!.expires_at).toBe(aged);
    await post('/shortlist/add', { service: LAPSED.id, back: '/search' }, { cookie });
    expect(Date.parse((await listRows(id)).list!.expires_at)).toBeGreaterThan(Date.now() + (DAYS - 1) * 86_400_000);
  });

  it('a list past its expiry is 410 with a kind page, and is deleted with its services', async () => {
    const { cookie, id } = await buildList([FULL, LAPSED]);
    await setExpiry(id, new Date(Date.now() - 60_000));
    const response = await get(`/shortlist/${id}`, cookie);
    expect(response.status).toBe(410);
    const page = text(await response.text());
    expect(page).toContain('This list has expired');
    expect(page).toContain(`Lists are kept for ${DAYS} days after they were last changed`);
    expect(page).toContain('Talk to someone');
    expect(page).toContain('search for what you need below');
    expect(page).not.toContain('Your list (');
    expect(await listRows(id)).toEqual({ list: undefined, items: [] });
    // Gone for good now: an unknown list.
    expect((await get(`/shortlist/${id}`)).status).toBe(404);
    expect((await get(`/shortlist/${id}.txt`)).status).toBe(404);
    // The browser's next add starts a new list.
    const next = await post('/shortlist/add', { service: FULL.id, back: '/search' }, { cookie });
    expect(listCookie(next)!.cookie).not.toBe(cookie);
  });

  it('the text version of an expired list is 410 too', async () => {
    const { id } = await buildList([FULL]);
    await setExpiry(id, new Date(Date.now() - 1000));
    const response = await get(`/shortlist/${id}.txt`);
    expect(response.status).toBe(410);
    expect((await listRows(id)).list).toBeUndefined();
  });
});

describe('the handout', () => {
  let id = '';
  let html = '';
  let cookie = '';

  beforeAll(async () => {
    ({ id, cookie } = await buildList([FULL, LAPSED, AREA, PHONE]));
    const response = await get(`/shortlist/${id}`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    html = await response.text();
  });

  it('shows each service with what, when, cost, where and how to get there, how to get in, phone and checked date', () => {
    const page = text(html);
    const full = page.slice(page.indexOf('1. Heaton Cuppa Club'), page.indexOf('2. Byker Men in Sheds'));
    expect(full).toContain('A friendly weekly cuppa and a chat for adults who would like more company. Tea, cake and board games.');
    expect(full).toMatch(/When Tuesdays?, 10am to 12 noon/);
    expect(full).toContain('Cost Free');
    expect(full).toContain("Where St Gabriel's Church Hall, Newcastle upon Tyne, NE6 5HL");
    expect(full).toContain('How to get there: Bus stop: Heaton Road, 150 metres away (about 2 minutes');
    expect(full).toContain('The route from the stop is step-free.');
    expect(full).toContain('Access: Step-free');
    expect(full).toContain('To start You can just turn up. Your GP can refer you. Ask for Sam at the door.');
    expect(full).toContain('Phone 0191 496 0123');
    expect(full).toContain('Checked on 1 October 2026');
    expect(html).toContain('href="tel:01914960123"');
    expect(full).not.toContain('Check before you go');
  });

  it('warns about a service whose funding has lapsed', () => {
    const page = text(html);
    const lapsed = page.slice(page.indexOf('2. Byker Men in Sheds'), page.indexOf('3. Walker Home Library'));
    expect(lapsed).toContain('Check before you go:');
    expect(lapsed).toContain('Funding for this group was due to end on');
    // Worded for how it is reached: this group gives no phone, so not "Phone before you go".
    expect(lapsed).toContain('It may have stopped. Ask someone who knows it, or a link worker, before you go.');
  });

  it('says "covers your area" and "no travel needed" for services without a place', () => {
    const page = text(html);
    expect(page).toContain('Covers your area: Newcastle upon Tyne');
    expect(page).toContain('No travel needed: by phone');
    expect(page).toContain('Phone 0800 000 0001');
  });

  it('ends with the short link, its QR code and "Talk to someone"', () => {
    const link = `${server.origin}/l/${id}`;
    expect(html).toContain(`<a class="shows-address" href="${link}">${link}</a>`);
    expect(html).toMatch(new RegExp(`<svg role="img" aria-label="QR code for the short link ${link.replace(/\./g, '\\.')}"`));
    expect(text(html)).toContain('Talk to someone');
    expect(html).toContain(`href="/shortlist/${id}?format=easy-read"`);
    expect(html).toContain(`href="/shortlist/${id}.txt"`);
    expect(text(html)).toContain("Printed on this handout only, not saved. Do not write anything about health or anyone's personal details.");
    // Controls for each service; the first cannot move up, the last cannot move down.
    expect(html.match(/name="action" value="remove"/g)).toHaveLength(4);
    expect(html.match(/name="action" value="up"/g)).toHaveLength(3);
    expect(html.match(/name="action" value="down"/g)).toHaveLength(3);
  });

  it('shows no controls to anyone else who opens the list (the printed link or QR code)', async () => {
    const elsewhere = await (await get(`/shortlist/${id}`)).text();
    expect(elsewhere).not.toMatch(/name="action" value="(remove|up|down)"/);
    expect(text(elsewhere)).toContain('Heaton Cuppa Club');
  });

  it('the short link goes to the list (303), whatever the case it is typed in', async () => {
    const response = await get(`/l/${id.toUpperCase()}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/shortlist/${id}`);
  });

  it('the short link uses PUBLIC_URL when set', async () => {
    const other = await startServer({ fixtures: [FULL], env: { PUBLIC_URL: 'https://help.example.org/' } });
    try {
      const add = await fetch(other.url('/shortlist/add'), {
        method: 'POST',
        redirect: 'manual',
        body: form({ service: FULL.id, back: '/' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: other.origin },
      });
      const listId = listCookie(add)!.cookie.split('=')[1];
      const page = await (await fetch(other.url(`/shortlist/${listId}`))).text();
      expect(page).toContain(`href="https://help.example.org/l/${listId}"`);
    } finally {
      await other.stop();
    }
  }, 120_000);

  it('has an easy-read version: one idea per line, short sentences', async () => {
    const response = await get(`/shortlist/${id}?format=easy-read`);
    expect(response.status).toBe(200);
    const page = text(await response.text());
    const full = page.slice(page.indexOf('1. Heaton Cuppa Club'), page.indexOf('2. Byker Men in Sheds'));
    expect(full).toContain('A friendly weekly cuppa and a chat for adults who would like more company.');
    expect(full).toMatch(/When: Tuesdays?, 10am to 12 noon\./);
    expect(full).toContain('It is free.');
    expect(full).toContain("Go to: St Gabriel's Church Hall");
    expect(full).toContain('Bus stop: Heaton Road');
    expect(full).toContain('You can just turn up.');
    expect(full).toContain('Phone: 0191 496 0123');
    expect(page).toContain('This may have changed. Ask first.');
  });

  it('bad ids are 404 with the kind page', async () => {
    for (const path of [
      '/shortlist/not-a-list',
      '/shortlist/aaaaaaaaaaaa',
      '/shortlist/aaaaaaaaaaa1',
      '/l/nope',
      '/shortlist/nope.txt',
      '/shortlist/aaaaaaaaaaaa.txt',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      if (!path.endsWith('.txt')) expect(text(await response.text()), path).toContain('We could not find that list');
    }
    expect((await post('/shortlist/aaaaaaaaaaaa', { action: 'remove', service: FULL.id })).status).toBe(404);
  });
});

describe('the text version', () => {
  it('has every session, each address once, how to start and every phone', async () => {
    const { id } = await buildList([FULL]);
    const response = await get(`/shortlist/${id}.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('1. Heaton Cuppa Club');
    expect(body).toMatch(/^When: Tuesdays, 10am to 12 noon$/m);
    expect(body).toMatch(/^Where: St Gabriel's Church Hall, .*NE6 5HL$/m);
    expect(body).toContain('To start: Just turn up');
    expect(body).toContain('Phone: 0191 496 0123');
    expect(body).toContain(`All details: ${server.origin}/l/${id}`);
  });

  it('fits a list of three long-named services in three text messages, every service there, short link last', async () => {
    const { id } = await buildList(LONG);
    const response = await get(`/shortlist/${id}.txt?for=sms`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const body = await response.text();
    expect(gsmLength(body)).toBeLessThanOrEqual(459);
    expect(smsSegments(body)).toBeLessThanOrEqual(3);
    const lines = body.split('\n');
    expect(lines[0]).toBe('Your list, 3 services:');
    for (const [index, n] of [1, 2, 3].entries()) {
      expect(lines[index + 1]).toMatch(new RegExp(`^${index + 1}\\. The Very Long`));
      expect(lines[index + 1]).toContain(`0191 498 000${n}`);
    }
    expect(lines.at(-1)).toBe(`All details: ${server.origin}/l/${id}`);
  });
});

describe('the note', () => {
  const NOTE = 'Meet Sam at the door, Tuesday 10am. Marker QZXW-7781-NOTE.';

  it('is shown on the handout in that response only, and stored nowhere', async () => {
    const { cookie, id } = await buildList([FULL]);
    const response = await post(`/shortlist/${id}`, { action: 'note', note: NOTE }, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie().join('\n')).not.toContain('QZXW');
    const html = await response.text();
    expect(html).toMatch(
      /<section class="handout-note"[^>]*>\s*<h2 id="note-heading">Note<\/h2>\s*<p class="handout-note__text">Meet Sam at the door, Tuesday 10am\. Marker QZXW-7781-NOTE\.<\/p>/,
    );
    // Not in the next view of the list.
    expect(await (await get(`/shortlist/${id}`, cookie)).text()).not.toContain('QZXW');
    // Not in any text column of any table, nor in the server's output.
    await withTestSql(server.databasePath, async (db) => {
      const columns = await storedColumns(db);
      expect(columns.map((column) => column.table)).toContain('shortlist');
      for (const column of columns) expect(await rowsHolding(db, column, 'QZXW'), `${column.table}.${column.column}`).toBe(0);
    });
    expect(server.output()).not.toContain('QZXW');
  });

  it('over 300 characters is refused beside the box (400), kept in the box to shorten, and not shown on the handout', async () => {
    const { id } = await buildList([FULL]);
    const long = `QZXW ${'x'.repeat(300)}`;
    const response = await post(`/shortlist/${id}`, { action: 'note', note: long });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your note is too long. Keep it to 300 characters or fewer.');
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*>/);
    expect(html).toMatch(/<textarea[^>]*aria-describedby="note-hint note-error"/);
    expect(html).not.toContain('class="handout-note"');
    expect(html).toContain(long);
  });
});

describe('the shortlist store', () => {
  it('purges expired lists and their services, and leaves live ones', async () => {
    const scratch = await scratchDirectory();
    try {
      await importRecords(scratch.directory, scratch.search, [FULL, LAPSED], { strict: true, source: 'test' });
      const db = scratch.directory.db;
      const now = new Date('2026-11-21T12:00:00Z');
      const old = await createShortlist(db, new Date(now.getTime() - 100 * 86_400_000));
      await changeShortlist(db, old.id, { action: 'add', serviceId: FULL.id }, new Date(now.getTime() - 100 * 86_400_000));
      // Making a list purges expired ones first (at most hourly per process).
      const fresh = await createShortlist(db, now);
      expect((await findShortlist(db, old.id, now)).state).toBe('unknown');
      await changeShortlist(db, fresh.id, { action: 'add', serviceId: LAPSED.id }, now);
      const stale = await createShortlist(db, now);
      await changeShortlist(db, stale.id, { action: 'add', serviceId: FULL.id }, now);
      await db.updateTable('shortlist').set({ expires_at: '2026-11-21T11:59:59.000Z' }).where('id', '=', stale.id).execute();
      expect(await purgeExpiredShortlists(db, now)).toBe(1);
      expect((await findShortlist(db, stale.id, now)).state).toBe('unknown');
      expect(await db.selectFrom('shortlist_item').select('service_id').execute()).toEqual([{ service_id: LAPSED.id }]);
      const live = await findShortlist(db, fresh.id, now);
      expect(live.state === 'live' && live.shortlist.serviceIds).toEqual([LAPSED.id]);
      // A list's expiry is 90 days (the default) after its last change.
      expect(live.state === 'live' && live.shortlist.expiresAt).toBe(new Date(now.getTime() + 90 * 86_400_000).toISOString());
      expect(await changeShortlist(db, fresh.id, { action: 'add', serviceId: 'no-such-service' }, now)).toEqual({ ok: false, reason: 'no-such-service' });
    } finally {
      await scratch.cleanup();
    }
  });
});
