// POST /shortlist/add (service, back; or ?back= in the address): adds a service to this browser's list, making the list
// first when the browser has none, remembers the list in the `shortlist` cookie, and goes back
// (303) to where the person was, to the same service, with a line saying it was added.
// Cross-site posts never get here: Astro's security.checkOrigin answers them 403.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { checkRateLimit, rateLimitKey, requestAddress } from '../../lib/http/rate-limit';
import { backWithOutcome, currentShortlist, listControlId, readListButton, rememberShortlist, safeBackPath } from '../../lib/shortlists/current-shortlist';
import { messagePage } from '../../lib/shortlists/responses';
import { changeShortlist, createShortlist } from '../../lib/shortlists/shortlists';

/** New lists per address per hour: far more than a busy link worker makes, far fewer than a flood. */
const NEW_LISTS_PER_HOUR = 100;

export const POST: APIRoute = async (context) => {
  const button = await readListButton(context);
  if (!button) {
    return messagePage(400, 'That could not be added', 'The form was not complete. Go back, reload the page and press "Add to my list" again.');
  }
  const { directory } = await getApp();
  const serviceId = button.service;
  const exists = await directory.db.selectFrom('service').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!exists)
    return messagePage(404, 'We could not find that service', 'It may have been taken out of the directory. Search again to find something similar.');

  let list = await currentShortlist(context);
  if (!list) {
    const verdict = await checkRateLimit(directory.db, {
      key: rateLimitKey('shortlist-create', requestAddress(context)),
      limit: NEW_LISTS_PER_HOUR,
      windowSeconds: 3600,
    });
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
  const back = safeBackPath(button.back);
  const result = outcome.ok ? 'added' : outcome.reason === 'full' ? 'full' : null;
  if (!result)
    return messagePage(404, 'We could not find that service', 'It may have been taken out of the directory. Search again to find something similar.');
  return context.redirect(backWithOutcome(back, result, serviceId, listControlId(serviceId)), 303);
};
