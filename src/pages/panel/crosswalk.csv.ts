// GET /panel/crosswalk.csv: the taxonomy crosswalk, one term a line (panel and admins).
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { todayInUk } from '../../lib/dates';
import { PANEL_HEADERS, requirePermission } from '../../lib/accounts/guard';
import { listCrosswalk } from '../../lib/taxonomy/crosswalk-store';
import { crosswalkCsv } from '../../lib/panel/crosswalk-csv';
import { csvResponse } from '../../lib/reports/export';

export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'taxonomy:manage');
  if (!guard.ok) return guard.response;
  const { directory } = await getApp();
  return csvResponse(crosswalkCsv(await listCrosswalk(directory.db)), `taxonomy-crosswalk-${todayInUk()}.csv`, PANEL_HEADERS);
};
