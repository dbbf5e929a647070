// Sessions kept in the database (user_session), so several app servers share them. The cookie
// holds 32 random bytes; the table holds only their SHA-256. A session ends at sign-out, after
// IDLE_MINUTES without a request, or ABSOLUTE_HOURS after sign-in, whichever comes first. A new
// session is made at every sign-in (the old one, if any, is ended), so a session id planted
// before sign-in is worth nothing after it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AstroCookies } from 'astro';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, Role, UserAccountRow } from '../db/types';
import { appConfig, type Config } from '../config';

export const SESSION_COOKIE = 'session';
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often, so a page view is not always a write. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActiveSession {
  user: SessionUser;
  /** The hash that names the session in the table. */
  idHash: string;
  /** The token every form posted in this session must carry (field "csrf"). */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

const hashOf = (value: string) => createHash('sha256').update(value).digest('base64url');

function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('csrf').digest('base64url');
}

/** Is `given` this session's form token? In constant time. */
export function csrfTokenMatches(session: ActiveSession, given: string | null | undefined): boolean {
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function idleCutoff(now: Date): string {
  return new Date(now.getTime() - IDLE_MINUTES * 60_000).toISOString();
}

/** Makes a new session for the user, ending `replacing` (the session this browser had) if any. Returns the cookie value. */
export async function createSession(db: Kysely<DatabaseSchema>, userId: string, now = new Date(), replacing?: string): Promise<string> {
  const value = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    if (replacing) await trx.deleteFrom('user_session').where('id_hash', '=', hashOf(replacing)).execute();
    await trx
      .insertInto('user_session')
      .values({
        id_hash: hashOf(value),
        user_id: userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ABSOLUTE_HOURS * 3_600_000).toISOString(),
        csrf_secret: randomBytes(32).toString('base64url'),
      })
      .execute();
    await trx.updateTable('user_account').set({ last_sign_in_at: now.toISOString() }).where('id', '=', userId).execute();
  });
  return value;
}

/** The session a cookie value names, if it is still live and its user is not disabled; touches last_seen_at. */
export async function readSession(db: Kysely<DatabaseSchema>, value: string | undefined, now = new Date()): Promise<ActiveSession | null> {
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const idHash = hashOf(value);
  const row = await db
    .selectFrom('user_session')
    .innerJoin('user_account', 'user_account.id', 'user_session.user_id')
    .select([
      'user_session.id_hash',
      'user_session.created_at',
      'user_session.last_seen_at',
      'user_session.expires_at',
      'user_session.csrf_secret',
      'user_account.id',
      'user_account.email',
      'user_account.name',
      'user_account.role',
      'user_account.disabled_at',
    ])
    .where('user_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  if (row.disabled_at || row.expires_at <= now.toISOString() || row.last_seen_at < idleCutoff(now)) {
    await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('user_session').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    idHash,
    csrfToken: csrfTokenFor(row.csrf_secret),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export async function endSession(db: Kysely<DatabaseSchema>, value: string | undefined): Promise<void> {
  if (value) await db.deleteFrom('user_session').where('id_hash', '=', hashOf(value)).execute();
}

/** Ends every session of a user (disabled, role changed, password changed). */
export async function endSessionsOf(db: Kysely<DatabaseSchema>, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** Deletes sessions past their time; returns how many. */
export async function clearOldSessions(db: Kysely<DatabaseSchema>, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleCutoff(now))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Is the request https, as the browser sees it? (Behind a trusted proxy, by X-Forwarded-Proto.) */
export function isHttps(url: URL, headers: Headers, config: Config = appConfig()): boolean {
  if (url.protocol === 'https:') return true;
  return config.TRUST_PROXY && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** HttpOnly, SameSite=Lax, Secure over https (always in production), for the whole site (the service page shows notes). */
export function setSessionCookie(cookies: AstroCookies, value: string, secure: boolean): void {
  cookies.set(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ABSOLUTE_HOURS * 3600 });
}

export function clearSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0, expires: new Date(0) });
}

export type { UserAccountRow };
