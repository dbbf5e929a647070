// /panel/audit.csv: the audit log (of one kind of event, with ?event=), newest first, as CSV for a
// spreadsheet. Admins only. Cells a spreadsheet would run as a formula are made safe.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { todayInUk } from '../../lib/dates';
import { PANEL_HEADERS, requirePermission } from '../../lib/accounts/guard';
import { allAuditEntries, auditCsv } from '../../lib/admin/audit-log';

export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'audit:view');
  if (!guard.ok) return guard.response;
  const asked = context.url.searchParams.get('event');
  const event = asked && /^[a-z_]{1,60}$/.test(asked) ? asked : null;
  const { directory } = await getApp();
  const today = todayInUk();
  return new Response(auditCsv(await allAuditEntries(directory.db, event)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${event ? `${event.replace(/_/g, '-')}-` : ''}${today}.csv"`,
      ...PANEL_HEADERS,
    },
  });
};
