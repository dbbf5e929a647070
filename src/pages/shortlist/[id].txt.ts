// GET /shortlist/<id>.txt: the list as plain text with every session, address and phone number;
// ?for=sms, a short text to paste into a text message (at most three message parts): each
// service's name, when and phone, then the short link. 404/410 as the page.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { todayInUk } from '../../lib/dates';
import { handoutEntry } from '../../lib/shortlists/handout';
import { shortLink } from '../../lib/shortlists/current-shortlist';
import { parseShortlistId } from '../../lib/shortlists/shortlist-id';
import { findShortlist, readShortlistServices } from '../../lib/shortlists/shortlists';
import { shortlistText, whenInFewWords } from '../../lib/shortlists/text-message';
import { handoutText } from '../../lib/shortlists/handout-text';

const HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

export const GET: APIRoute = async (context) => {
  const id = parseShortlistId(context.params.id);
  const { directory } = await getApp();
  const lookup = id ? await findShortlist(directory.db, id) : { state: 'unknown' as const };
  if (lookup.state === 'expired') return new Response('This list has expired. Search again to make a new one.\n', { status: 410, headers: HEADERS });
  if (lookup.state !== 'live') return new Response('There is no list at this address.\n', { status: 404, headers: HEADERS });
  const today = todayInUk();
  const entries = (await readShortlistServices(directory.db, lookup.shortlist)).map((service) => handoutEntry(service, today));
  const link = shortLink(context.url, lookup.shortlist.id);
  if (context.url.searchParams.get('for') !== 'sms') return new Response(handoutText(entries, link, today), { status: 200, headers: HEADERS });
  const text = shortlistText(
    entries.map((entry) => ({ name: entry.name, when: whenInFewWords(entry.when), phone: entry.phones[0]?.number ?? '' })),
    link,
  );
  return new Response(text, { status: 200, headers: HEADERS });
};
