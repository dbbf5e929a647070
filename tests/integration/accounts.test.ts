// Accounts on a real scratch SQLite file: sessions (made at sign-in, a new one each time, ended at
// sign-out, after idle time and after the absolute limit, and when disabled or the role changes),
// invitations (valid, expired, reused, tampered, revoked, racing), sign-in throttling (per address
// and account pair, per address, delays per account, and nobody locked out by a stranger), and the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABSOLUTE_HOURS, IDLE_MINUTES, createSession, csrfTokenMatches, endSession, readSession } from '../../src/lib/accounts/sessions';
import {
  acceptInvitation,
  AlreadyHasAccountError,
  createInvitation,
  createPasswordReset,
  InvitationUsedError,
  revokeInvitation,
  verifyInvitation,
} from '../../src/lib/admin/invitations';
import { MAX_ACCOUNT_DELAY_MS, SIGN_IN_LIMITS, accountDelayMs, signIn } from '../../src/lib/accounts/sign-in';
import { changeRole, createUser, editAccess, setDisabled } from '../../src/lib/accounts/users';
import { hashPassword } from '../../src/lib/accounts/passwords';
import { can, ROLES, type Permission } from '../../src/lib/accounts/roles';
import { scratchDirectory } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
beforeEach(async () => {
  scratch = await scratchDirectory();
});
afterEach(async () => {
  await scratch.cleanup();
});

