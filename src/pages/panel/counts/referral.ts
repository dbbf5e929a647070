// POST /panel/counts/referral: "referred or signposted to this service", counted for today (and
// an area when chosen), then 303 back to the page it came from. Link workers, panel and admins.
// Only the count is stored: no client, no user, no words.
import type { APIRoute } from 'astro';
import { getApp } from '../../../lib/app';
import { panelRedirect, requirePermission } from '../../../lib/accounts/guard';
import { readPostedForm } from '../../../lib/http/form-body';
import { countRefused, recordReferral, safeBack, withRecorded } from '../../../lib/counts/counts';

export const POST: APIRoute = async (context) => {
  const guard = requirePermission(context, 'referrals:record');
  if (!guard.ok) return guard.response;
  const posted = await readPostedForm(context.request, 16 * 1024);
  const form = posted.ok ? posted.form : new URLSearchParams();
  const text = (name: string) => String(form.get(name) ?? '');
  const back = safeBack(text('back'));
  const { directory } = await getApp();
  const outcome = await recordReferral(directory.db, { service: text('service'), kind: text('kind'), area: text('area') });
  if (!outcome.ok) return countRefused(outcome.errors, back);
  // A page with several of these forms (a shortlist) names which one, so its confirmation shows there.
  const anchor = /^record-referral(-\d{1,2})?$/.test(text('anchor')) ? text('anchor') : 'record-referral';
  const url = new URL(withRecorded(back, text('kind'), anchor), 'http://local');
  if (anchor !== 'record-referral') url.searchParams.set('for', text('service'));
  return panelRedirect(`${url.pathname}${url.search}${url.hash}`);
};

export const GET: APIRoute = (context) => {
  const guard = requirePermission(context, 'referrals:record');
  if (!guard.ok) return guard.response;
  return panelRedirect('/panel');
};
