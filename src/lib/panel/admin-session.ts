// The community panel's sign-in until accounts exist: one admin token from ADMIN_TOKEN, and a
// session cookie holding an expiry and an HMAC of it keyed by the token (never the token itself).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'panel_session';
export const PANEL_PATH = '/panel';
export const SESSION_SECONDS = 8 * 60 * 60;
/** Sign-in attempts allowed per address per hour, right or wrong. */
export const SIGN_IN_LIMIT_PER_HOUR = 10;

/** Every panel response: kept out of search engines and out of every cache. */
export const PANEL_HEADERS: Record<string, string> = {
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
};

/** The admin token, or null when the panel is switched off (ADMIN_TOKEN unset or blank). */
export function adminToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.ADMIN_TOKEN?.trim();
  return token ? token : null;
}

/** Compares in constant time: both sides are hashed first, so their lengths do not show either. */
export function tokenMatches(given: string, token: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function signature(token: string, expiresAt: number): string {
  return createHmac('sha256', token).update(`panel-session\n${expiresAt}`).digest('base64url');
}

/** "<expiry in epoch seconds>.<signature>". */
export function createSessionValue(token: string, now: Date = new Date()): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + SESSION_SECONDS;
  return `${expiresAt}.${signature(token, expiresAt)}`;
}

/** True for a value made by createSessionValue with this token that has not yet expired. */
export function isValidSession(value: string | undefined, token: string, now: Date = new Date()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt <= Math.floor(now.getTime() / 1000)) return false;
  const expected = Buffer.from(signature(token, expiresAt));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Is the request https, as the browser sees it? (Behind a trusted proxy, by X-Forwarded-Proto.) */
export function isHttps(url: URL, headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  if (url.protocol === 'https:') return true;
  return env.TRUST_PROXY === '1' && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function setSessionCookie(cookies: AstroCookies, token: string, secure: boolean): void {
  cookies.set(SESSION_COOKIE, createSessionValue(token), {
    httpOnly: true, sameSite: 'strict', secure, path: PANEL_PATH, maxAge: SESSION_SECONDS,
  });
}

export function clearSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: PANEL_PATH, maxAge: 0, expires: new Date(0) });
}

export type PanelAccess = 'off' | 'signed-out' | 'signed-in';

/** Whether this request may see the panel. */
export function panelAccess(cookies: AstroCookies, env: NodeJS.ProcessEnv = process.env): PanelAccess {
  const token = adminToken(env);
  if (!token) return 'off';
  return isValidSession(cookies.get(SESSION_COOKIE)?.value, token) ? 'signed-in' : 'signed-out';
}

export function setPanelHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(PANEL_HEADERS)) headers.set(name, value);
}

/** A 303 to `location` with the panel's headers (cookies set on Astro.cookies are added by Astro). */
export function panelRedirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...PANEL_HEADERS } });
}