const db = () => scratch.directory.db;
const T0 = new Date('2026-11-22T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PASSWORD = 'correct horse battery staple';

async function person(role: 'admin' | 'panel' | 'org_editor' | 'link_worker' = 'panel', email = `${role}@example.org`) {
  return createUser(db(), { email, role, name: role, passwordHash: await hashPassword(PASSWORD) }, T0);
}
const events = async () => await db().selectFrom('audit_event').select(['event', 'subject', 'detail']).orderBy('id').execute();

describe('sessions', () => {
  it('stores only a hash of the cookie, and knows the user and a form token', async () => {
    const user = await person();
    const value = await createSession(db(), user.id, T0);
    expect(value).toMatch(/^[\w-]{43}$/);
    const stored = await db().selectFrom('user_session').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toBe(value);
    const session = (await readSession(db(), value, later(1)))!;
    expect(session.user).toEqual({ id: user.id, email: 'panel@example.org', name: 'panel', role: 'panel' });
    expect(csrfTokenMatches(session, session.csrfToken)).toBe(true);
    expect(csrfTokenMatches(session, `${session.csrfToken.slice(0, -1)}x`)).toBe(false);
    expect(csrfTokenMatches(session, '')).toBe(false);
    expect(csrfTokenMatches(session, null)).toBe(false);
    expect(await readSession(db(), 'not-a-session', T0)).toBeNull();
    expect(await readSession(db(), undefined, T0)).toBeNull();
  });

  it('ends after idle time, counting from the last request', async () => {
    const user = await person();
    const value = await createSession(db(), user.id, T0);
    expect(await readSession(db(), value, later(IDLE_MINUTES - 1))).not.toBeNull(); // touches last_seen_at
    expect(await readSession(db(), value, later(2 * IDLE_MINUTES - 2))).not.toBeNull();
    expect(await readSession(db(), value, later(3 * IDLE_MINUTES))).toBeNull();
    expect(await db().selectFrom('user_session').selectAll().execute()).toEqual([]); // and is deleted
  });

  it('ends after the absolute limit, however busy', async () => {
    const user = await person();
    const value = await createSession(db(), user.id, T0);
    let minutes = 0;
    while (minutes < ABSOLUTE_HOURS * 60 - 20) {
      minutes += 20;
      expect(await readSession(db(), value, later(minutes)), `at ${minutes} minutes`).not.toBeNull();
    }
    expect(await readSession(db(), value, later(ABSOLUTE_HOURS * 60))).toBeNull();
  });

  it('makes a new session at each sign-in, ending the one the browser had', async () => {
    const user = await person();
    const first = await createSession(db(), user.id, T0);
    const second = await createSession(db(), user.id, later(1), first);
    expect(second).not.toBe(first);
    expect(await readSession(db(), first, later(2))).toBeNull();
    expect(await readSession(db(), second, later(2))).not.toBeNull();
    await endSession(db(), second);
    expect(await readSession(db(), second, later(3))).toBeNull();
  });

  it('ends every session of someone disabled or whose role changes, and logs it', async () => {
    const admin = await person('admin');
    const user = await person('panel');
    const one = await createSession(db(), user.id, T0);
    await changeRole(db(), user.id, 'link_worker', admin.id, later(1));
    expect(await readSession(db(), one, later(2))).toBeNull();
    const two = await createSession(db(), user.id, later(3));
    expect((await readSession(db(), two, later(4)))!.user.role).toBe('link_worker');
    await setDisabled(db(), user.id, true, admin.id, later(5));
    expect(await readSession(db(), two, later(6))).toBeNull();
    expect(await events()).toEqual([
      { event: 'role_changed', subject: 'panel@example.org', detail: 'panel to link_worker' },
      { event: 'user_disabled', subject: 'panel@example.org', detail: null },
    ]);
  });
});

describe('signing in', () => {
  it('signs in with the right password only, and logs both', async () => {
    await person('panel', 'Pat@Example.org');
    expect(await signIn(db(), { email: 'pat@example.org', password: 'wrong password here', address: '10.0.0.1', now: T0 })).toEqual({
      ok: false,
      reason: 'wrong',
    });
    expect(await signIn(db(), { email: 'nobody@example.org', password: PASSWORD, address: '10.0.0.1', now: T0 })).toEqual({ ok: false, reason: 'wrong' });
    const result = await signIn(db(), { email: '  PAT@example.org ', password: PASSWORD, address: '10.0.0.1', now: T0 });
    expect(result).toMatchObject({ ok: true });
    expect((await events()).map((e) => [e.event, e.subject])).toEqual([
      ['sign_in_failed', 'pat@example.org'],
      ['sign_in_failed', 'nobody@example.org'],
      ['sign_in', 'pat@example.org'],
    ]);
  });

  it('refuses a disabled account even with the right password', async () => {
    const admin = await person('admin');
    const user = await person('panel');
    await setDisabled(db(), user.id, true, admin.id, T0);
    expect(await signIn(db(), { email: user.email, password: PASSWORD, address: '10.0.0.2', now: T0 })).toEqual({ ok: false, reason: 'wrong' });
  });

  it('slows guesses at one account from many addresses, but still lets the right password in', async () => {
    await person();
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
    };
    for (let i = 0; i < 8; i++) {
      expect(await signIn(db(), { email: 'panel@example.org', password: `guess number ${i}!`, address: `10.1.0.${i}`, now: T0, wait })).toEqual({
        ok: false,
        reason: 'wrong',
      });
    }
    expect(waits).toEqual([accountDelayMs(6), accountDelayMs(7), accountDelayMs(8)]);
    expect(waits[2]!).toBeGreaterThan(waits[0]!);
    // The owner from a new address: a wait, never a refusal.
    const owner = await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.1.1.1', now: T0, wait });
    expect(owner.ok).toBe(true);
    expect(waits.at(-1)).toBe(accountDelayMs(9));
    expect(accountDelayMs(1000)).toBe(MAX_ACCOUNT_DELAY_MS);
  });

  it('refuses one address guessing at one account, and only that address', async () => {
    await person();
    const wait = async () => {};
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
      expect((await signIn(db(), { email: 'panel@example.org', password: `guess number ${i}!`, address: '10.3.0.1', now: T0, wait })).ok).toBe(false);
    }
    const refused = await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.3.0.1', now: T0, wait });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.3.0.2', now: T0, wait })).ok).toBe(true);
    expect((await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.3.0.1', now: later(16), wait })).ok).toBe(true);
  });

  it('checks at most the allowed number of passwords from one address when many tries arrive at once, and logs the throttling once', async () => {
    await person();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(db(), { email: 'panel@example.org', password: `guess number ${i}!`, address: '10.4.0.1', now: T0, wait: async () => {} }),
      ),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'wrong')).toHaveLength(SIGN_IN_LIMITS.perPair);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(30 - SIGN_IN_LIMITS.perPair);
    expect((await events()).filter((e) => e.event === 'sign_in_throttled')).toHaveLength(1);
  });

  it('never lets one address keep two people out', async () => {
    await person('panel');
    await person('link_worker');
    const wait = async () => {};
    // Round after round of wrong passwords for both accounts from one address...
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 10; i++) {
        for (const email of ['panel@example.org', 'link_worker@example.org']) {
          await signIn(db(), { email, password: `wrong ${round} ${i}!`, address: '10.6.0.1', now: later(round * 16), wait });
        }
      }
      // ...and both owners still get in from their own addresses, in every window.
      expect((await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.6.1.1', now: later(round * 16 + 1), wait })).ok).toBe(true);
      expect((await signIn(db(), { email: 'link_worker@example.org', password: PASSWORD, address: '10.6.1.2', now: later(round * 16 + 1), wait })).ok).toBe(
        true,
      );
    }
  });

  it('does not count a right password against the limit, and keeps out of the log what is not an email address', async () => {
    await person();
    for (let i = 0; i < SIGN_IN_LIMITS.perPair + 2; i++) {
      expect((await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.5.0.1', now: T0 })).ok).toBe(true);
    }
    await signIn(db(), { email: 'my secret password', password: 'x', address: '10.5.0.2', now: T0 });
    expect((await events()).at(-1)).toEqual({ event: 'sign_in_failed', subject: '(not an email address)', detail: null });
  });

  it('throttles one address trying many accounts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await signIn(db(), { email: `someone${i}@example.org`, password: 'guessing again!', address: '10.2.0.1', now: T0 });
    }
    await person();
    expect(await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.2.0.1', now: T0 })).toMatchObject({ reason: 'throttled' });
    expect((await signIn(db(), { email: 'panel@example.org', password: PASSWORD, address: '10.2.0.2', now: T0 })).ok).toBe(true);
    expect((await events()).filter((e) => e.event === 'sign_in_throttled')).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('accepts a valid invitation once, making the account with its role and organisations', async () => {
    const admin = await person('admin');
    await db()
      .insertInto('organization')
      .values({ id: 'org-1', name: 'Riverside Trust', record_hash: null } as never)
      .execute();
    const { path } = await createInvitation(db(), { email: 'New@Example.org', role: 'org_editor', organizationIds: ['org-1'], invitedBy: admin.id, now: T0 });
    const token = path.replace('/invite/', '');
    const verdict = await verifyInvitation(db(), token, later(60));
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(verdict.invitation).toMatchObject({ email: 'new@example.org', role: 'org_editor' });
    const userId = await acceptInvitation(db(), verdict.invitation, { name: 'Nia New', password: PASSWORD }, later(61));
    const user = await db().selectFrom('user_account').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'new@example.org', role: 'org_editor', name: 'Nia New', disabled_at: null });
    expect(await db().selectFrom('organization_editor').select('organization_id').where('user_id', '=', userId).execute()).toEqual([
      { organization_id: 'org-1' },
    ]);
    // Reused: refused by the check and by the write.
    expect(await verifyInvitation(db(), token, later(62))).toEqual({ ok: false, reason: 'used' });
    await expect(acceptInvitation(db(), verdict.invitation, { name: 'Again', password: PASSWORD }, later(63))).rejects.toBeInstanceOf(InvitationUsedError);
    expect((await events()).map((e) => e.event)).toEqual(['invited', 'invitation_accepted']);
  });

  it('refuses expired, tampered, malformed, unknown and revoked links', async () => {
    const admin = await person('admin');
    const { path, row } = await createInvitation(db(), { email: 'late@example.org', role: 'panel', invitedBy: admin.id, now: T0, days: 7 });
    const token = path.replace('/invite/', '');
    expect((await verifyInvitation(db(), token, later(7 * 24 * 60 - 1))).ok).toBe(true);
    expect(await verifyInvitation(db(), token, later(7 * 24 * 60))).toEqual({ ok: false, reason: 'expired' });
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    // A later expiry with the old signature, a changed signature, a changed id.
    expect(await verifyInvitation(db(), `${id}.${Number(expiry) + 86_400}.${signature}`, T0)).toEqual({ ok: false, reason: 'tampered' });
    expect(await verifyInvitation(db(), `${id}.${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, T0)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await verifyInvitation(db(), `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${expiry}.${signature}`, T0)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await verifyInvitation(db(), 'not-a-token', T0)).toEqual({ ok: false, reason: 'malformed' });
    await revokeInvitation(db(), row.id, admin.id, later(1));
    expect(await verifyInvitation(db(), token, later(2))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('lets only one of two racing acceptances through', async () => {
    const admin = await person('admin');
    const { path } = await createInvitation(db(), { email: 'race@example.org', role: 'link_worker', invitedBy: admin.id, now: T0 });
    const verdict = await verifyInvitation(db(), path.replace('/invite/', ''), later(1));
    if (!verdict.ok) throw new Error(verdict.reason);
    const results = await Promise.allSettled([
      acceptInvitation(db(), verdict.invitation, { name: 'One', password: PASSWORD }, later(2)),
      acceptInvitation(db(), verdict.invitation, { name: 'Two', password: PASSWORD }, later(2)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().selectFrom('user_account').select('email').where('email', '=', 'race@example.org').execute()).toHaveLength(1);
  });

  it('lets someone with an account choose a new password once, ending their sessions; only the newest link works', async () => {
    const admin = await person('admin');
    const user = await person('panel');
    const session = await createSession(db(), user.id, T0);
    const older = await createPasswordReset(db(), { userId: user.id, requestedBy: admin.id, now: T0 });
    const { row, path } = await createPasswordReset(db(), { userId: user.id, requestedBy: admin.id, now: later(1) });
    expect(row).toMatchObject({ purpose: 'reset', email: 'panel@example.org', role: 'panel' });
    expect(await verifyInvitation(db(), older.path.replace('/invite/', ''), later(2))).toEqual({ ok: false, reason: 'revoked' });
    const verdict = await verifyInvitation(db(), path.replace('/invite/', ''), later(2));
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(await verifyInvitation(db(), path.replace('/invite/', ''), later(2 * 24 * 60 + 1))).toEqual({ ok: false, reason: 'expired' });
    const id = await acceptInvitation(db(), verdict.invitation, { name: '', password: 'a brand new passphrase here' }, later(3));
    expect(id).toBe(user.id);
    expect(await readSession(db(), session, later(4))).toBeNull();
    expect((await signIn(db(), { email: user.email, password: PASSWORD, address: '10.3.0.1', now: later(5) })).ok).toBe(false);
    expect((await signIn(db(), { email: user.email, password: 'a brand new passphrase here', address: '10.3.0.1', now: later(5) })).ok).toBe(true);
    const account = await db().selectFrom('user_account').select(['name', 'role']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(account).toEqual({ name: 'panel', role: 'panel' }); // kept: a reset changes only the password
    await expect(acceptInvitation(db(), verdict.invitation, { name: '', password: 'another new passphrase' }, later(6))).rejects.toBeInstanceOf(
      InvitationUsedError,
    );
    expect((await events()).map((e) => e.event)).toEqual(expect.arrayContaining(['password_reset_sent', 'password_reset']));
  });

  it('lets only the newest invitation to a person work', async () => {
    const admin = await person('admin');
    const first = await createInvitation(db(), { email: 'twice@example.org', role: 'admin', invitedBy: admin.id, now: T0 });
    const second = await createInvitation(db(), { email: 'twice@example.org', role: 'link_worker', invitedBy: admin.id, now: later(1) });
    expect(await verifyInvitation(db(), first.path.replace('/invite/', ''), later(2))).toEqual({ ok: false, reason: 'revoked' });
    expect((await verifyInvitation(db(), second.path.replace('/invite/', ''), later(2))).ok).toBe(true);
  });

  it('will not invite someone who already has an account', async () => {
    const admin = await person('admin');
    await expect(createInvitation(db(), { email: 'ADMIN@example.org', role: 'panel', invitedBy: admin.id })).rejects.toBeInstanceOf(AlreadyHasAccountError);
  });
});

describe('roles', () => {
  it('gives each role exactly its permissions', () => {
    const table: Record<Permission, string> = {
      'panel:home': 'admin panel org_editor link_worker',
      'freshness:view': 'admin panel',
      'queue:review': 'admin panel',
      'service:edit-any': 'admin panel',
      'service:edit-own': 'admin panel org_editor',
      'service:suggest': 'admin panel org_editor link_worker',
      'history:view': 'admin panel org_editor',
      'notes:read': 'admin panel link_worker',
      'notes:write': 'admin panel link_worker',
      'users:manage': 'admin',
      'organisations:manage': 'admin panel',
      'settings:view': 'admin panel',
      'audit:view': 'admin',
      'referrals:record': 'admin panel link_worker',
      'reports:view': 'admin panel',
      'gaps:manage': 'admin panel',
      'key-services:manage': 'admin panel',
      'taxonomy:manage': 'admin panel',
    };
    for (const [permission, roles] of Object.entries(table)) {
      expect(ROLES.filter((role) => can(role, permission as Permission)).join(' '), permission).toBe(roles);
    }
    expect(can(null, 'panel:home')).toBe(false);
  });

  it('lets an org editor publish only for a trusted organisation of their own', async () => {
    await db()
      .insertInto('organization')
      .values([
        { id: 'own', name: 'Own', record_hash: null },
        { id: 'other', name: 'Other', record_hash: null },
      ] as never)
      .execute();
    const editor = await person('org_editor');
    await db().insertInto('organization_editor').values({ user_id: editor.id, organization_id: 'own', added_at: T0.toISOString(), added_by: null }).execute();
    const asSession = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
    expect(await editAccess(db(), asSession, 'own')).toBe('suggest');
    expect(await editAccess(db(), asSession, 'other')).toBeNull();
    await db().insertInto('trusted_organization').values({ organization_id: 'own', trusted_at: T0.toISOString(), trusted_by: 'test' }).execute();
    expect(await editAccess(db(), asSession, 'own')).toBe('publish');
    expect(await editAccess(db(), { ...asSession, role: 'panel' }, 'other')).toBe('publish');
    expect(await editAccess(db(), { ...asSession, role: 'link_worker' }, 'own')).toBeNull();
    expect(await editAccess(db(), null, 'own')).toBeNull();
  });
});
