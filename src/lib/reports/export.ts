// Reports as CSV, with small-number suppression: in anything exported, a count from 1 to 4 is
// written "fewer than 5" (0 stays 0), and a rate worked out from a suppressed count is not shown.
// Totals: the CSVs hold no total rows or columns, so no suppressed count can be worked back out
// from one; the one exception, the area overview's 12-month referral and unmet-need figures (each
// the sum of that area's months or reasons in the other CSVs), is itself suppressed whenever
// exactly one of its parts is 1 to 4.
import { csvRow } from '../panel/freshness-dashboard';
import type { AreaOverview, ReportTable } from './reports';

export const SUPPRESSED = 'fewer than 5';
export const RATE_NOT_SHOWN = 'not shown';

/** A count as exported: 0, "fewer than 5" for 1 to 4, else the number. */
export function exportCount(value: number): string {
  return value >= 1 && value <= 4 ? SUPPRESSED : String(value);
}

export const isSmall = (value: number) => value >= 1 && value <= 4;

/**
 * A total as exported: suppressed when small, or when any of its parts is small (with one small
 * part the total gives it away; with several, the total gives away their sum, and two small parts
 * summing to 2 can only be 1 and 1).
 */
export function exportTotal(total: number, parts: readonly number[]): string {
  if (isSmall(total)) return SUPPRESSED;
  return parts.some(isSmall) ? SUPPRESSED : String(total);
}

function exportCell(table: ReportTable, row: ReportTable['rows'][number], index: number): string {
  const value = row.cells[index];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const source = table.rateOf?.[index];
  if (source !== undefined) {
    const count = row.cells[source];
    return typeof count === 'number' && isSmall(count) ? RATE_NOT_SHOWN : String(value);
  }
  return exportCount(value);
}

/** A table as CSV: an id and a name column, then one column per report column. CRLF line ends. */
export function tableCsv(
  table: ReportTable,
  cell: (row: ReportTable['rows'][number], index: number) => string = (row, index) => exportCell(table, row, index),
): string {
  const lines = [csvRow(['id', table.rowHeader.toLowerCase(), ...table.columns.map((column) => column.label)])];
  for (const row of table.rows) lines.push(csvRow([row.key, row.label, ...table.columns.map((_, index) => cell(row, index))]));
  return `${lines.join('\r\n')}\r\n`;
}

/** The area overview: as tableCsv, with its 12-month totals checked against their parts. */
export function overviewCsv(overview: AreaOverview): string {
  const { table, parts } = overview;
  const referrals = table.columns.findIndex((column) => column.key === 'referrals');
  const unmet = table.columns.findIndex((column) => column.key === 'unmet');
  return tableCsv(table, (row, index) => {
    const value = row.cells[index];
    if (index === referrals) return exportTotal(Number(value), parts.referrals.get(row.key) ?? []);
    if (index === unmet) return exportTotal(Number(value), parts.unmet.get(row.key) ?? []);
    return exportCell(table, row, index);
  });
}

export function csvResponse(body: string, filename: string, headers: Record<string, string>): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...headers },
  });
}
