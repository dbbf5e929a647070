// /panel/freshness.csv: every listing that is not OK, as CSV for a spreadsheet. Signed-in only.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { todayInUk } from '../../lib/dates';
import { getFreshnessSettings } from '../../lib/freshness/settings';
import { dashboardServices, queueCsv } from '../../lib/panel/freshness-dashboard';
import { PANEL_HEADERS, panelAccess, panelRedirect } from '../../lib/panel/admin-session';

export const GET: APIRoute = async ({ cookies }) => {
  const access = panelAccess(cookies);
  if (access === 'off') {
    return new Response('The community panel is switched off. Set ADMIN_TOKEN and restart the server to switch it on.\n', {
      status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PANEL_HEADERS },
    });
  }
  if (access === 'signed-out') return panelRedirect('/panel/sign-in');
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
