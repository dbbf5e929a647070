// The service editor over HTTP against the built server: opening, saving (seen on the public page
// and in search), messages next to bad fields, preview saving nothing, two editors at once (the
// conflict page and both choices), "Verified today", org editors (suggestion or publish by trust),
// who is refused, the form token, adding a service, and the listing's history and its CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import type { DatabaseSchema } from '../../src/lib/db/types';
import { readRecord } from '../../src/lib/editing/publish';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { startServer, type FixtureUser, type RunningServer } from '../fixtures/server';
import { ADMIN, LINK_WORKER, ORG_EDITOR, PANEL, PASSWORD, getAs, signInAs, type SignedIn } from '../fixtures/accounts';
import { service } from '../fixtures/services';
import { editedFields as edit, formFields } from '../fixtures/forms';

const spec = (code: string, name: string, organization: string) =>
  service({
    code,
    name,
    organization,
    schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
    categories: ['befriending'],
    extra: { email: `hello@${code}.example.org`, funding: [{ id: uuidFor('funding', code), source: 'Lottery', end_date: '2027-03-31' }] },
  });
const MAIN = spec('edit-main', 'Heaton Knit and Natter', 'edit-org');
const CONFLICT = spec('edit-conflict', 'Byker Lunch Club', 'edit-org');
const CONFLICT2 = spec('edit-conflict-2', 'Walker Walking Group', 'edit-org');
const CONFLICT3 = spec('edit-conflict-3', 'Lemington Gardeners', 'edit-org');
const VERIFY = spec('edit-verify', 'Fenham Men in Sheds', 'edit-org');
const UNTRUSTED = spec('edit-untrusted', 'Elswick Food Share', 'untrusted-org');
const TRUSTED = spec('edit-trusted', 'Jesmond Chess Club', 'trusted-org');
const orgId = (code: string) => uuidFor('organization', code);

const UNTRUSTED_EDITOR: FixtureUser = { ...ORG_EDITOR, organisations: [orgId('untrusted-org')] };
const TRUSTED_EDITOR: FixtureUser = {
  email: 'trusted@example.org',
  role: 'org_editor',
  password: PASSWORD,
  name: 'Tru Sted',
  organisations: [orgId('trusted-org')],
  trusted: true,
};

let server: RunningServer;
let panel: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  server = await startServer({
    fixtures: [MAIN, CONFLICT, CONFLICT2, CONFLICT3, VERIFY, UNTRUSTED, TRUSTED],
    users: [ADMIN, PANEL, LINK_WORKER, UNTRUSTED_EDITOR, TRUSTED_EDITOR],
  });
  [panel, admin] = await Promise.all([signInAs(server, PANEL), signInAs(server, ADMIN)]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs `read` on the server's database (a SQLite file or PostgreSQL), then closes it. */
async function withDatabase<T>(read: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return await read(directory.db);
  } finally {
    await directory.close();
  }
}

async function stored(id: string): Promise<ServiceRecord> {
  return (await withDatabase((db) => readRecord(db, id)))!;
}

function post(who: SignedIn | null, path: string, fields: [string, string][], csrf: string | null = who?.csrf ?? null): Promise<Response> {
  const body = new URLSearchParams(fields);
  if (csrf === null) body.delete('csrf');
  else body.set('csrf', csrf);
  return fetch(server.url(path), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, ...(who ? { Cookie: who.cookie } : {}) },
    body,
  });
}

async function openEditor(who: SignedIn, id: string): Promise<[string, string][]> {
  const response = await getAs(server, who, `/panel/services/${id}/edit`);
  expect(response.status).toBe(200);
  return formFields(await response.text(), 'editor-form');
}

const editPath = (id: string) => `/panel/services/${id}/edit`;

