// The admin pages over HTTP against the built server, with a real SMTP server on loopback:
// inviting someone (the email arrives, the link signs them in with the role, once), refused
// invitations (used, tampered, expired, withdrawn) and weak passwords, role changes and disabled
// accounts (both end sessions and are logged), an admin's own account, trusted organisations and
// their editors, the settings page, and the audit log with its CSV.
import type { Kysely } from 'kysely';
import { startSmtp, type LoopbackSmtp, type ReceivedEmail } from '../fixtures/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/lib/admin/invitations';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import type { DatabaseSchema } from '../../src/lib/db/types';
import { uuidFor } from '../../src/lib/ids';
import { startServer, type RunningServer } from '../fixtures/server';
import { ADMIN, LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, sessionCookieFrom, signInAs, type SignedIn } from '../fixtures/accounts';
import { service } from '../fixtures/services';

const FIXTURES = [
  service({ code: 'admin-walks', name: 'Admin Walking Group', organization: 'admin-walkers' }),
  service({ code: 'admin-pantry', name: 'Admin Pantry', organization: 'admin-pantry-people' }),
];
const WALKERS = uuidFor('organization', 'admin-walkers');
const WALKERS_NAME = 'admin-walkers trust';

let received: ReceivedEmail[] = [];
let smtp: LoopbackSmtp;
let server: RunningServer;
let admin: SignedIn;
let panel: SignedIn;

/** Runs `read` on the server's database (a SQLite file or PostgreSQL), then closes it. */
async function withDatabase<T>(read: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return await read(directory.db);
  } finally {
    await directory.close();
  }
}

/** The account with this email, as [{ id }], or [] when there is none. */
const userIdsFor = (email: string) => withDatabase((db) => db.selectFrom('user_account').select('id').where('email', '=', email).execute());

/** Invites someone as the admin and returns the link from the email they got. */
async function invite(fields: Record<string, string | string[]>): Promise<string> {
  const before = received.length;
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ action: 'invite', ...fields })) for (const one of [value].flat()) body.append(name, one);
  body.set('csrf', admin.csrf);
  const response = await fetch(server.url('/panel/users'), {
    method: 'POST',
    redirect: 'manual',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: admin.cookie },
  });
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((text) => text.slice(0, 200)),
  ).toBe(303);
  expect(response.headers.get('location')).toBe('/panel/users?done=invited');
  expect(received.length).toBe(before + 1);
  const message = received.at(-1)!;
  expect(message.to).toEqual([String(fields.email).toLowerCase()]);
  const link = /(http:\/\/\S+\/invite\/\S+)/.exec(message.body)?.[1];
  expect(link).toBeDefined();
  return link!;
}

function accept(link: string, fields: Record<string, string>): Promise<Response> {
  return fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
    body: new URLSearchParams(fields),
  });
}

