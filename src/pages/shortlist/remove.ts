// POST /shortlist/remove (service, back; or ?back= in the address): takes a service off this browser's list (the one the
// `shortlist` cookie names) and goes back (303) to the same service, saying it was removed.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { backWithOutcome, currentShortlist, listControlId, readListButton, safeBackPath } from '../../lib/shortlists/current-shortlist';
import { messagePage } from '../../lib/shortlists/responses';
import { changeShortlist } from '../../lib/shortlists/shortlists';

export const POST: APIRoute = async (context) => {
  const button = await readListButton(context);
  if (!button) {
    return messagePage(400, 'That could not be removed', 'The form was not complete. Go back, reload the page and try again.');
  }
  const serviceId = button.service;
  const list = await currentShortlist(context);
  if (list) {
    const { directory } = await getApp();
    await changeShortlist(directory.db, list.id, { action: 'remove', serviceId });
  }
  return context.redirect(backWithOutcome(safeBackPath(button.back), 'removed', serviceId, listControlId(serviceId)), 303);
};