describe('the editor for the panel', () => {
  it('shows every section, the version and the listing as opened', async () => {
    const response = await getAs(server, panel, editPath(MAIN.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>Edit Heaton Knit and Natter</h1>');
    for (const legend of [
      'About the service',
      'Contact details',
      'Places',
      'Times',
      'Costs',
      'Funding',
      'How to get in and who it is for',
      'Space for new people',
      'Categories',
      'Languages and areas',
      'Checks',
    ]) {
      expect(html).toContain(`<h2 class="editor-section__title">${legend}</h2>`);
    }
    // Folded: only the first part is open when there is nothing wrong; every field is still in the form.
    expect(html.match(/<details class="editor-section" open data-section="section-about">/g)).toHaveLength(1);
    expect(html.match(/<details class="editor-section" data-section=/g)).toHaveLength(11);
    const fields = Object.fromEntries(formFields(html, 'editor-form'));
    expect(fields.version).toMatch(/^[\w-]{22}$/);
    expect(fields.opened).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(fields.name).toBe('Heaton Knit and Natter');
    expect(fields['schedules.0.opens_at']).toBe('10:00');
    expect(fields['schedules.0.days']).toBe('TU');
    expect(fields['funding.0.source']).toBe('Lottery');
    expect(fields.categories).toBe('befriending');
    expect(html).toContain('Verified today');
  });

  it('saves a change: the public page and search show it, with a clear "Saved"', async () => {
    const fields = await openEditor(panel, MAIN.id);
    const response = await post(
      panel,
      editPath(MAIN.id),
      edit(fields, { action: 'save', name: 'Heaton Knit and Natter Circle', 'schedules.0.opens_at': '10:30' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${editPath(MAIN.id)}?saved=1`);
    const after = await (await getAs(server, panel, `${editPath(MAIN.id)}?saved=1`)).text();
    expect(after).toContain('<h2>Saved</h2>');
    const record = await stored(MAIN.id);
    expect(record.name).toBe('Heaton Knit and Natter Circle');
    expect(record.schedules[0]!.opens_at).toBe('10:30');
    expect(record.schedules[0]!.id).toBe(MAIN.schedules && (MAIN.schedules as { id: string }[])[0]!.id);
    expect(record.funding).toHaveLength(1);
    expect(record.email).toBe('hello@edit-main.example.org');
    const page = await (await fetch(server.url(`/services/${MAIN.id}`))).text();
    expect(page).toContain('Heaton Knit and Natter Circle');
    const search = (await (await fetch(server.url('/api/search?q=natter+circle'))).json()) as { results: { id: string; name: string }[] };
    expect(search.results.map((result) => result.name)).toContain('Heaton Knit and Natter Circle');
  });

  it('shows plain messages next to a bad time and a bad email, and saves nothing', async () => {
    const before = await stored(MAIN.id);
    const fields = await openEditor(panel, MAIN.id);
    const response = await post(
      panel,
      editPath(MAIN.id),
      edit(fields, { action: 'save', name: 'Should not save', 'schedules.0.closes_at': '25:00', email: 'hello at example' }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<title>Error: Edit');
    expect(html).toMatch(
      /<p class="field-error" id="f-schedules-0-closes_at-error"><span class="visually-hidden">Error: <\/span>Enter a time on the 24-hour clock, like 09:30 or 14:00<\/p>\s*<input id="f-schedules-0-closes_at" name="schedules.0.closes_at" value="25:00"/,
    );
    expect(html).toMatch(/id="f-email-error"><span class="visually-hidden">Error: <\/span>Enter an email address like name@example.org/);
    expect(html).toMatch(/<input id="f-email"[^>]*aria-describedby="f-email-error"[^>]*aria-invalid="true"/);
    expect(html).toContain('href="#f-schedules-0-closes_at">Time 1: closes: Enter a time');
    // The parts holding an error are open (and say so); the rest, "About the service" too, are folded.
    expect(html).toContain('<details class="editor-section editor-section--error" open data-section="section-times">');
    expect(html).toContain('<details class="editor-section editor-section--error" open data-section="section-contact">');
    expect(html).toContain('<details class="editor-section" data-section="section-about">');
    expect(html.match(/There is a problem in this part/g)).toHaveLength(2);
    expect(await stored(MAIN.id)).toEqual(before);
  });

  it('preview shows the change in words and saves nothing', async () => {
    const before = await stored(MAIN.id);
    const fields = await openEditor(panel, MAIN.id);
    const response = await post(panel, editPath(MAIN.id), edit(fields, { action: 'preview', name: 'Previewed Name Only' }));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Preview of your changes');
    expect(html).toMatch(
      /<tr data-field="name">\s*<th scope="row">Name<\/th>\s*<td><span class="editor-line">Heaton Knit and Natter Circle<\/span><\/td>\s*<td><span class="editor-line">Previewed Name Only<\/span>/,
    );
    expect(html).not.toContain('data-field="schedules"');
    // The form still holds the change, ready to save.
    expect(Object.fromEntries(formFields(html, 'editor-form')).name).toBe('Previewed Name Only');
    expect(await stored(MAIN.id)).toEqual(before);
  });

  it('refuses a changed copy of the listing as opened', async () => {
    const fields = await openEditor(panel, MAIN.id);
    const response = await post(panel, editPath(MAIN.id), edit(fields, { action: 'save', name: 'Tampered', opened: 'abc.def' }));
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('This form was out of date, so nothing was saved');
    expect((await stored(MAIN.id)).name).not.toBe('Tampered');
  });
});

describe('two editors at once', () => {
  it('lists the fields, requires a choice where both changed, and "Use mine" keeps everyone\'s other changes', async () => {
    const a = await openEditor(panel, CONFLICT.id);
    const b = await openEditor(admin, CONFLICT.id);
    const saved = await post(admin, editPath(CONFLICT.id), edit(b, { action: 'save', name: 'Byker Lunch Club (B)', alert: 'Closed on Friday' }));
    expect(saved.status).toBe(303);
    const conflict = await post(panel, editPath(CONFLICT.id), edit(a, { action: 'save', name: 'Byker Lunch Club (A)', description: 'Hot lunches, said A.' }));
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain('Someone else changed this listing while you were editing');
    expect(html).toMatch(/data-field="name" data-kind="both"/);
    expect(html).toMatch(/data-field="description" data-kind="mine"/);
    expect(html).toMatch(/data-field="alert" data-kind="theirs"/);
    expect(html).toMatch(/<dd class="conflict-opened"><span class="editor-line">Byker Lunch Club<\/span><\/dd>/);
    expect(html).toMatch(/<dd class="conflict-theirs"><span class="editor-line">Byker Lunch Club \(B\)<\/span><\/dd>/);
    expect(html).toMatch(/<dd class="conflict-mine"><span class="editor-line">Byker Lunch Club \(A\)<\/span><\/dd>/);
    expect(html).toContain('name="choice.name" value="theirs"');
    expect(html).not.toContain('name="choice.description"');
    expect((await stored(CONFLICT.id)).name).toBe('Byker Lunch Club (B)');

    const resolve = formFields(html, 'editor-form conflict-form');
    const noChoice = await post(panel, editPath(CONFLICT.id), resolve);
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain('Name: choose “Keep theirs” or “Use mine”');
    expect((await stored(CONFLICT.id)).name).toBe('Byker Lunch Club (B)');

    const mine = await post(panel, editPath(CONFLICT.id), [...resolve, ['choice.name', 'mine']]);
    expect(mine.status).toBe(303);
    const record = await stored(CONFLICT.id);
    expect(record.name).toBe('Byker Lunch Club (A)');
    expect(record.description).toBe('Hot lunches, said A.');
    expect(record.alert).toBe('Closed on Friday');
    expect(record.email).toBe('hello@edit-conflict.example.org');
  });

  it('"Keep theirs" keeps their value, and my other changes are still saved', async () => {
    const a = await openEditor(panel, CONFLICT2.id);
    const b = await openEditor(admin, CONFLICT2.id);
    expect((await post(admin, editPath(CONFLICT2.id), edit(b, { action: 'save', name: 'Walker Walkers (B)' }))).status).toBe(303);
    const conflict = await post(panel, editPath(CONFLICT2.id), edit(a, { action: 'save', name: 'Walker Walkers (A)', 'schedules.0.closes_at': '13:00' }));
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toMatch(/data-field="schedules" data-kind="mine"/);
    const theirs = await post(panel, editPath(CONFLICT2.id), [...formFields(html, 'editor-form conflict-form'), ['choice.name', 'theirs']]);
    expect(theirs.status).toBe(303);
    const record = await stored(CONFLICT2.id);
    expect(record.name).toBe('Walker Walkers (B)');
    expect(record.schedules[0]!.closes_at).toBe('13:00');
  });
});

describe('two editors at once, and a third change while choosing', () => {
  it('conflicts again against the newest version, keeping what was chosen and what the third person did', async () => {
    const a = await openEditor(panel, CONFLICT3.id);
    const b = await openEditor(admin, CONFLICT3.id);
    expect((await post(admin, editPath(CONFLICT3.id), edit(b, { action: 'save', name: 'Lemington Gardeners (B)' }))).status).toBe(303);
    const first = await post(panel, editPath(CONFLICT3.id), edit(a, { action: 'save', name: 'Lemington Gardeners (A)', fees: 'Free' }));
    expect(first.status).toBe(409);
    const resolve = formFields(await first.text(), 'editor-form conflict-form');
    // While A is choosing, B changes the name again and adds a notice.
    const b2 = await openEditor(admin, CONFLICT3.id);
    expect(
      (await post(admin, editPath(CONFLICT3.id), edit(b2, { action: 'save', name: 'Lemington Gardeners (B2)', alert: 'Plot open day Sunday' }))).status,
    ).toBe(303);
    const second = await post(panel, editPath(CONFLICT3.id), [...resolve, ['choice.name', 'mine']]);
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toMatch(/data-field="name" data-kind="both"/);
    expect(html).toMatch(/<dd class="conflict-opened"><span class="editor-line">Lemington Gardeners \(B\)<\/span>/);
    expect(html).toMatch(/data-field="alert" data-kind="theirs"/);
    expect(html).toMatch(/data-field="fees" data-kind="mine"/);
    expect((await stored(CONFLICT3.id)).name).toBe('Lemington Gardeners (B2)');
    const done = await post(panel, editPath(CONFLICT3.id), [...formFields(html, 'editor-form conflict-form'), ['choice.name', 'mine']]);
    expect(done.status).toBe(303);
    const record = await stored(CONFLICT3.id);
    expect([record.name, record.fees, record.alert]).toEqual(['Lemington Gardeners (A)', 'Free', 'Plot open day Sunday']);
  });

  it('refuses a conflict form whose records were changed', async () => {
    const response = await post(panel, editPath(CONFLICT3.id), [
      ['action', 'resolve'],
      ['opened', 'x.y'],
      ['theirs', 'x.y'],
      ['mine', 'x.y'],
    ]);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('This form was out of date, so nothing was saved');
  });
});

describe('verified today', () => {
  it('sets the checked date to today and the email for checks to the person', async () => {
    const html = await (await getAs(server, panel, editPath(VERIFY.id))).text();
    const fields = formFields(html, 'editor-verify');
    const response = await post(panel, `/panel/services/${VERIFY.id}/verify`, fields);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${editPath(VERIFY.id)}?verified=1`);
    const record = await stored(VERIFY.id);
    expect(record.assured_date).toBe(todayInUk());
    expect(record.assurer_email).toBe(PANEL.email);
    // The version it was shown no longer matches: nothing happens.
    const again = await post(admin, `/panel/services/${VERIFY.id}/verify`, fields);
    expect(again.headers.get('location')).toBe(`${editPath(VERIFY.id)}?verified=stale`);
    expect((await stored(VERIFY.id)).assurer_email).toBe(PANEL.email);
  });

  it('is refused to an org editor of an untrusted organisation', async () => {
    const editor = await signInAs(server, UNTRUSTED_EDITOR);
    const html = await (await getAs(server, editor, editPath(UNTRUSTED.id))).text();
    expect(html).not.toContain('Verified today');
    const response = await post(editor, `/panel/services/${UNTRUSTED.id}/verify`, [['version', 'x']]);
    expect(response.status).toBe(403);
  });
});

describe('organisation editors and who is refused', () => {
  it("an untrusted organisation's editor sends a suggestion; the listing is unchanged", async () => {
    const editor = await signInAs(server, UNTRUSTED_EDITOR);
    const page = await (await getAs(server, editor, editPath(UNTRUSTED.id))).text();
    expect(page).toContain('Send to the panel for review');
    const fields = formFields(page, 'editor-form');
    const version = Object.fromEntries(fields).version;
    const response = await post(editor, editPath(UNTRUSTED.id), edit(fields, { action: 'save', name: 'Elswick Food Share and Pantry' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${editPath(UNTRUSTED.id)}?suggested=1`);
    expect(await (await getAs(server, editor, `${editPath(UNTRUSTED.id)}?suggested=1`)).text()).toContain('the community panel, who will review them');
    const [suggestion] = await withDatabase((db) => db.selectFrom('suggestion').selectAll().where('service_id', '=', UNTRUSTED.id).execute());
    const [user] = await withDatabase((db) => db.selectFrom('user_account').select('id').where('email', '=', ORG_EDITOR.email).execute());
    expect(suggestion).toMatchObject({ kind: 'change', source: 'org_editor', suggested_by: user!.id, base_version: version });
    const fieldsStored = await withDatabase((db) =>
      db.selectFrom('suggestion_field').select(['field', 'old_value', 'new_value']).where('suggestion_id', '=', suggestion!.id).orderBy('field').execute(),
    );
    expect(fieldsStored).toEqual([{ field: 'name', old_value: '"Elswick Food Share"', new_value: '"Elswick Food Share and Pantry"' }]);
    expect((await stored(UNTRUSTED.id)).name).toBe('Elswick Food Share');
  });

  it("a trusted organisation's editor publishes", async () => {
    const editor = await signInAs(server, TRUSTED_EDITOR);
    const fields = await openEditor(editor, TRUSTED.id);
    const response = await post(editor, editPath(TRUSTED.id), edit(fields, { action: 'save', name: 'Jesmond Chess and Draughts' }));
    expect(response.status).toBe(303);
    expect((await stored(TRUSTED.id)).name).toBe('Jesmond Chess and Draughts');
  });

  it('an editor of another organisation, and a link worker, get 403', async () => {
    const editor = await signInAs(server, TRUSTED_EDITOR);
    expect((await getAs(server, editor, editPath(UNTRUSTED.id))).status).toBe(403);
    expect(
      (
        await post(editor, editPath(UNTRUSTED.id), [
          ['action', 'save'],
          ['name', 'Nope'],
        ])
      ).status,
    ).toBe(403);
    expect((await getAs(server, editor, `/panel/services/${UNTRUSTED.id}/history`)).status).toBe(403);
    const worker = await signInAs(server, LINK_WORKER);
    expect((await getAs(server, worker, editPath(MAIN.id))).status).toBe(403);
    expect(
      (
        await post(worker, editPath(MAIN.id), [
          ['action', 'save'],
          ['name', 'Nope'],
        ])
      ).status,
    ).toBe(403);
    expect((await getAs(server, worker, '/panel/services/new')).status).toBe(403);
    expect((await getAs(server, worker, `/panel/services/${MAIN.id}/history`)).status).toBe(403);
    expect((await stored(UNTRUSTED.id)).name).toBe('Elswick Food Share');
  });

  it('sends someone not signed in to sign in, and refuses a post without the form token', async () => {
    const anonymous = await getAs(server, null, editPath(MAIN.id));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/panel/sign-in?next=${encodeURIComponent(editPath(MAIN.id))}`);
    const fields = await openEditor(panel, MAIN.id);
    const noToken = await post(panel, editPath(MAIN.id), edit(fields, { action: 'save', name: 'No token' }), null);
    expect(noToken.status).toBe(403);
    expect((await stored(MAIN.id)).name).not.toBe('No token');
  });
});

describe('adding a service', () => {
  it('the panel publishes a new listing with a new id', async () => {
    const page = await (await getAs(server, panel, '/panel/services/new')).text();
    expect(page).toContain('<h1>Add a service</h1>');
    const fields = formFields(page, 'editor-form');
    const id = Object.fromEntries(fields).id!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const response = await post(
      panel,
      '/panel/services/new',
      edit(fields, {
        action: 'save',
        name: 'Gateshead Singing for the Brain',
        organization_id: orgId('edit-org'),
        description: 'Singing for people living with dementia.',
        'schedules.0.days': 'TH',
        'schedules.0.opens_at': '14:00',
        'schedules.0.closes_at': '15:30',
        'places.0.name': 'Bensham Hall',
        'places.0.address_1': '1 Bensham Road',
        'places.0.city': 'Gateshead',
        'places.0.postal_code': 'ne8 1aa',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/panel/services/${id}/edit?saved=1`);
    const record = await stored(id);
    expect(record).toMatchObject({ name: 'Gateshead Singing for the Brain', status: 'active', organization: { id: orgId('edit-org') } });
    expect(record.schedules).toMatchObject([{ byday: 'TH', opens_at: '14:00', closes_at: '15:30', freq: 'WEEKLY' }]);
    expect(record.service_at_locations[0]!.location.addresses[0]).toMatchObject({ address_1: '1 Bensham Road', postal_code: 'NE8 1AA' });
    expect((await fetch(server.url(`/services/${id}`))).status).toBe(200);
  });

  it("an untrusted organisation's editor sends a new service for review, only for their own organisation", async () => {
    const editor = await signInAs(server, UNTRUSTED_EDITOR);
    const page = await (await getAs(server, editor, '/panel/services/new')).text();
    const fields = formFields(page, 'editor-form');
    expect(Object.fromEntries(fields).organization_id).toBe(orgId('untrusted-org'));
    const other = await post(editor, '/panel/services/new', edit(fields, { action: 'save', name: 'Not mine', organization_id: orgId('edit-org') }));
    expect(other.status).toBe(400);
    expect(await other.text()).toContain('Choose the organisation that runs it from the list');
    const response = await post(editor, '/panel/services/new', edit(fields, { action: 'save', name: 'Elswick Baby Bank' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/panel/services/new?suggested=1');
    const id = Object.fromEntries(fields).id!;
    expect(
      await withDatabase((db) => db.selectFrom('suggestion').select('kind').where('kind', '=', 'new').where('source', '=', 'org_editor').execute()),
    ).toHaveLength(1);
    expect(await stored(id)).toBeNull();
  });
});

describe('history', () => {
  it('lists the changes newest first with who, before and after', async () => {
    const response = await getAs(server, panel, `/panel/services/${MAIN.id}/history`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>History of Heaton Knit and Natter Circle</h1>');
    expect(html).toMatch(
      /<tr data-field="name" data-type="service">[\s\S]*?<td class="history-who">panel@example.org<\/td>\s*<th scope="row">Changed: Name<\/th>\s*<td class="history-before"><span class="editor-line">Heaton Knit and Natter<\/span><\/td>\s*<td class="history-after"><span class="editor-line">Heaton Knit and Natter Circle<\/span>/,
    );
    expect(html).toMatch(
      /<tr data-field="schedules" data-type="service">[\s\S]*?<td class="history-who">panel@example.org<\/td>[\s\S]*?class="history-before">[^]*?10[^]*?class="history-after">[^]*?10:30/,
    );
    // The one save changed two fields and recorded nothing else (the untouched parts round-trip exactly).
    expect(html).toContain('<caption id="history-caption">2 changes</caption>');
  });

  it("an org editor sees their own listing's history; the CSV has the HSDS columns and is formula-safe", async () => {
    const editor = await signInAs(server, TRUSTED_EDITOR);
    const fields = await openEditor(editor, TRUSTED.id);
    expect((await post(editor, editPath(TRUSTED.id), edit(fields, { action: 'save', name: '=HYPERLINK("http://evil.example")' }))).status).toBe(303);
    expect((await getAs(server, editor, `/panel/services/${TRUSTED.id}/history`)).status).toBe(200);
    const csv = await getAs(server, editor, `/panel/services/${TRUSTED.id}/history.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('resource_id,resource_type,last_action_date,last_action_type,field_name,previous_value,replacement_value,updated_by,reason');
    expect(lines[1]).toMatch(
      new RegExp(
        `^${TRUSTED.id},service,\\d{4}-\\d{2}-\\d{2}T[^,]+,update,name,Jesmond Chess and Draughts,"'=HYPERLINK\\(""http://evil.example""\\)",user trusted@example.org,$`,
      ),
    );
    expect(lines).toContain(lines.find((line) => line.includes(',update,name,Jesmond Chess Club,Jesmond Chess and Draughts,user trusted@example.org,')));
    expect((await getAs(server, editor, `/panel/services/${MAIN.id}/history.csv`)).status).toBe(403);
  });
});
