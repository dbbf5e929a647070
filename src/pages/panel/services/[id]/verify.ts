// POST /panel/services/<id>/verify: "Verified today". Records that someone who may publish this
// listing checked it today (assured_date today, assurer_email theirs), published like any edit so
// it is in the history. Refused if the listing changed since the editor showed it.
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { getApp } from '../../../../lib/app';
import { forbidden, panelRedirect, requirePermission } from '../../../../lib/accounts/guard';
import { editAccess } from '../../../../lib/accounts/users';
import { readPostedForm } from '../../../../lib/http/form-body';
import { todayInUk } from '../../../../lib/dates';
import { EditConflictError, publishRecord, readRecord, recordVersion } from '../../../../lib/editing/publish';
import { panelServicePath } from '../../../../lib/service-paths';

export const POST: APIRoute = async (context) => {
  const guard = requirePermission(context, 'service:edit-own');
  if (!guard.ok) return guard.response;
  const { user } = guard.session;
  const id = context.params.id ?? '';
  const { directory, search } = await getApp();
  const current = await readRecord(directory.db, id);
  if (!current) return new Response('There is no such listing.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if ((await editAccess(directory.db, user, current.organization.id)) !== 'publish') return forbidden();
  const editPath = panelServicePath(id, 'edit');
  const posted = await readPostedForm(context.request, 64 * 1024);
  const version = z
    .string()
    .max(100)
    .catch('')
    .parse(posted.ok ? (posted.form.get('version') ?? '') : '');
  if (version !== recordVersion(current)) return panelRedirect(`${editPath}?verified=stale`);
  try {
    await publishRecord(
      directory,
      search,
      { ...current, assured_date: todayInUk(), assurer_email: user.email },
      {
        expectedVersion: version,
        changedBy: `user ${user.email}`,
        reason: 'Verified today',
      },
    );
  } catch (error) {
    if (error instanceof EditConflictError) return panelRedirect(`${editPath}?verified=stale`);
    throw error;
  }
  return panelRedirect(`${editPath}?verified=1`);
};