beforeAll(async () => {
  smtp = await startSmtp();
  received = smtp.received;
  const smtpUrl = smtp.url;
  server = await startServer({
    fixtures: FIXTURES,
    users: [ADMIN, PANEL, LINK_WORKER, ORG_EDITOR],
    env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Directory <directory@example.org>', PUBLIC_URL: '' },
  });
  [admin, panel] = await Promise.all([signInAs(server, ADMIN), signInAs(server, PANEL)]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (smtp) await smtp?.close();
});

describe('invitations', () => {
  let link: string;

  it('emails an invitation whose link asks for a name and password', async () => {
    link = await invite({ email: 'Newcomer.Person@example.org', role: 'link_worker' });
    expect(link.startsWith(`${server.origin}/invite/`)).toBe(true);
    expect(received.at(-1)!.body).toContain('Ada Admin has invited you to join the community directory as: Link worker.');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('This invitation is for <strong>newcomer.person@example.org</strong>');
    // Listed as waiting on the people page.
    const people = await (await getAs(server, admin, '/panel/users?done=invited')).text();
    expect(people).toContain('The invitation was sent by email.');
    expect(people).toMatch(/<tr data-email="newcomer.person@example.org">[\s\S]*?Link worker/);
    expect(
      await withDatabase((db) => db.selectFrom('audit_event').select(['event', 'subject', 'detail']).where('event', '=', 'invited').orderBy('id').execute()),
    ).toEqual([{ event: 'invited', subject: 'newcomer.person@example.org', detail: 'link_worker' }]);
  });

  it('refuses weak passwords with the reason beside the field', async () => {
    const cases: [string, string][] = [
      ['password1234', 'That password is one of the most common ones'],
      ['short one', 'Your password needs at least 12 characters. It has 9.'],
      ['newcomer.person', 'Your password should not be your name or email address.'],
    ];
    for (const [password, message] of cases) {
      const response = await accept(link, { name: 'Nia Newcomer', password, confirm: password });
      expect(response.status, password).toBe(400);
      const html = await response.text();
      expect(html, password).toContain(message);
      expect(html, password).toContain('id="password-error"');
    }
    expect(await userIdsFor('newcomer.person@example.org')).toEqual([]);
  });

  it('accepts a good password and signs the person in with the role; the link then works no more', async () => {
    const response = await accept(link, { name: 'Nia Newcomer', password: 'a quiet river at dawn', confirm: 'a quiet river at dawn' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/panel');
    const cookie = sessionCookieFrom(response)!;
    expect(cookie).toBeTruthy();
    const start = await fetch(server.url('/panel'), { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('Signed in as Nia Newcomer <span class="panel-role">(Link worker)</span>');
    expect(await withDatabase((db) => db.selectFrom('user_account').select('role').where('email', '=', 'newcomer.person@example.org').execute())).toEqual([
      { role: 'link_worker' },
    ]);

    const again = await fetch(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This invitation has already been used.');
    const reused = await accept(link, { name: 'Someone Else', password: 'another long passphrase', confirm: 'another long passphrase' });
    expect(reused.status).toBe(410);
  });

  it('refuses a tampered link (404) and an expired one (410)', async () => {
    const tampered = link.replace(/.(?=$)/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await fetch(tampered)).status).toBe(404);

    const { path } = await withDatabase((db) =>
      createInvitation(db, {
        email: 'late@example.org',
        role: 'panel',
        invitedBy: null,
        now: new Date(Date.now() - 10 * 86_400_000),
      }),
    );
    const expired = await fetch(server.url(path));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This invitation has run out.');
    // Shown as run out, with a button to send a new link.
    const people = await (await getAs(server, admin, '/panel/users')).text();
    expect(people).toMatch(/data-email="late@example.org">[\s\S]*?Ran out on/);
  });

  it('sends a new link in place of an old one, and withdraws one', async () => {
    const [late] = await withDatabase((db) => db.selectFrom('invitation').select('id').where('email', '=', 'late@example.org').execute());
    const resent = await postAs(server, admin, '/panel/users', { action: 'resend', invitation: late!.id });
    expect(resent.headers.get('location')).toBe('/panel/users?done=resent#invitations');
    const newLink = /(http:\/\/\S+\/invite\/\S+)/.exec(received.at(-1)!.body)![1]!;
    expect(received.at(-1)!.to).toEqual(['late@example.org']);
    expect((await fetch(newLink)).status).toBe(200);
    expect(
      (await withDatabase((db) => db.selectFrom('invitation').select('revoked_at').where('id', '=', late!.id).execute())).map((row) => ({
        revoked: row.revoked_at !== null,
      })),
    ).toEqual([{ revoked: true }]);

    const [fresh] = await withDatabase((db) =>
      db.selectFrom('invitation').select('id').where('email', '=', 'late@example.org').where('revoked_at', 'is', null).execute(),
    );
    const withdrawn = await postAs(server, admin, '/panel/users', { action: 'revoke', invitation: fresh!.id });
    expect(withdrawn.headers.get('location')).toBe('/panel/users?done=revoked#invitations');
    const gone = await fetch(newLink);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This invitation was withdrawn.');
  });

  it('asks for organisations when inviting an org editor, gives them on accepting, and refuses someone with an account', async () => {
    const missing = await postAs(server, admin, '/panel/users', { action: 'invite', email: 'orgs@example.org', role: 'org_editor' });
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('Choose at least one organisation this person will look after.');
    expect(html).toContain('value="orgs@example.org"');

    const link = await invite({ email: 'orgs@example.org', role: 'org_editor', organisations: [WALKERS] });
    const accepted = await accept(link, { name: 'Olu Org', password: 'walking in the rain again', confirm: 'walking in the rain again' });
    expect(accepted.status).toBe(303);
    expect(
      await withDatabase((db) =>
        db
          .selectFrom('organization_editor')
          .innerJoin('user_account', 'user_account.id', 'organization_editor.user_id')
          .select('organization_editor.organization_id')
          .where('user_account.email', '=', 'orgs@example.org')
          .orderBy('organization_editor.organization_id')
          .execute(),
      ),
    ).toEqual([{ organization_id: WALKERS }]);

    const existing = await postAs(server, admin, '/panel/users', { action: 'invite', email: PANEL.email, role: 'admin' });
    expect(existing.status).toBe(400);
    expect(await existing.text()).toContain(`${PANEL.email} already has an account.`);
    const bad = await postAs(server, admin, '/panel/users', { action: 'invite', email: 'not an email', role: 'panel' });
    expect(await bad.text()).toContain('Enter an email address like name@example.org.');
  });
  it('a second invitation to the same person withdraws the first, and an accepted one cannot be sent again', async () => {
    const first = await invite({ email: 'twice@example.org', role: 'panel' });
    const second = await invite({ email: 'twice@example.org', role: 'panel' });
    expect((await accept(first, { name: 'Tam Twice', password: 'two invitations one person', confirm: 'two invitations one person' })).status).toBe(410);
    expect((await accept(second, { name: 'Tam Twice', password: 'two invitations one person', confirm: 'two invitations one person' })).status).toBe(303);
    expect(
      (
        await withDatabase((db) =>
          db
            .selectFrom('invitation')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('email', '=', 'twice@example.org')
            .where('used_at', 'is', null)
            .where('revoked_at', 'is', null)
            .execute(),
        )
      ).map((row) => ({ n: Number(row.n) })),
    ).toEqual([{ n: 0 }]);
    // Inviting them again is refused, with the reason beside the email box.
    const again = await postAs(server, admin, '/panel/users', { action: 'invite', email: 'twice@example.org', role: 'panel' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('twice@example.org already has an account. Change their role on the people page instead.');
  });
});

describe('people', () => {
  it('changes a role: logged, and that person is signed out', async () => {
    const linkWorker = await signInAs(server, LINK_WORKER);
    const [person] = await userIdsFor(LINK_WORKER.email);
    const response = await postAs(server, admin, '/panel/users', { action: 'role', user: person!.id, role: 'panel' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/panel/users?done=role#person-${person!.id}`);
    expect(await withDatabase((db) => db.selectFrom('user_account').select('role').where('id', '=', person!.id).execute())).toEqual([{ role: 'panel' }]);
    const [adminAccount] = await userIdsFor(ADMIN.email);
    expect(
      await withDatabase((db) =>
        db.selectFrom('audit_event').select(['actor_id', 'subject', 'detail']).where('event', '=', 'role_changed').orderBy('id').execute(),
      ),
    ).toEqual([{ actor_id: adminAccount!.id, subject: LINK_WORKER.email, detail: 'link_worker to panel' }]);
    const after = await getAs(server, linkWorker, '/panel');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/panel\/sign-in/);
    const page = await (await getAs(server, admin, '/panel/users?done=role')).text();
    expect(page).toContain('The role was changed. They will need to sign in again.');
  });

  it('disables an account (signed out, cannot sign in) and enables it again', async () => {
    const editor = await signInAs(server, ORG_EDITOR);
    const [person] = await userIdsFor(ORG_EDITOR.email);
    expect((await postAs(server, admin, '/panel/users', { action: 'disable', user: person!.id })).headers.get('location')).toBe(
      `/panel/users?done=disabled#person-${person!.id}`,
    );
    expect((await getAs(server, editor, '/panel')).status).toBe(303);
    await expect(signInAs(server, ORG_EDITOR)).rejects.toThrow(/gave 401/);
    expect(
      await withDatabase((db) =>
        db.selectFrom('audit_event').select('detail').where('event', '=', 'sign_in_failed').where('subject', '=', ORG_EDITOR.email).orderBy('id').execute(),
      ),
    ).toEqual([{ detail: 'account disabled' }]);
    await postAs(server, admin, '/panel/users', { action: 'enable', user: person!.id });
    await expect(signInAs(server, ORG_EDITOR)).resolves.toBeTruthy();
    expect(
      (
        await withDatabase((db) =>
          db.selectFrom('audit_event').select('event').where('subject', '=', ORG_EDITOR.email).where('event', 'like', 'user_%').orderBy('id').execute(),
        )
      ).map((row) => row.event),
    ).toEqual(['user_disabled', 'user_enabled']);
  });

  it('does not let an admin disable or demote themselves, and says so', async () => {
    const [me] = await userIdsFor(ADMIN.email);
    const disable = await postAs(server, admin, '/panel/users', { action: 'disable', user: me!.id });
    expect(disable.status).toBe(400);
    expect(await disable.text()).toContain('You cannot disable your own account. Ask another administrator to do it.');
    const demote = await postAs(server, admin, '/panel/users', { action: 'role', user: me!.id, role: 'link_worker' });
    expect(demote.status).toBe(400);
    expect(await demote.text()).toContain('You cannot change your own role.');
    expect(await withDatabase((db) => db.selectFrom('user_account').select(['role', 'disabled_at']).where('id', '=', me!.id).execute())).toEqual([
      { role: 'admin', disabled_at: null },
    ]);
  });

  it('is for admins only, and needs the form token', async () => {
    expect((await getAs(server, panel, '/panel/users')).status).toBe(403);
    expect((await postAs(server, admin, '/panel/users', { action: 'invite', email: 'x@example.org', role: 'panel' }, null)).status).toBe(403);
  });
});

describe('organisations', () => {
  const trustedOrganisations = () => withDatabase((db) => db.selectFrom('trusted_organization').select('organization_id').orderBy('organization_id').execute());

  it('trusts and stops trusting an organisation, each logged', async () => {
    const trust = await postAs(server, panel, '/panel/organisations', { action: 'trust', organisation: WALKERS, q: 'walk', page: '1' });
    expect(trust.status).toBe(303);
    expect(trust.headers.get('location')).toBe(`/panel/organisations?q=walk&done=trusted&organisation=${WALKERS}#organisation-${WALKERS}`);
    expect(await trustedOrganisations()).toEqual([{ organization_id: WALKERS }]);
    const html = await (await getAs(server, panel, trust.headers.get('location')!)).text();
    expect(html).toContain(`${WALKERS_NAME} is now trusted`);
    expect(html).toContain('1 organisation with "walk" in the name.');
    expect(html).not.toContain('admin-pantry-people trust');
    expect(html).toMatch(/data-trusted="yes"/);

    await postAs(server, panel, '/panel/organisations', { action: 'untrust', organisation: WALKERS });
    expect(await trustedOrganisations()).toEqual([]);
    expect(
      (await withDatabase((db) => db.selectFrom('audit_event').select('event').where('event', 'like', 'organisation_%').orderBy('id').execute())).map(
        (row) => row.event,
      ),
    ).toEqual(['organisation_trusted', 'organisation_untrusted']);
  });

  it('adds and removes an editor, only someone with the editor role', async () => {
    const [editor] = await userIdsFor(ORG_EDITOR.email);
    const added = await postAs(server, panel, '/panel/organisations', { action: 'add-editor', organisation: WALKERS, user: editor!.id });
    expect(added.status).toBe(303);
    expect(
      await withDatabase((db) => db.selectFrom('organization_editor').select('user_id').where('organization_id', '=', WALKERS).orderBy('user_id').execute()),
    ).toContainEqual({ user_id: editor!.id });
    const html = await (await getAs(server, panel, '/panel/organisations?q=walkers')).text();
    expect(html).toContain(`Remove<span class="visually-hidden"> ${ORG_EDITOR.email} as an editor of ${WALKERS_NAME}</span>`);

    await postAs(server, panel, '/panel/organisations', { action: 'remove-editor', organisation: WALKERS, user: editor!.id });
    expect(await withDatabase((db) => db.selectFrom('organization_editor').select('user_id').where('user_id', '=', editor!.id).execute())).toEqual([]);
    expect(
      await withDatabase((db) =>
        db.selectFrom('audit_event').select(['event', 'subject', 'detail']).where('event', 'like', 'editor_%').orderBy('id').execute(),
      ),
    ).toEqual([
      { event: 'editor_added', subject: ORG_EDITOR.email, detail: WALKERS_NAME },
      { event: 'editor_removed', subject: ORG_EDITOR.email, detail: WALKERS_NAME },
    ]);

    const [admins] = await userIdsFor(ADMIN.email);
    const refused = await postAs(server, panel, '/panel/organisations', { action: 'add-editor', organisation: WALKERS, user: admins!.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`${ADMIN.email} is not an organisation editor. Change their role on the people page first.`);
  });

  it('is not for link workers or org editors', async () => {
    const editor = await signInAs(server, ORG_EDITOR);
    expect((await getAs(server, editor, '/panel/organisations')).status).toBe(403);
    expect((await getAs(server, editor, '/panel/settings')).status).toBe(403);
  });
});

describe('settings and the audit log', () => {
  it('shows the lay words and the freshness settings in words, and where they live', async () => {
    const response = await getAs(server, panel, '/panel/settings');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('content/taxonomy/categories.json');
    expect(html).toContain('content/freshness/settings.json');
    expect(html).toMatch(/<tr data-category="money-benefits-debt">[\s\S]*?skint, broke[\s\S]*?6 months/);
    expect(html).toContain('Each listing should be checked every <strong>6 months</strong>');
    expect(html).toContain('Food banks: every <strong>3 months</strong>');
    expect(html).toContain('Funding that ends within <strong>60 days</strong>');
  });

  it('lists the log newest first in plain words, filters it, and is for admins only', async () => {
    const html = await (await getAs(server, admin, '/panel/audit')).text();
    expect(html).toContain('Role changed: Link worker to Community panel member');
    expect(html).toContain('Invited as Link worker');
    expect(html).toContain('<th scope="row">Organisation trusted to publish</th>');
    const rows = [...html.matchAll(/<tr data-event="([a-z_]+)">/g)].map((match) => match[1]);
    expect(rows[0]).toBe('sign_in'); // the org editor's last sign-in is the newest
    const failed = await (await getAs(server, admin, '/panel/audit?event=sign_in_failed')).text();
    const failedRows = [...failed.matchAll(/<tr data-event="([a-z_]+)">/g)].map((match) => match[1]);
    expect(failedRows.length).toBeGreaterThan(0);
    expect(new Set(failedRows)).toEqual(new Set(['sign_in_failed']));
    expect(failed).toContain('Failed sign-in (account disabled)');
    expect((await getAs(server, panel, '/panel/audit')).status).toBe(403);
    expect((await getAs(server, panel, '/panel/audit.csv')).status).toBe(403);
  });

  it('downloads the log as CSV, safe to open in a spreadsheet', async () => {
    // A failed sign-in with an email a spreadsheet would take for a formula.
    await fetch(server.url('/panel/sign-in'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
      body: new URLSearchParams({ email: '=HYPERLINK("http://evil.example")@example.org', password: 'wrong password here' }),
    });
    const response = await getAs(server, admin, '/panel/audit.csv?event=sign_in_failed');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('at,event,what_happened,done_by,about,detail');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[^,]+,sign_in_failed,Failed sign-in,,"'=hyperlink\(""http:\/\/evil.example""\)@example.org",$/);
    expect(
      lines
        .filter(Boolean)
        .slice(1)
        .every((line) => line.includes(',sign_in_failed,')),
    ).toBe(true);
    const all = await (await getAs(server, admin, '/panel/audit.csv')).text();
    expect(all).toContain(
      ',role_changed,Role changed: Link worker to Community panel member,Ada Admin (admin@example.org),linkworker@example.org,link_worker to panel',
    );
  });
});
