// Every request: who is signed in (from the session cookie, checked against the database), and,
// for every form posted to the signed-in part of the site, the session's form token (CSRF).
// Astro's security.checkOrigin has already refused posts from other sites; the token also stops
// a page on this site's own host, or a browser that sends no Origin, from posting as someone.
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { getApp } from './lib/app';
import { clearOldSessions, csrfTokenMatches, readSession, SESSION_COOKIE } from './lib/accounts/sessions';
import { readPostedForm } from './lib/http/form-body';
import { signedInPost } from './lib/accounts/guard';
import { busyResponse, busyRetryAfter, isDatabaseBusy } from './lib/http/busy-response';
import { PageCache } from './lib/http/page-cache';
import { SHORTLIST_COOKIE } from './lib/shortlists/current-shortlist';
import { todayInUk } from './lib/dates';

/** Forms under /panel are small, apart from the service editor's; this is well above it. */
const MAX_PANEL_FORM_BYTES = 512 * 1024;
/** Sessions past their time are deleted by each process about once an hour. */
const CLEAR_SESSIONS_EVERY_MS = 60 * 60 * 1000;
let sessionsCleared = 0;
/** Search pages rendered for people not signed in (src/lib/http/page-cache.ts). */
const searchPages = new PageCache();

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    return await handle(context, next);
  } catch (error) {
    // Another writer held the database past the wait allowed: "busy, try again", not a 500.
    if (isDatabaseBusy(error)) return busyResponse(context.url.pathname, busyRetryAfter(error));
    throw error;
  }
});

async function handle(context: APIContext, next: MiddlewareNext): Promise<Response> {
  context.locals.session = null;
  const cookie = context.cookies.get(SESSION_COOKIE)?.value;
  if (cookie) {
    const { directory } = await getApp();
    context.locals.session = await readSession(directory.db, cookie);
    if (Date.now() - sessionsCleared > CLEAR_SESSIONS_EVERY_MS) {
      sessionsCleared = Date.now();
      await clearOldSessions(directory.db);
    }
  }
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD' && signedInPost(context.url.pathname)) {
    const session = context.locals.session;
    if (!session)
      return refuse(
        401,
        'You have been signed out',
        'For your safety you are signed out after a while without using the site. Please sign in again and redo your last change.',
      );
    const posted = await readPostedForm(context.request.clone(), MAX_PANEL_FORM_BYTES);
    const token = posted.ok ? posted.form.get('csrf') : null;
    if (!csrfTokenMatches(session, typeof token === 'string' ? token : null)) {
      return refuse(403, 'That form could not be sent', 'The form was out of date or did not come from this site. Go back, reload the page and try again.');
    }
  }
  if (context.request.method === 'GET' && context.url.pathname === '/search' && !cookie) {
    const { directory } = await getApp();
    const key = `${context.url.search}\n${context.cookies.get(SHORTLIST_COOKIE)?.value ?? ''}`;
    const version = `${await directory.version()}:${todayInUk()}`;
    return searchPages.get(key, version) ?? searchPages.keep(key, version, await next());
  }
  return next();
}

function refuse(status: number, title: string, text: string): Response {
  const html =
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/panel/sign-in">Sign in</a> or <a href="/">go to the home page</a>.</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' },
  });
}
