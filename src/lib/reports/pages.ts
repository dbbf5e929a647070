// Which reports the panel pages and CSV routes offer, and how each one's tables are built, so a
// page and its CSV always hold the same numbers.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { areaOverview, closedTable, gapsTable, referralsTable, serviceFacts, servicesTable, unmetTable, type MapLevel, type ReportTable } from './reports';
import { overviewCsv, tableCsv } from './export';

export const REPORT_PAGES = [
  { name: 'services', title: 'Services by area and type of help', summary: 'How many open services each area has, per 10,000 residents, and by type of help.' },
  { name: 'referrals', title: 'Referrals over time', summary: 'Referrals and signposts by service, type of help and area, month by month.' },
  {
    name: 'unmet-needs',
    title: 'Unmet needs',
    summary: 'Needs nothing suitable was found for, and searches that found nothing, by what was missing, type of help and area.',
  },
  { name: 'closed', title: 'Closed and lapsed services', summary: 'Services that closed, or whose funding ran out, in the last 12 months.' },
] as const;

export type ReportName = (typeof REPORT_PAGES)[number]['name'];

/** The tables of one report page, in the order shown. */
export async function reportTables(db: Kysely<DatabaseSchema>, name: string, today: string): Promise<ReportTable[] | null> {
  switch (name) {
    case 'services':
      return [servicesTable(await serviceFacts(db, today))];
    case 'referrals': {
      const facts = await serviceFacts(db, today);
      return [
        await referralsTable(db, today, 'service', facts),
        await referralsTable(db, today, 'category', facts),
        await referralsTable(db, today, 'area', facts),
      ];
    }
    case 'unmet-needs':
      return [await unmetTable(db, today, 'reason'), await unmetTable(db, today, 'category'), await unmetTable(db, today, 'area')];
    case 'closed': {
      const facts = await serviceFacts(db, today);
      return [closedTable(facts, today, 'category'), closedTable(facts, today, 'area')];
    }
    case 'gaps':
      return [await gapsTable(db)];
    default:
      return null;
  }
}

/** A CSV of one table of a report (the first when `table` is not given), or null when unknown. */
export async function reportCsv(db: Kysely<DatabaseSchema>, name: string, table: string | null, today: string): Promise<{ body: string; id: string } | null> {
  if (name === 'areas') {
    const level: MapLevel = table === 'areas-district' ? 'district' : 'ward';
    const overview = await areaOverview(db, today, level, await serviceFacts(db, today));
    return { body: overviewCsv(overview), id: overview.table.id };
  }
  const tables = await reportTables(db, name, today);
  if (!tables) return null;
  const chosen = table ? tables.find((each) => each.id === table) : tables[0];
  if (!chosen) return null;
  return { body: tableCsv(chosen), id: chosen.id };
}
