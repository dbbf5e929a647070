// Suggestions and the review queue against the real built server over HTTP, a real database
// (SQLite or PostgreSQL) and a real SMTP server on loopback: a public suggestion stored field by
// field (only what was changed), plain messages, the rate limit, cross-site posts refused; then a
// panel member reviewing it field by field until the listing changes, its history says who and
// why, the suggestion is closed and the person is told by email; a new group becoming a listing;
// who may open the queue; and a problem report resolved so search stops flagging the listing.
import { startSmtp, type LoopbackSmtp, type ReceivedEmail } from '../fixtures/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVersion } from '../../src/lib/editing/publish';
import { readService } from '../../src/lib/directory/service-reader';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import { createConfirmationLink } from '../../src/lib/freshness-jobs/confirmation-links';
import { uuidFor } from '../../src/lib/ids';
import { startServer, type RunningServer } from '../fixtures/server';
import { service } from '../fixtures/services';
import { withTestSql } from '../fixtures/sql';
import { LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';

const LUNCH = service({
  code: 'suggest-lunch',
  name: 'Elm Road Lunch Club',
  description: 'A hot meal and company.',
  schedules: [{ byday: 'TU', opens_at: '12:00', closes_at: '14:00' }],
  extra: {
    url: 'https://lunch.example.org',
    email: 'hello@lunch.example.org',
    fees_description: '£3 a meal',
    phones: [{ id: uuidFor('phone', 'suggest-lunch'), number: '0191 496 0000' }],
  },
});
const CAFE = service({ code: 'suggest-cafe', name: 'Oak Lane Memory Cafe', extra: { url: 'https://cafe.example.org' } });
const GARDEN = service({ code: 'suggest-garden', name: 'Birch Community Garden' });
const KNIT = service({ code: 'suggest-knit', name: 'Willow Knitting Circle' });
const CHOIR = service({ code: 'suggest-choir', name: 'Ash Tree Community Choir' });
const LUNCH_ORG = LUNCH.organization as { id: string; name: string };

let received: ReceivedEmail[] = [];
let smtp: LoopbackSmtp;
let server: RunningServer;
let panel: SignedIn;

beforeAll(async () => {
  smtp = await startSmtp();
  received = smtp.received;
  const smtpUrl = smtp.url;
  server = await startServer({
    fixtures: [LUNCH, CAFE, GARDEN, KNIT, CHOIR],
    users: [PANEL, LINK_WORKER, ORG_EDITOR],
    env: {
      TRUST_PROXY: '1',
      RATE_LIMIT_SECRET: 'test-secret',
      SUGGESTION_LIMIT_PER_HOUR: '3',
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Directory <directory@example.org>',
      PUBLIC_URL: 'https://directory.example.org',
    },
  });
  panel = await signInAs(server, PANEL);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;
function query<T>(text: string, ...params: unknown[]): Promise<T[]> {
  return withTestSql(server.databasePath, (db) => db.all<T>(text, ...params));
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields a browser would send from the page's form (inputs and textareas), by name. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    if (name && !/type="radio"/.test(match[0])) fields[name] = decode(/\bvalue="([^"]*)"/.exec(match[0])?.[1] ?? '');
  }
  for (const match of form.matchAll(/<textarea\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[match[1]!] = decode(match[2]!);
  return fields;
}

async function post(path: string, fields: Record<string, string>, options: { from?: string; origin?: string; cookie?: string } = {}): Promise<Response> {
  return fetch(server.url(path), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: options.origin ?? server.origin,
      'x-forwarded-for': options.from ?? newAddress(),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

const suggestPath = (id: string) => `/services/${id}/suggest`;
async function suggestionForm(id: string): Promise<Record<string, string>> {
  const response = await fetch(server.url(suggestPath(id)));
  expect(response.status).toBe(200);
  return formFields(await response.text(), suggestPath(id));
}

interface SuggestionRow {
  id: string;
  kind: string;
  service_id: string | null;
  source: string;
  suggested_by: string | null;
  contact_email: string | null;
  message: string | null;
  base_version: string | null;
  status: string;
  closed_by: string | null;
  closed_at: string | null;
}
interface FieldRow {
  id: number;
  field: string;
  old_value: string;
  new_value: string;
  decision: string | null;
  note: string | null;
  decided_by: string | null;
}
const suggestions = (serviceId: string) => query<SuggestionRow>('select * from suggestion where service_id = ? order by created_at', serviceId);
const fieldsOf = (suggestionId: string) => query<FieldRow>('select * from suggestion_field where suggestion_id = ? order by id', suggestionId);

async function currentVersion(id: string): Promise<string> {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return recordVersion((await readService(directory.db, id))!);
  } finally {
    await directory.close();
  }
}

describe('suggesting a change, without an account', () => {
  it('starts with the listing as it is and warns against personal details', async () => {
    const response = await fetch(server.url(suggestPath(LUNCH.id)));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Suggest a change to Elm Road Lunch Club');
    expect(html).toContain("Please do not write anything about a client, or about anyone's health or personal life.");
    const fields = formFields(html, suggestPath(LUNCH.id));
    expect(fields).toMatchObject({
      name: 'Elm Road Lunch Club',
      description: 'A hot meal and company.',
      url: 'https://lunch.example.org',
      email: 'hello@lunch.example.org',
      phone: '0191 496 0000',
      times: 'Tuesdays, 12 noon to 2pm',
      fees_description: '£3 a meal',
      message: '',
      contact_email: '',
    });
    expect(fields.address).toContain('NE1 1AA');
  });

  it('stores only the fields that were changed, each with its value before, and says thank you', async () => {
    const fields = await suggestionForm(LUNCH.id);
    const response = await post(suggestPath(LUNCH.id), {
      ...fields,
      email: 'meals@lunch.example.org',
      phone: '0191 496 0999',
      times: 'Tuesdays and Thursdays, 12 noon to 2pm',
      contact_email: 'helper@example.net',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${suggestPath(LUNCH.id)}?sent=1`);
    const thanks = await fetch(server.url(response.headers.get('location')!));
    expect(await thanks.text()).toContain('Thank you. We will check your suggestion.');

    const [row] = await suggestions(LUNCH.id);
    expect(row).toMatchObject({ kind: 'change', source: 'public', suggested_by: null, contact_email: 'helper@example.net', message: null, status: 'open' });
    expect(row!.base_version).toBe(await currentVersion(LUNCH.id));
    const stored = (await fieldsOf(row!.id)).map((field) => [field.field, JSON.parse(field.old_value), JSON.parse(field.new_value)]);
    expect(stored).toEqual([
      ['email', 'hello@lunch.example.org', 'meals@lunch.example.org'],
      [
        'phones',
        [expect.objectContaining({ number: '0191 496 0000' })],
        [expect.objectContaining({ id: uuidFor('phone', 'suggest-lunch'), number: '0191 496 0999' })],
      ],
      ['note:times', 'Tuesdays, 12 noon to 2pm', 'Tuesdays and Thursdays, 12 noon to 2pm'],
    ]);
  });

  it('says what is wrong beside each field, in plain words, and stores nothing', async () => {
    const before = (await query('select id from suggestion')).length;
    const fields = await suggestionForm(CAFE.id);
    const response = await post(suggestPath(CAFE.id), { ...fields, name: '  ', email: 'not an email', url: 'not a website', contact_email: 'me@' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: Suggest a change to Oak Lane Memory Cafe');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Enter the name of the service.');
    expect(html).toContain('Enter an email address like name@example.com, or leave this empty.');
    expect(html).toContain('Enter a web address like www.example.org, or leave this empty.');
    expect(html).toContain('Enter your email address like name@example.com, or leave this empty.');
    expect(html).toMatch(
      /id="suggest-email"[^>]*aria-describedby="suggest-email-error"[^>]*aria-invalid="true"|aria-describedby="suggest-email-error" aria-invalid="true"/,
    );
    expect(html).toContain('value="not an email"');

    const unchanged = await post(suggestPath(CAFE.id), await suggestionForm(CAFE.id));
    expect(unchanged.status).toBe(400);
    expect(await unchanged.text()).toContain('You have not changed anything.');
    expect((await query('select id from suggestion')).length).toBe(before);
  });

  it('refuses a post from another site (403) and stores nothing', async () => {
    const before = (await query('select id from suggestion')).length;
    const fields = await suggestionForm(CAFE.id);
    const response = await post(suggestPath(CAFE.id), { ...fields, name: 'Hijacked' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    const fresh = await post('/suggest', { name: 'Evil group', description: 'Spam' }, { origin: 'https://evil.example' });
    expect(fresh.status).toBe(403);
    expect((await query('select id from suggestion')).length).toBe(before);
  });

  it('takes 3 suggestions an hour from one address (SUGGESTION_LIMIT_PER_HOUR), then answers 429 with Retry-After', async () => {
    const from = newAddress();
    for (let i = 1; i <= 3; i++) {
      const response = await post('/suggest', { name: `Rate Test Group ${i}`, description: 'A group.' }, { from });
      expect(response.status).toBe(303);
    }
    const refused = await post('/suggest', { name: 'Rate Test Group 4', description: 'A group.' }, { from });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Please try again later');
    expect(
      (
        await query(
          "select id from suggestion where kind = 'new' and id in (select suggestion_id from suggestion_field where new_value like '\"Rate Test Group%')",
        )
      ).length,
    ).toBe(3);
    // Another address is not held back.
    expect((await post('/suggest', { name: 'Rate Test Group 5', description: 'A group.' })).status).toBe(303);
  });

  it('records who suggested it when a link worker is signed in', async () => {
    const worker = await signInAs(server, LINK_WORKER);
    const fields = await suggestionForm(GARDEN.id);
    const response = await post(suggestPath(GARDEN.id), { ...fields, fees_description: 'Free' }, { cookie: worker.cookie });
    expect(response.status).toBe(303);
    const account = (await query<{ id: string }>('select id from user_account where email = ?', LINK_WORKER.email))[0]!;
    const [row] = await suggestions(GARDEN.id);
    expect(row).toMatchObject({ source: 'link_worker', suggested_by: account.id });
    expect((await fieldsOf(row!.id)).map((field) => [field.field, JSON.parse(field.new_value)])).toEqual([['fees_description', 'Free']]);
  });
});

describe('the review queue', () => {
  it('is for the panel: link workers and org editors get 403, people not signed in go to sign in', async () => {
    for (const user of [LINK_WORKER, ORG_EDITOR]) {
      const who = await signInAs(server, user);
      expect((await getAs(server, who, '/panel/queue')).status).toBe(403);
      const id = (await suggestions(LUNCH.id))[0]!.id;
      expect((await getAs(server, who, `/panel/queue/suggestions/${id}`)).status).toBe(403);
      expect((await postAs(server, who, `/panel/queue/suggestions/${id}`, {})).status).toBe(403);
    }
    const anonymous = await getAs(server, null, '/panel/queue');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/panel/sign-in?next=%2Fpanel%2Fqueue');
  });

  it('lists open suggestions and reports with counts, each linking to its review page', async () => {
    const response = await getAs(server, panel, '/panel/queue');
    expect(response.status).toBe(200);
    const html = await response.text();
    const open = await query<{ id: string }>("select id from suggestion where status = 'open'");
    expect(html).toContain(`${open.length} suggestions</strong>`);
    for (const { id } of open) expect(html).toContain(`href="/panel/queue/suggestions/${id}"`);
    expect(html).toContain('New: Rate Test Group 5');
  });

  it('refuses a review posted without the form token (403) and changes nothing', async () => {
    const id = (await suggestions(LUNCH.id))[0]!.id;
    const response = await postAs(server, panel, `/panel/queue/suggestions/${id}`, {}, null);
    expect(response.status).toBe(403);
    expect((await suggestions(LUNCH.id))[0]!.status).toBe('open');
  });
});

describe('from suggestion to publication', () => {
  it('publishes only the accepted field, records it in history, closes the suggestion and emails the person', async () => {
    smtp.clear();
    const fields = await suggestionForm(CAFE.id);
    const sent = await post(suggestPath(CAFE.id), {
      ...fields,
      name: 'Oak Lane Memory Café',
      url: 'www.oak-lane.example.org',
      contact_email: 'visitor@example.net',
      message: 'The sign outside says Café.',
    });
    expect(sent.status).toBe(303);
    const [suggestion] = await suggestions(CAFE.id);
    const [nameField, urlField] = await fieldsOf(suggestion!.id);
    expect([nameField!.field, urlField!.field]).toEqual(['name', 'url']);
    expect(JSON.parse(urlField!.new_value)).toBe('https://www.oak-lane.example.org');

    const path = `/panel/queue/suggestions/${suggestion!.id}`;
    const page = await (await getAs(server, panel, path)).text();
    expect(page).toContain('Suggested change to Oak Lane Memory Cafe');
    expect(page).toContain('The sign outside says Café.');
    expect(page).toContain('Before (when suggested)');
    expect(page).toContain('https://cafe.example.org');
    expect(page).toContain('https://www.oak-lane.example.org');

    // Every field needs a decision.
    const undecided = await postAs(server, panel, path, { [`decision-${nameField!.id}`]: 'accepted' });
    expect(undecided.status).toBe(400);
    expect(await undecided.text()).toContain('Website: Choose whether to accept or reject this change.');
    expect((await suggestions(CAFE.id))[0]!.status).toBe('open');

    const response = await postAs(server, panel, path, {
      [`decision-${nameField!.id}`]: 'accepted',
      [`note-${nameField!.id}`]: '',
      [`decision-${urlField!.id}`]: 'rejected',
      [`note-${urlField!.id}`]: 'That website belongs to another group.',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${path}?done=1`);
    const done = await (await getAs(server, panel, `${path}?done=1`)).text();
    expect(done).toContain('Published: Name.');

    const listing = (await query<{ name: string; url: string }>('select name, url from service where id = ?', CAFE.id))[0];
    expect(listing).toEqual({ name: 'Oak Lane Memory Café', url: 'https://cafe.example.org' });
    const history = await query<{ field: string; old_value: string; new_value: string; changed_by: string; reason: string }>(
      "select field, old_value, new_value, changed_by, reason from change_history where entity_id = ? and changed_by like 'user %'",
      CAFE.id,
    );
    expect(history.map((row) => row.field)).toContain('name');
    expect(history.map((row) => row.field)).not.toContain('url');
    expect(history.find((row) => row.field === 'name')).toEqual({
      field: 'name',
      old_value: 'Oak Lane Memory Cafe',
      new_value: 'Oak Lane Memory Café',
      changed_by: 'user panel@example.org',
      reason: `Suggestion ${suggestion!.id.slice(0, 8)} from public`,
    });

    const closed = (await suggestions(CAFE.id))[0]!;
    expect(closed).toMatchObject({ status: 'closed', closed_by: 'panel@example.org' });
    expect(closed.closed_at).toBeTruthy();
    expect((await fieldsOf(closed.id)).map((field) => [field.field, field.decision, field.note, field.decided_by])).toEqual([
      ['name', 'accepted', null, 'panel@example.org'],
      ['url', 'rejected', 'That website belongs to another group.', 'panel@example.org'],
    ]);

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['visitor@example.net']);
    // The subject is MIME-encoded on the wire (it has an é); the outbox keeps it as written.
    expect(received[0]!.subject).toContain('Your_suggestion_about_Oak_Lane_Memory');
    expect(received[0]!.body).toContain('Changes we made:\n- Name: now "Oak Lane Memory Café"');
    expect(received[0]!.body).toContain('Changes we did not make:\n- Website. The reviewer said: That website belongs to another group.');
    expect(received[0]!.body).toContain(`See the listing: https://directory.example.org/services/${CAFE.id}`);
    expect(
      await query<{ purpose: string; status: string; subject: string }>(
        "select purpose, status, subject from outbox_message where to_address = 'visitor@example.net'",
      ),
    ).toEqual([{ purpose: 'suggestion_outcome', status: 'sent', subject: 'Your suggestion about Oak Lane Memory Café' }]);

    const publicPage = await (await fetch(server.url(`/services/${CAFE.id}`))).text();
    expect(publicPage).toContain('Oak Lane Memory Café');
    const search = await (await fetch(server.url('/api/search?q=oak+lane'))).json();
    expect(search.results.map((result: { name: string }) => result.name)).toContain('Oak Lane Memory Café');

    // Closed: it shows what was decided and takes no more decisions.
    const again = await postAs(server, panel, path, { [`decision-${nameField!.id}`]: 'rejected', [`decision-${urlField!.id}`]: 'rejected' });
    expect(again.status).toBe(409);
  });

  it('says when the listing has changed since, and publishes onto the listing as it is now', async () => {
    const first = await post(suggestPath(KNIT.id), { ...(await suggestionForm(KNIT.id)), description: 'Knitting and a cup of tea.' });
    const second = await post(suggestPath(KNIT.id), { ...(await suggestionForm(KNIT.id)), fees_description: '£1 for tea' });
    expect([first.status, second.status]).toEqual([303, 303]);
    const [one, two] = await suggestions(KNIT.id);
    const [description] = await fieldsOf(one!.id);
    const [fees] = await fieldsOf(two!.id);
    expect((await postAs(server, panel, `/panel/queue/suggestions/${two!.id}`, { [`decision-${fees!.id}`]: 'accepted' })).status).toBe(303);
    const page = await (await getAs(server, panel, `/panel/queue/suggestions/${one!.id}`)).text();
    expect(page).toContain('The listing has changed since this suggestion was made.');
    expect((await postAs(server, panel, `/panel/queue/suggestions/${one!.id}`, { [`decision-${description!.id}`]: 'accepted' })).status).toBe(303);
    expect(await query('select description, fees_description from service where id = ?', KNIT.id)).toEqual([
      { description: 'Knitting and a cup of tea.', fees_description: '£1 for tea' },
    ]);
  });

  it('makes an accepted new group into a listing people can find, under the organisation of that name', async () => {
    const response = await post('/suggest', {
      name: 'Maple Knit and Natter',
      organisation: LUNCH_ORG.name,
      description: 'Bring your knitting and have a natter.',
      address: 'Maple Hall, 3 Maple Street, Gateshead NE8 1AB',
      times: 'Wednesdays, 2pm to 4pm',
      phone: '0191 496 0123',
      url: 'maple.example.org',
    });
    expect(response.status).toBe(303);
    const [suggestion] = await query<SuggestionRow>(
      "select * from suggestion where kind = 'new' and id in (select suggestion_id from suggestion_field where new_value = '\"Maple Knit and Natter\"')",
    );
    const fields = await fieldsOf(suggestion!.id);
    expect(fields.map((field) => field.field)).toEqual(['name', 'new:organisation', 'description', 'new:address', 'note:times', 'phones', 'url']);
    const decisions: Record<string, string> = {};
    for (const field of fields) decisions[`decision-${field.id}`] = 'accepted';
    const path = `/panel/queue/suggestions/${suggestion!.id}`;
    expect(await (await getAs(server, panel, path)).text()).toContain('Done by hand');
    expect((await postAs(server, panel, path, decisions)).status).toBe(303);

    const closed = (await query<SuggestionRow>('select * from suggestion where id = ?', suggestion!.id))[0]!;
    expect(closed.status).toBe('closed');
    const created = (
      await query<{ id: string; name: string; status: string; organization_id: string; url: string; description: string }>(
        'select id, name, status, organization_id, url, description from service where id = ?',
        closed.service_id,
      )
    )[0];
    expect(created).toMatchObject({
      name: 'Maple Knit and Natter',
      status: 'active',
      organization_id: LUNCH_ORG.id,
      url: 'https://maple.example.org',
      description: 'Bring your knitting and have a natter.',
    });
    expect(
      await query(
        'select address_1, address_2, postal_code from address where location_id in (select location_id from service_at_location where service_id = ?)',
        created!.id,
      ),
    ).toEqual([{ address_1: 'Maple Hall', address_2: '3 Maple Street, Gateshead', postal_code: 'NE8 1AB' }]);
    expect((await query<{ number: string }>('select number from phone where service_id = ?', created!.id)).map((row) => row.number)).toEqual(['0191 496 0123']);
    expect(await query('select name from organization where id = ?', LUNCH_ORG.id)).toEqual([{ name: LUNCH_ORG.name }]);
    const search = await (await fetch(server.url('/api/search?q=maple+natter'))).json();
    expect(search.results.map((result: { id: string }) => result.id)).toEqual([created!.id]);
    const history = await query<{ changed_by: string; reason: string }>(
      "select changed_by, reason from change_history where entity_id = ? and field = 'id'",
      created!.id,
    );
    expect(history).toEqual([{ changed_by: 'user panel@example.org', reason: `Suggestion ${suggestion!.id.slice(0, 8)} from public` }]);
  });
});

describe('two reviewers, or a double click, at once', () => {
  it('publishes a new group once: one accept goes through, the rest are told it is closed', async () => {
    const response = await post('/suggest', { name: 'Rowan Double Lunch Club', description: 'A lunch club suggested once and accepted twice.' });
    expect(response.status).toBe(303);
    const [suggestion] = await query<SuggestionRow>(
      "select * from suggestion where kind = 'new' and id in (select suggestion_id from suggestion_field where new_value = '\"Rowan Double Lunch Club\"')",
    );
    const decisions: Record<string, string> = {};
    for (const field of await fieldsOf(suggestion!.id)) decisions[`decision-${field.id}`] = 'accepted';
    const path = `/panel/queue/suggestions/${suggestion!.id}`;
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => postAs(server, panel, path, decisions)))).map((r) => r.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(await query("select id from service where name = 'Rowan Double Lunch Club'")).toHaveLength(1);
    expect((await query<SuggestionRow>('select * from suggestion where id = ?', suggestion!.id))[0]).toMatchObject({
      status: 'closed',
      closed_by: 'panel@example.org',
    });
  });
});

describe('a provider\'s "running, with changes"', () => {
  it('arrives in the queue as their words; "Done by hand" closes it and keeps the decision', async () => {
    const directory = openDirectoryDatabase(server.databasePath);
    let linkPath: string;
    try {
      linkPath = await createConfirmationLink(directory.db, CHOIR.id);
    } finally {
      await directory.close();
    }
    const answered = await post(linkPath, { answer: 'running_with_changes', changes: 'We now meet on Thursdays at 7pm.' });
    expect(answered.status).toBe(200);
    const [suggestion] = await suggestions(CHOIR.id);
    expect(suggestion).toMatchObject({ source: 'provider_link', message: 'We now meet on Thursdays at 7pm.', status: 'open' });
    expect(await fieldsOf(suggestion!.id)).toEqual([]);
    expect(await query('select id from problem_report where service_id = ?', CHOIR.id)).toEqual([]);

    const queue = await (await getAs(server, panel, '/panel/queue')).text();
    expect(queue).toContain(`href="/panel/queue/suggestions/${suggestion!.id}">Ash Tree Community Choir</a>`);
    const path = `/panel/queue/suggestions/${suggestion!.id}`;
    const page = await (await getAs(server, panel, path)).text();
    expect(page).toContain('The provider (confirmation link)');
    expect(page).toContain('We now meet on Thursdays at 7pm.');
    expect(page).toContain('Done by hand');
    const response = await postAs(server, panel, path, { 'decision-message': 'accepted', 'note-message': 'Times updated in the editor.' });
    expect(response.status).toBe(303);
    expect((await suggestions(CHOIR.id))[0]).toMatchObject({ status: 'closed', closed_by: 'panel@example.org' });
    expect((await fieldsOf(suggestion!.id)).map((field) => [field.field, JSON.parse(field.new_value), field.decision, field.note])).toEqual([
      ['note:message', 'We now meet on Thursdays at 7pm.', 'accepted', 'Times updated in the editor.'],
    ]);
  });
});

describe('problem reports in the queue', () => {
  it('resolving a report takes the "problem reported" flag off the listing in search', async () => {
    const reported = await post(`/services/${GARDEN.id}/report`, { kind: 'full', message: 'They said they are full.' });
    expect(reported.status).toBe(303);
    const flags = async () => {
      const body = await (await fetch(server.url('/api/search?q=birch+garden'))).json();
      const found = body.results.find((result: { id: string }) => result.id === GARDEN.id);
      return found.freshness.flags.map((flag: { flag: string }) => flag.flag) as string[];
    };
    expect(await flags()).toContain('reported_problem');
    const [report] = await query<{ id: string }>("select id from problem_report where service_id = ? and status = 'open'", GARDEN.id);
    const path = `/panel/queue/reports/${report!.id}`;
    expect(await (await getAs(server, panel, '/panel/queue')).text()).toContain(`href="${path}"`);
    const page = await (await getAs(server, panel, path)).text();
    expect(page).toContain('They said they are full.');
    expect(page).toContain(`href="/panel/services/${GARDEN.id}/edit"`);

    const missing = await postAs(server, panel, path, { note: 'x' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Choose &quot;Resolved&quot; or &quot;Dismissed&quot;.');

    const response = await postAs(server, panel, path, { outcome: 'resolved', note: 'Phoned them: capacity updated.' });
    expect(response.status).toBe(303);
    expect(await query('select status, resolved_by, resolution_note from problem_report where id = ?', report!.id)).toEqual([
      { status: 'resolved', resolved_by: 'panel@example.org', resolution_note: 'Phoned them: capacity updated.' },
    ]);
    expect(await flags()).not.toContain('reported_problem');
    const closedQueue = await (await getAs(server, panel, '/panel/queue?show=closed')).text();
    expect(closedQueue).toContain(`href="${path}"`);
  });

  it('tells someone who reported a problem and left an email what the panel did', async () => {
    const reported = await post(`/services/${GARDEN.id}/report`, {
      kind: 'moved',
      message: 'It moved to the church hall.',
      contact_email: 'reporter@example.net',
    });
    expect(reported.status).toBe(303);
    const [report] = await query<{ id: string }>(
      "select id from problem_report where service_id = ? and status = 'open' and contact_email = ?",
      GARDEN.id,
      'reporter@example.net',
    );
    smtp.clear();
    const response = await postAs(server, panel, `/panel/queue/reports/${report!.id}`, { outcome: 'dismissed', note: 'They told us they have not moved.' });
    expect(response.status).toBe(303);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['reporter@example.net']);
    expect(received[0]!.body).toContain('We looked into it and have not changed the listing this time.');
    expect(received[0]!.body).toContain('The reviewer said: They told us they have not moved.');
    expect(received[0]!.body).toContain(`See the listing: https://directory.example.org/services/${GARDEN.id}`);
    // Nobody is emailed about a report that left no address.
    const quiet = await post(`/services/${GARDEN.id}/report`, { kind: 'full' });
    expect(quiet.status).toBe(303);
    const [other] = await query<{ id: string }>("select id from problem_report where service_id = ? and status = 'open' and contact_email is null", GARDEN.id);
    smtp.clear();
    expect((await postAs(server, panel, `/panel/queue/reports/${other!.id}`, { outcome: 'resolved', note: '' })).status).toBe(303);
    expect(received).toEqual([]);
  });
});
