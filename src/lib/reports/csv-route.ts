// The GET handler every /panel/reports/<name>.csv route uses: panel and admins only; ?table=<id>
// chooses one table of the report (the first by default). 404 for a table the report does not have.
import type { APIRoute } from 'astro';
import { getApp } from '../app';
import { todayInUk } from '../dates';
import { PANEL_HEADERS, requirePermission } from '../accounts/guard';
import { reportCsv } from './pages';
import { csvResponse } from './export';

export function reportCsvRoute(name: string): APIRoute {
  return async (context) => {
    const guard = requirePermission(context, 'reports:view');
    if (!guard.ok) return guard.response;
    const today = todayInUk();
    const { directory } = await getApp();
    const table = context.url.searchParams.get('table');
    const csv = table === null || /^[a-z-]{1,40}$/.test(table) ? await reportCsv(directory.db, name, table, today) : null;
    if (!csv) {
      return new Response('There is no such table in this report.\n', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PANEL_HEADERS },
      });
    }
    return csvResponse(csv.body, `${csv.id}-${today}.csv`, PANEL_HEADERS);
  };
}
