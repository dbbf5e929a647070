// POST /shortlist/new: "Start a new list". This browser forgets its list (the list itself stays
// until it expires, since someone may have been given it) and goes to the search page; the next
// "Add to my list" starts a fresh one.
import type { APIRoute } from 'astro';
import { forgetShortlist } from '../../lib/shortlists/current-shortlist';

export const POST: APIRoute = async (context) => {
  forgetShortlist(context.cookies);
  return context.redirect('/search', 303);
};
