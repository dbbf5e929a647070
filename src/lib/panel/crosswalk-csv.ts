// The taxonomy crosswalk as CSV (/panel/crosswalk.csv), one term a line: to keep, to check in a
// spreadsheet, or for another directory to read.
import { getTaxonomy } from '../taxonomy/taxonomy';
import type { CrosswalkRow } from '../taxonomy/crosswalk-store';
import { csvRow } from './freshness-dashboard';

export const CROSSWALK_CSV_COLUMNS = [
  'term_id',
  'taxonomy',
  'term_code',
  'term_name',
  'parent_term_id',
  'category_code',
  'category_name',
  'method',
  'services',
  'updated_at',
] as const;

export function crosswalkCsv(rows: CrosswalkRow[]): string {
  const taxonomy = getTaxonomy();
  const lines = [csvRow([...CROSSWALK_CSV_COLUMNS])];
  for (const row of rows) {
    lines.push(
      csvRow([
        row.termId,
        row.taxonomy,
        row.termCode,
        row.termName,
        row.parentTermId,
        row.categoryCode,
        row.categoryCode ? (taxonomy.categoryByCode.get(row.categoryCode)?.name ?? null) : null,
        row.method,
        String(row.services),
        row.updatedAt,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
