// The answer when the database stayed locked by another writer (an import, another app server)
// for longer than a request may wait: 503 with Retry-After, in words a person can act on, or in
// JSON for the APIs. Never a 500: nothing is wrong, the site is only busy for a moment.
import { DatabaseBusyError, isDatabaseBusy } from '../db/busy-retry';

export { isDatabaseBusy };

/** Seconds a client should wait before trying again. */
export function busyRetryAfter(error: unknown): number {
  return error instanceof DatabaseBusyError ? error.retryAfterSeconds : 2;
}

/** Paths whose answers are JSON (the site's search API and the Open Referral UK API). */
export function wantsJson(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname === '/openreferral' || pathname.startsWith('/openreferral/');
}

export function busyResponse(pathname: string, retryAfterSeconds = 2): Response {
  const headers = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  const message = 'The directory is busy saving other changes. Nothing was lost: wait a few seconds and try again.';
  if (wantsJson(pathname)) {
    return new Response(JSON.stringify({ error: 'busy', message, retry_after_seconds: retryAfterSeconds }), {
      status: 503,
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
    });
  }
  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Busy for a moment</title></head><body><main><h1>Busy for a moment</h1>' +
    '<p>The directory is busy saving other changes. Nothing you sent was lost or saved twice: wait a few seconds, then go back and try again.</p>' +
    '<p><a href="/">Go to the home page</a> or <a href="/#urgent-help">find urgent help now</a>.</p></main></body></html>';
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
