// GET /panel/services/<id>/history.csv: the listing's history of changes as CSV, with HSDS
// metadata column names. Same permission as the history page.
import type { APIRoute } from 'astro';
import { getApp } from '../../../../lib/app';
import { forbidden, PANEL_HEADERS, requirePermission } from '../../../../lib/accounts/guard';
import { canViewHistory, historyCsv, serviceHistory } from '../../../../lib/edit-pages/form-history';

export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'history:view');
  if (!guard.ok) return guard.response;
  const id = context.params.id ?? '';
  const { directory } = await getApp();
  const service = await directory.db.selectFrom('service').select(['id', 'organization_id']).where('id', '=', id).executeTakeFirst();
  if (!service) return new Response('There is no such listing.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PANEL_HEADERS } });
  if (!(await canViewHistory(directory.db, guard.session.user, service.organization_id))) return forbidden();
  const safeName = id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 60) || 'listing';
  return new Response(historyCsv(await serviceHistory(directory.db, id)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="history-${safeName}.csv"`,
      ...PANEL_HEADERS,
    },
  });
};
