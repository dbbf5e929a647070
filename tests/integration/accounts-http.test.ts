// Signing in and out over HTTP against the built server: the form, wrong answers, cross-site
// posts, the session cookie's flags, a new session at each sign-in, sign-out ending the session on
// the server, form tokens on every signed-in post, throttling, and invitations by link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/lib/admin/invitations';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import { startServer, type RunningServer } from '../fixtures/server';
import { ADMIN, LINK_WORKER, PANEL, PASSWORD, csrfIn, getAs, postAs, sessionCookieFrom, signInAs } from '../fixtures/accounts';
import { service } from '../fixtures/services';

const FORGETFUL = { email: 'forgetful@example.org', role: 'link_worker' as const, password: PASSWORD, name: 'Fran' };
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ fixtures: [service({ code: 'accounts-http', name: 'Accounts Walking Group' })], users: [ADMIN, PANEL, LINK_WORKER, FORGETFUL] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function signIn(email: string, password: string, headers: Record<string, string> = {}, next?: string): Promise<Response> {
  return fetch(server.url(`/panel/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, 'X-Forwarded-For': '203.0.113.9', ...headers },
    body: new URLSearchParams({ email, password }),
  });
}

const auditEvents = async () => {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return await directory.db.selectFrom('audit_event').select(['event', 'subject']).orderBy('id').execute();
  } finally {
    await directory.close();
  }
};

describe('signing in over HTTP', () => {
  it('shows the form, not indexed and not cached', async () => {
    const response = await fetch(server.url('/panel/sign-in'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<label for="sign-in-email">Email address</label>');
    expect(html).toContain('autocomplete="current-password"');
  });

  it('sends someone not signed in to sign in, and back where they were going', async () => {
    const response = await getAs(server, null, '/panel/freshness?x=1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/panel/sign-in?next=%2Fpanel%2Ffreshness%3Fx%3D1');
    const signedIn = await signIn(PANEL.email, PASSWORD, {}, '/panel/freshness?x=1');
    expect(signedIn.headers.get('location')).toBe('/panel/freshness?x=1');
    // Never somewhere else.
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example', '/.//evil.example', '/€']) {
      expect((await signIn(PANEL.email, PASSWORD, {}, next)).headers.get('location'), next).toBe('/panel');
    }
  });

  it('refuses a wrong password with a plain message, no cookie, and a log entry', async () => {
    const response = await signIn(PANEL.email, 'not the password at all');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.text()).toContain('do not match an account');
    expect(await auditEvents()).toContainEqual({ event: 'sign_in_failed', subject: PANEL.email });
  });

  it('refuses a sign-in posted from another site (403)', async () => {
    const response = await signIn(PANEL.email, PASSWORD, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the site, Secure over https', async () => {
    const response = await signIn(PANEL.email, PASSWORD);
    expect(response.status).toBe(303);
    const parts = response.headers
      .getSetCookie()[0]!
      .split(';')
      .map((part) => part.trim().toLowerCase());
    expect(parts[0]).toMatch(/^session=[\w-]{43}$/);
    expect(parts).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=43200']));
    expect(parts).not.toContain('secure'); // plain http, and not production
    const https = await fetch(server.url('/panel/sign-in'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin.replace('http:', 'https:'), 'X-Forwarded-Proto': 'https' },
      body: new URLSearchParams({ email: PANEL.email, password: PASSWORD }),
    });
    // TRUST_PROXY is not set here, so X-Forwarded-Proto is not believed: an https Origin on http is cross-site.
    expect([303, 403]).toContain(https.status);
  });

  it('makes a new session at every sign-in: the old cookie stops working', async () => {
    const first = await signInAs(server, PANEL);
    const again = await fetch(server.url('/panel/sign-in'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: first.cookie },
      body: new URLSearchParams({ email: PANEL.email, password: PASSWORD }),
    });
    const second = sessionCookieFrom(again)!;
    expect(second).not.toBe(first.cookie);
    expect((await getAs(server, first, '/panel')).status).toBe(303);
    expect((await getAs(server, { cookie: second, csrf: '' }, '/panel')).status).toBe(200);
  });

  it('signs out only with the form token, and ends the session on the server', async () => {
    const who = await signInAs(server, LINK_WORKER);
    expect((await postAs(server, who, '/panel/sign-out', {}, null)).status).toBe(403);
    expect((await postAs(server, who, '/panel/sign-out', {}, 'wrong-token')).status).toBe(403);
    expect((await getAs(server, who, '/panel')).status).toBe(200); // still signed in
    const out = await postAs(server, who, '/panel/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^session=;/);
    // The old cookie, kept by an attacker, is worth nothing now.
    expect((await getAs(server, who, '/panel')).status).toBe(303);
    expect((await postAs(server, who, '/panel/sign-out', {})).status).toBe(401);
  });

  it('gives each session its own form token', async () => {
    const one = await signInAs(server, ADMIN);
    const two = await signInAs(server, PANEL);
    expect(one.csrf).not.toBe(two.csrf);
    expect((await postAs(server, one, '/panel/sign-out', {}, two.csrf)).status).toBe(403);
    const page = await getAs(server, one, '/panel');
    expect(csrfIn(await page.text())).toBe(one.csrf);
  });
});

describe('invitations over HTTP', () => {
  async function invite(email: string, days = 7): Promise<string> {
    const directory = openDirectoryDatabase(server.databasePath);
    try {
      return (await createInvitation(directory.db, { email, role: 'link_worker', invitedBy: null, days })).path;
    } finally {
      await directory.close();
    }
  }

  it('shows the form, refuses a weak password beside the field, then makes the account and signs in', async () => {
    const path = await invite('lee@example.org');
    const page = await fetch(server.url(path));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lee@example.org');
    const post = (fields: Record<string, string>) =>
      fetch(server.url(path), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
        body: new URLSearchParams(fields),
      });
    const weak = await post({ name: 'Lee', password: 'password1234', confirm: 'password1234' });
    expect(weak.status).toBe(400);
    const html = await weak.text();
    expect(html).toMatch(/<p class="field-error" id="password-error">That password is one of the most common ones/);
    expect(html).toContain('aria-invalid="true"');
    const mismatch = await post({ name: 'Lee', password: PASSWORD, confirm: `${PASSWORD}!` });
    expect(await mismatch.text()).toContain('The two passwords are not the same');
    const good = await post({ name: 'Lee', password: PASSWORD, confirm: PASSWORD });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/panel');
    const cookie = sessionCookieFrom(good)!;
    const start = await getAs(server, { cookie, csrf: '' }, '/panel');
    expect(await start.text()).toContain('Link worker');
    // Used: refused now, with a way on.
    const reused = await fetch(server.url(path));
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain('already been used');
    expect((await post({ name: 'Lee', password: PASSWORD, confirm: PASSWORD })).status).toBe(410);
  });

  it('refuses an acceptance posted from another site (403), and the invitation still works', async () => {
    const path = await invite('crosssite@example.org');
    const forged = await fetch(server.url(path), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ name: 'Mallory', password: PASSWORD, confirm: PASSWORD }),
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie()).toEqual([]);
    expect((await fetch(server.url(path))).status).toBe(200);
  });

  it('refuses an expired or altered link', async () => {
    const expired = await invite('old@example.org', -1);
    expect((await fetch(server.url(expired))).status).toBe(410);
    const path = await invite('alt@example.org');
    const altered = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    const response = await fetch(server.url(altered));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('not complete');
  });
});

describe('a forgotten password', () => {
  it('an administrator sends a link; the person chooses a new password and the old one stops working', async () => {
    const admin = await signInAs(server, ADMIN);
    const users = await (await getAs(server, admin, '/panel/users')).text();
    const userId = new RegExp(`<tr id="person-([^"]+)" data-email="${FORGETFUL.email}"`).exec(users)![1]!;
    const sent = await postAs(server, admin, '/panel/users', { action: 'reset', user: userId });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('done=reset-not-sent'); // no SMTP here: it waits in the outbox
    const directory = openDirectoryDatabase(server.databasePath);
    let body: string;
    try {
      body = (
        await directory.db
          .selectFrom('outbox_message')
          .select('body')
          .where('purpose', '=', 'password_reset')
          .where('to_address', '=', FORGETFUL.email)
          .executeTakeFirstOrThrow()
      ).body;
    } finally {
      await directory.close();
    }
    const path = new URL(/http\S+\/invite\/\S+/.exec(body)![0]).pathname;
    const page = await (await fetch(server.url(path))).text();
    expect(page).toContain('<h1>Choose a new password</h1>');
    const chosen = await fetch(server.url(path), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
      body: new URLSearchParams({ name: 'Fran', password: 'a brand new passphrase here', confirm: 'a brand new passphrase here' }),
    });
    expect(chosen.status).toBe(303);
    expect((await signIn(FORGETFUL.email, PASSWORD, { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(401);
    expect((await signIn(FORGETFUL.email, 'a brand new passphrase here', { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(303);
    // Only an administrator can send one.
    const panel = await signInAs(server, PANEL);
    expect((await postAs(server, panel, '/panel/users', { action: 'reset', user: userId })).status).toBe(403);
  });
});

// Last: it uses up this address's failed sign-ins for the rest of the window.
describe('throttling', () => {
  it('throttles sign-in from one address with 429 and Retry-After', async () => {
    let response: Response | undefined;
    for (let i = 0; i < 25; i++) {
      response = await signIn(`nobody${i}@example.org`, 'guessing guessing', { 'X-Forwarded-For': '' });
      if (response.status === 429) break;
    }
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response!.text()).toContain('too many tries');
    const right = await signIn(ADMIN.email, PASSWORD, { 'X-Forwarded-For': '' });
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
  });
});
