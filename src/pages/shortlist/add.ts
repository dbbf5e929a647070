// POST /shortlist/add (service, back; or ?back= in the address): adds a service to this browser's list, making the list
// first when the browser has none, remembers the list in the `shortlist` cookie, and goes back
// (303) to where the person was, to the same service, with a line saying it was added.
// Cross-site posts never get here: Astro's security.checkOrigin answers them 403.
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { getApp } from '../../lib/app';
import { readPostedForm } from '../../lib/http/form-body';
import { checkRateLimit, rateLimitKey, requestAddress } from '../../lib/http/rate-limit';
import {
  backWithOutcome, currentShortlist, listControlId, rememberShortlist, safeBackPath,
} from '../../lib/shortlists/current-shortlist';
import { messagePage } from '../../lib/shortlists/responses';
import { changeShortlist, createShortlist, serviceIdSchema } from '../../lib/shortlists/shortlists';

/** The search page's whole form comes along when the button is one of its own (see AddToList.astro). */
const MAX_FORM_BYTES = 64 * 1024;
/** New lists per address per hour: far more than a busy link worker makes, far fewer than a flood. */
const NEW_LISTS_PER_HOUR = 100;

const formSchema = z.object({ service: serviceIdSchema, back: z.string().max(2000).optional() });

export const POST: APIRoute = async (context) => {
  const posted = await readPostedForm(context.request, MAX_FORM_BYTES);
  const parsed = posted.ok
    ? formSchema.safeParse({
      service: posted.form.get('service') ?? undefined,
      // From the form, or, for a button inside the search page's form, from this address.
      back: posted.form.get('back') ?? context.url.searchParams.get('back') ?? undefined,
    })
    : null;
  if (!parsed?.success) {
    return messagePage(400, 'That could not be added', 'The form was not complete. Go back, reload the page and press "Add to my list" again.');
  }
  const { directory } = await getApp();
  const serviceId = parsed.data.service;
  const exists = await directory.db.selectFrom('service').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!exists) return messagePage(404, 'We could not find that service', 'It may have been taken out of the directory. Search again to find something similar.');

  let list = await currentShortlist(context);
  if (!list) {
    const verdict = await checkRateLimit(directory.db, { key: rateLimitKey('shortlist-create', requestAddress(context)), limit: NEW_LISTS_PER_HOUR, windowSeconds: 3600 });
    if (!verdict.allowed) {
      return messagePage(429, 'Too many new lists', 'Please wait a while before starting another list.', { 'Retry-After': String(verdict.retryAfterSeconds) });
    }
    list = await createShortlist(directory.db);
  }
  let outcome = await changeShortlist(directory.db, list.id, { action: 'add', serviceId });
  if (!outcome.ok && outcome.reason === 'gone') {
    // It expired between reading and writing: start afresh.
    list = await createShortlist(directory.db);
    outcome = await changeShortlist(directory.db, list.id, { action: 'add', serviceId });
  }
  rememberShortlist(context.cookies, context.url, list.id);
  const back = safeBackPath(parsed.data.back);
  const result = outcome.ok ? 'added' : outcome.reason === 'full' ? 'full' : null;
  if (!result) return messagePage(404, 'We could not find that service', 'It may have been taken out of the directory. Search again to find something similar.');
  return context.redirect(backWithOutcome(back, result, serviceId, listControlId(serviceId)), 303);
};
