// "Your list": the shortlist this browser is building, named by the `shortlist` cookie (which holds
// the list's id and nothing else), looked up once per request however many parts of the page ask.
// Also the safe "back" address a form returns to, and the outcome shown there afterwards.
import type { APIContext, AstroCookies } from 'astro';
import { z } from 'zod';
import { appConfig, publicUrl, type Config } from '../config';
import { readPostedForm } from '../http/form-body';
import { getApp } from '../app';
import { parseShortlistId } from './shortlist-id';
import { findShortlist, serviceIdSchema, type Shortlist } from './shortlists';

export const SHORTLIST_COOKIE = 'shortlist';

const perRequest = new WeakMap<Request, Promise<Shortlist | null>>();

interface RequestContext {
  request: Request;
  cookies: AstroCookies;
}

/** The live list the cookie names, or null (no cookie, a bad one, or an expired list). Never throws. */
export function currentShortlist(context: RequestContext): Promise<Shortlist | null> {
  let pending = perRequest.get(context.request);
  if (!pending) {
    pending = (async () => {
      const id = parseShortlistId(context.cookies.get(SHORTLIST_COOKIE)?.value);
      if (!id) return null;
      const { directory } = await getApp();
      const lookup = await findShortlist(directory.db, id);
      return lookup.state === 'live' ? lookup.shortlist : null;
    })().catch((error) => {
      console.error('Could not read the shortlist named by the cookie:', error);
      return null;
    });
    perRequest.set(context.request, pending);
  }
  return pending;
}

/**
 * Remembers the list in this browser until the browser is closed (a session cookie): on a shared
 * or library computer the next person does not see "Your list". The list itself lives on at its
 * address (the short link and QR code) for its whole lifetime.
 */
export function rememberShortlist(cookies: AstroCookies, url: URL, id: string): void {
  cookies.set(SHORTLIST_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: url.protocol === 'https:',
  });
}

export function forgetShortlist(cookies: AstroCookies): void {
  cookies.delete(SHORTLIST_COOKIE, { path: '/' });
}

/**
 * A path on this site to go back to: it must start with one "/" (not "//" or "/\", which
 * browsers read as another site), and have no control characters. Else the search page.
 */
export function safeBackPath(value: unknown, fallback = '/search'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex -- an address with control characters is refused
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://x.invalid');
    if (url.origin !== 'http://x.invalid' || url.pathname.startsWith('//')) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}

/** What happened to the service the person just pressed a button for, shown beside that button. */
export const LIST_OUTCOMES = ['added', 'removed', 'full', 'gone'] as const;
export type ListOutcome = (typeof LIST_OUTCOMES)[number];
const OUTCOME_PARAMETER = 'list';
const OUTCOME_SERVICE_PARAMETER = 'list_service';

/** The back path with the outcome added (replacing any earlier one), and the button's place in the page. */
export function backWithOutcome(back: string, outcome: ListOutcome, serviceId: string, anchor: string): string {
  const url = new URL(back, 'http://x.invalid');
  url.searchParams.set(OUTCOME_PARAMETER, outcome);
  url.searchParams.set(OUTCOME_SERVICE_PARAMETER, serviceId);
  return `${url.pathname}${url.search}#${anchor}`;
}

/** The outcome for this service, if the address says one. */
export function outcomeFor(url: URL, serviceId: string): ListOutcome | null {
  const outcome = url.searchParams.get(OUTCOME_PARAMETER);
  if (url.searchParams.get(OUTCOME_SERVICE_PARAMETER) !== serviceId) return null;
  return (LIST_OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as ListOutcome) : null;
}

/** The page's own address without any outcome, for a form's "back" field. */
export function backPathOf(url: URL): string {
  const copy = new URL(url.href);
  copy.searchParams.delete(OUTCOME_PARAMETER);
  copy.searchParams.delete(OUTCOME_SERVICE_PARAMETER);
  return `${copy.pathname}${copy.search}`;
}

/** The element id of a service's "Add to my list" control, to come back to. */
export function listControlId(serviceId: string): string {
  return `list-${serviceId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** The list's short link in full: https://example.org/l/<id> (publicUrl in src/lib/config.ts). */
export function shortLink(requestUrl: URL, id: string, config: Config = appConfig()): string {
  return `${publicUrl(config, requestUrl)}/l/${id}`;
}

/** The search page's whole form comes along when the button is one of its own (see AddToList.astro). */
const MAX_BUTTON_FORM_BYTES = 64 * 1024;
const buttonSchema = z.object({ service: serviceIdSchema, back: z.string().max(2000).optional() });

/**
 * What an "Add to my list" or "Remove" button posted: the service, and where to go back to (from
 * the form, or, for a button inside the search page's form, from the address). Null when incomplete.
 */
export async function readListButton(context: APIContext): Promise<{ service: string; back?: string | undefined } | null> {
  const posted = await readPostedForm(context.request, MAX_BUTTON_FORM_BYTES);
  if (!posted.ok) return null;
  const parsed = buttonSchema.safeParse({
    service: posted.form.get('service') ?? undefined,
    back: posted.form.get('back') ?? context.url.searchParams.get('back') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}
