// /panel/sign-out: a POST (from the dashboard's "Sign out" button) that clears the session cookie.
import type { APIRoute } from 'astro';
import { clearSessionCookie, isHttps, panelRedirect } from '../../lib/panel/admin-session';

export const POST: APIRoute = ({ cookies, url, request }) => {
  clearSessionCookie(cookies, isHttps(url, request.headers));
  return panelRedirect('/panel/sign-in');
};

/** Signing out changes something, so it is never a GET: send a visitor to the page with the button. */
export const GET: APIRoute = () => panelRedirect('/panel/freshness');
