// /panel/freshness.csv: every listing that is not OK, as CSV for a spreadsheet. Panel and admins only.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { todayInUk } from '../../lib/dates';
import { getFreshnessSettings } from '../../lib/freshness/settings';
import { dashboardServices, queueCsv } from '../../lib/panel/freshness-dashboard';
import { PANEL_HEADERS, requirePermission } from '../../lib/accounts/guard';

export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'freshness:view');
  if (!guard.ok) return guard.response;
  const today = todayInUk();
  const { directory } = await getApp();
  const { services } = await dashboardServices(directory.db, today, getFreshnessSettings());
  return new Response(queueCsv(services), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="freshness-queue-${today}.csv"`,
      ...PANEL_HEADERS,
    },
  });
};
