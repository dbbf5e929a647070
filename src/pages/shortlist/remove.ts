// POST /shortlist/remove (service, back; or ?back= in the address): takes a service off this browser's list (the one the
// `shortlist` cookie names) and goes back (303) to the same service, saying it was removed.
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { getApp } from '../../lib/app';
import { readPostedForm } from '../../lib/http/form-body';
import { backWithOutcome, currentShortlist, listControlId, safeBackPath } from '../../lib/shortlists/current-shortlist';
import { messagePage } from '../../lib/shortlists/responses';
import { changeShortlist, serviceIdSchema } from '../../lib/shortlists/shortlists';

/** The search page's whole form comes along when the button is one of its own (see AddToList.astro). */
const MAX_FORM_BYTES = 64 * 1024;
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
    return messagePage(400, 'That could not be removed', 'The form was not complete. Go back, reload the page and try again.');
  }
  const serviceId = parsed.data.service;
  const list = await currentShortlist(context);
  if (list) {
    const { directory } = await getApp();
    await changeShortlist(directory.db, list.id, { action: 'remove', serviceId });
  }
  return context.redirect(backWithOutcome(safeBackPath(parsed.data.back), 'removed', serviceId, listControlId(serviceId)), 303);
};
