// Guarding signed-in pages: which posts need a session and its form token (the middleware checks
// them), and `requirePermission` for each page, which answers 303 to sign-in or 403 otherwise.
import type { AstroGlobal } from 'astro';
import { can, type Permission } from './roles';
import type { ActiveSession } from './sessions';

/**
 * Paths whose posts are made by signed-in people only. /panel/sign-in is the one exception. The
 * path is read as the router reads it (escapes undone, doubled slashes and case ignored), so
 * "//panel/users" or "/%70anel/users" cannot slip past; a path that cannot be read counts as one.
 */
export function signedInPost(pathname: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  path = path
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .toLowerCase();
  return (path.startsWith('/panel/') && path !== '/panel/sign-in') || path === '/panel';
}

/** Every panel response: kept out of search engines and out of every cache. */
export const PANEL_HEADERS: Record<string, string> = {
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
};

export function setPanelHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(PANEL_HEADERS)) headers.set(name, value);
}

/** A 303 to `location` with the panel's headers (cookies set on Astro.cookies are added by Astro). */
export function panelRedirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...PANEL_HEADERS } });
}

export type Guarded = { ok: true; session: ActiveSession } | { ok: false; response: Response };

/** The forbidden page's words, shared so every refusal reads the same. */
export function forbidden(): Response {
  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not allowed</title></head>' +
    "<body><main><h1>You cannot open this page</h1><p>Your account does not allow this. If you think it should, ask your directory's administrator.</p>" +
    '<p><a href="/panel">Back to your start page</a></p></main></body></html>';
  return new Response(html, { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', ...PANEL_HEADERS } });
}

/**
 * For the top of a signed-in page: sets the panel headers, and returns the session when the
 * person may do `permission`; otherwise a response to return at once (sign in, or not allowed).
 */
export function requirePermission(Astro: Pick<AstroGlobal, 'locals' | 'url'> & { response?: AstroGlobal['response'] }, permission: Permission): Guarded {
  if (Astro.response) setPanelHeaders(Astro.response.headers);
  const session = Astro.locals.session;
  if (!session) {
    const back = `${Astro.url.pathname}${Astro.url.search}`;
    return { ok: false, response: panelRedirect(`/panel/sign-in?next=${encodeURIComponent(back)}`) };
  }
  if (!can(session.user.role, permission)) return { ok: false, response: forbidden() };
  return { ok: true, session };
}

/** Only a local path is a safe place to send someone after signing in. */
export function safeNext(next: string | null | undefined): string {
  // Printable ASCII only (a Location header holds nothing else), a local path, not "//".
  // No "//", "/./" or "/../" anywhere either: each can turn into "//elsewhere" once tidied up.
  return next && /^\/[\x21-\x7e]*$/.test(next) && !/\/\.{0,2}\/|\\/.test(next) && !next.startsWith('/panel/sign-') ? next : '/panel';
}
