// POST /panel/counts/unmet-need: "nothing suitable found for this need", counted for today by
// type of help, area and what was missing, then 303 back. Link workers, panel and admins.
// Only the count is stored: no client, no user, no words searched for.
import type { APIRoute } from 'astro';
import { getApp } from '../../../lib/app';
import { panelRedirect, requirePermission } from '../../../lib/accounts/guard';
import { readPostedForm } from '../../../lib/http/form-body';
import { countRefused, recordUnmetNeed, safeBack, withRecorded } from '../../../lib/counts/counts';

export const POST: APIRoute = async (context) => {
  const guard = requirePermission(context, 'referrals:record');
  if (!guard.ok) return guard.response;
  const posted = await readPostedForm(context.request, 16 * 1024);
  const form = posted.ok ? posted.form : new URLSearchParams();
  const text = (name: string) => String(form.get(name) ?? '');
  const back = safeBack(text('back'), '/search');
  const { directory } = await getApp();
  const outcome = await recordUnmetNeed(directory.db, { category: text('category'), area: text('area'), reason: text('reason') });
  if (!outcome.ok) return countRefused(outcome.errors, back);
  return panelRedirect(withRecorded(back, 'unmet', 'unmet-need'));
};

export const GET: APIRoute = (context) => {
  const guard = requirePermission(context, 'referrals:record');
  if (!guard.ok) return guard.response;
  return panelRedirect('/search');
};
