// /panel/sign-out: a POST (the "Sign out" button, with the session's form token, checked by the
// middleware) that ends the session in the database and clears the cookie.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { appConfig } from '../../lib/config';
import { audit } from '../../lib/accounts/audit';
import { panelRedirect } from '../../lib/accounts/guard';
import { clearSessionCookie, endSession, isHttps, SESSION_COOKIE } from '../../lib/accounts/sessions';

export const POST: APIRoute = async ({ cookies, url, request, locals }) => {
  const { directory } = await getApp();
  await endSession(directory.db, cookies.get(SESSION_COOKIE)?.value);
  if (locals.session) await audit(directory.db, 'sign_out', { actorId: locals.session.user.id, subject: locals.session.user.email });
  clearSessionCookie(cookies, isHttps(url, request.headers) || appConfig().production);
  return panelRedirect('/panel/sign-in');
};

/** Signing out changes something, so it is never a GET: send a visitor to the page with the button. */
export const GET: APIRoute = () => panelRedirect('/panel');
