// What the freshness rules need from outside a service's record: open problem reports and the
// latest website checks, read for many services at once.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { NO_SIGNALS, type FreshnessSignals } from './rules';

const BATCH = 900;
/** Enough website checks to judge "failed twice in a row" (and a few more settings). */
const CHECKS_KEPT = 5;

export async function loadFreshnessSignals(db: Kysely<DatabaseSchema>, serviceIds: string[]): Promise<Map<string, FreshnessSignals>> {
  const signals = new Map<string, FreshnessSignals>();
  const entry = (id: string) => {
    let found = signals.get(id);
    if (!found) signals.set(id, (found = { ...NO_SIGNALS, linkChecks: [] }));
    return found;
  };
  for (let i = 0; i < serviceIds.length; i += BATCH) {
    const ids = serviceIds.slice(i, i + BATCH);
    const reports = await db
      .selectFrom('problem_report')
      .select(['service_id', (eb) => eb.fn.countAll<number>().as('open'), (eb) => eb.fn.max('created_at').as('latest')])
      .where('status', '=', 'open')
      .where('service_id', 'in', ids)
      .groupBy('service_id')
      .execute();
    for (const row of reports) {
      const found = entry(row.service_id);
      found.openReports = Number(row.open);
      found.lastReportDate = row.latest ? String(row.latest).slice(0, 10) : null;
    }
    const checks = await db
      .selectFrom('link_check')
      .select(['service_id', 'ok'])
      .where('service_id', 'in', ids)
      .orderBy('service_id')
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const row of checks) {
      const found = entry(row.service_id);
      if (found.linkChecks.length < CHECKS_KEPT) found.linkChecks.push({ ok: row.ok === 1 });
    }
  }
  return signals;
}
