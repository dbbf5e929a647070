// The panel's gap and use reports: services per type of help per area (and per 10,000 residents),
// referrals and unmet needs by month, services closed or lapsed in the last 12 months, and a
// per-area overview for the choropleth map. Every report is a list of plain tables (ReportTable),
// which the pages show as HTML and the CSV routes export with small-number suppression.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { checkDirectory } from '../freshness-jobs/directory-check';
import { getFreshnessSettings } from '../freshness/settings';
import { documentPlaces, serviceAreaIds, serviceCategoryCodes } from '../search/search-document';
import { loadCrosswalk } from '../taxonomy/crosswalk-store';
import { areaAndAncestors, areaById, areasContaining, getAreas, type Area } from '../geo/areas';
import { councilOfAreaId } from '../geo/councils';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { ALL_REASONS, UNMET_REASON_LABELS } from '../counts/counts';

export const NO_AREA_ID = '';
export const NO_AREA_LABEL = 'Area not given';
export const NO_CATEGORY_LABEL = 'No type of help';

export interface ReportColumn {
  key: string;
  label: string;
  kind?: 'count' | 'rate' | 'text';
}
export interface ReportRow {
  key: string;
  label: string;
  cells: (number | string | null)[];
}
export interface ReportTable {
  id: string;
  caption: string;
  rowHeader: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** For a rate column: the index of the count it was worked out from (suppressed with it). */
  rateOf?: Record<number, number>;
}

/** What the reports need to know about one listing. */
export interface ServiceFacts {
  id: string;
  name: string;
  status: string;
  /** Top-level category ids. */
  categories: string[];
  /** Our areas it is in or covers: the areas its places lie in, and its named service areas with their parents. */
  areas: string[];
  /** When its status became defunct or inactive (change_history), when closed. */
  closedOn: string | null;
  /** Its funding end date, when freshness says funding has lapsed. */
  lapsedOn: string | null;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last 12 calendar months up to and including today's, oldest first ("2026-01"). */
export function lastTwelveMonths(today: string): string[] {
  const now = today.slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => addMonths(now, i - 11));
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The day 12 months before today: the start of "the last 12 months" for closures and lapses. */
export function yearBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

export function areaName(id: string, areas: readonly Area[] = getAreas()): string {
  return id === NO_AREA_ID ? NO_AREA_LABEL : (areaById(id, areas)?.name ?? councilOfAreaId(id)?.name ?? id);
}

export function categoryName(id: string): string {
  return id === '' ? NO_CATEGORY_LABEL : (getTaxonomy().categoryByCode.get(id)?.name ?? id);
}

/** Areas in the order the reports list them: each district, then its areas by name. */
export function orderedAreas(areas: readonly Area[] = getAreas()): Area[] {
  const out: Area[] = [];
  for (const district of areas.filter((area) => area.kind === 'district')) {
    out.push(district, ...areas.filter((area) => area.parent === district.id).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')));
  }
  for (const area of areas) if (!out.includes(area)) out.push(area);
  return out;
}

export function topCategories(): { id: string; name: string }[] {
  return getTaxonomy()
    .categories.filter((term) => term.parent === null)
    .map((term) => ({ id: term.id, name: term.name }));
}

/** Every listing with its categories, areas, and when it closed or its funding lapsed. */
export async function serviceFacts(db: Kysely<DatabaseSchema>, today: string): Promise<ServiceFacts[]> {
  const taxonomy = getTaxonomy();
  const areas = getAreas();
  const facts: ServiceFacts[] = [];
  const statuses = new Map<string, string>();
  for (const row of await db.selectFrom('service').select(['id', 'status']).execute()) statuses.set(row.id, row.status);
  const crosswalk = await loadCrosswalk(db);
  await checkDirectory(db, today, getFreshnessSettings(), {
    onService(record, service) {
      const categories = serviceCategoryCodes(record, crosswalk).filter((code) => taxonomy.categoryByCode.get(code)?.parent === null);
      const ids = new Set<string>();
      for (const id of serviceAreaIds(record)) {
        const area = areaById(id, areas);
        if (area) for (const each of areaAndAncestors(area, areas)) ids.add(each.id);
      }
      for (const place of documentPlaces(record)) for (const area of areasContaining(place, areas)) ids.add(area.id);
      const lapsed = service.freshness.flags.some((flag) => flag.flag === 'funding_lapsed');
      facts.push({
        id: record.id,
        name: record.name,
        status: statuses.get(record.id) ?? record.status,
        categories,
        areas: [...ids],
        closedOn: null,
        lapsedOn: lapsed ? service.freshness.funding_end_date : null,
      });
    },
  });
  // When each closed listing closed: its latest status change to defunct or inactive.
  const closed = facts.filter((fact) => fact.status === 'defunct' || fact.status === 'inactive');
  if (closed.length) {
    const rows = await db
      .selectFrom('change_history')
      .select(['entity_id', 'changed_at', 'new_value'])
      .where('entity', '=', 'service')
      .where('field', '=', 'status')
      .where(
        'entity_id',
        'in',
        closed.map((fact) => fact.id),
      )
      .orderBy('changed_at')
      .execute();
    for (const row of rows) {
      const fact = closed.find((each) => each.id === row.entity_id)!;
      if (row.new_value === 'defunct' || row.new_value === 'inactive') fact.closedOn = row.changed_at.slice(0, 10);
    }
  }
  return facts;
}

const rate = (count: number, population: number | null) => (population ? Math.round((count / population) * 10_000 * 10) / 10 : null);

/** Active services per area: in total, per 10,000 residents, and per top-level type of help. */
export function servicesTable(facts: ServiceFacts[], areas: readonly Area[] = getAreas()): ReportTable {
  const categories = topCategories();
  const active = facts.filter((fact) => fact.status === 'active');
  const rows = orderedAreas(areas).map((area) => {
    const here = active.filter((fact) => fact.areas.includes(area.id));
    return {
      key: area.id,
      label: area.name,
      cells: [
        here.length,
        rate(here.length, area.population),
        ...categories.map((category) => here.filter((fact) => fact.categories.includes(category.id)).length),
      ],
    };
  });
  return {
    id: 'services',
    caption: 'Open services in each area, by type of help',
    rowHeader: 'Area',
    columns: [
      { key: 'services', label: 'Services' },
      { key: 'per_10000', label: 'Per 10,000 residents', kind: 'rate' },
      ...categories.map((category) => ({ key: category.id, label: category.name })),
    ],
    rows,
    rateOf: { 1: 0 },
  };
}

export type ReferralBreakdown = 'service' | 'category' | 'area';

/** Referral counts (referred and signposted together) by month for the last 12 months. */
/**
 * The areas a count recorded against `areaId` counts towards: that area and every area it lies
 * in (a neighbourhood's count is also its ward's and its district's); [''] when no area was given.
 */
function areaKeysOf(areaId: string): string[] {
  if (!areaId) return [''];
  const area = areaById(areaId);
  return area ? areaAndAncestors(area, getAreas()).map((each) => each.id) : [areaId];
}

export async function referralsTable(db: Kysely<DatabaseSchema>, today: string, by: ReferralBreakdown, facts: ServiceFacts[]): Promise<ReportTable> {
  const months = lastTwelveMonths(today);
  const rows = await db
    .selectFrom('referral_count')
    .select(['day', 'service_id', 'area_id', 'count'])
    .where('day', '>=', `${months[0]}-01`)
    .where('day', '<=', `${months[11]}-31`)
    .execute();
  const byKey = new Map<string, number[]>();
  const add = (key: string, month: string, count: number) => {
    let cells = byKey.get(key);
    if (!cells) byKey.set(key, (cells = months.map(() => 0)));
    const index = months.indexOf(month);
    if (index >= 0) cells[index]! += count;
  };
  const factById = new Map(facts.map((fact) => [fact.id, fact]));
  for (const row of rows) {
    const month = row.day.slice(0, 7);
    if (by === 'service') add(row.service_id, month, row.count);
    else if (by === 'area') for (const key of areaKeysOf(row.area_id)) add(key, month, row.count);
    else {
      const categories = factById.get(row.service_id)?.categories ?? [];
      for (const category of categories.length ? categories : ['']) add(category, month, row.count);
    }
  }
  const label = (key: string) => (by === 'service' ? (factById.get(key)?.name ?? key) : by === 'area' ? areaName(key) : categoryName(key));
  const tableRows = [...byKey.entries()]
    .map(([key, cells]) => ({ key, label: label(key), cells }))
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.label.localeCompare(b.label, 'en-GB'));
  const heads: Record<ReferralBreakdown, [string, string]> = {
    service: ['Referrals and signposts to each service, by month', 'Service'],
    category: ['Referrals and signposts by type of help, by month', 'Type of help'],
    area: ['Referrals and signposts by area, by month (a district includes its wards and neighbourhoods)', 'Area'],
  };
  return {
    id: `referrals-by-${by}`,
    caption: heads[by][0],
    rowHeader: heads[by][1],
    columns: months.map((month) => ({ key: month, label: monthLabel(month) })),
    rows: tableRows,
  };
}

export type UnmetBreakdown = 'reason' | 'category' | 'area';

/** Unmet needs in the last 12 months: by reason and month, or by category or area and reason. */
export async function unmetTable(db: Kysely<DatabaseSchema>, today: string, by: UnmetBreakdown): Promise<ReportTable> {
  const months = lastTwelveMonths(today);
  const rows = await db
    .selectFrom('unmet_need_count')
    .select(['day', 'category_id', 'area_id', 'reason', 'count'])
    .where('day', '>=', `${months[0]}-01`)
    .where('day', '<=', `${months[11]}-31`)
    .execute();
  if (by === 'reason') {
    const tableRows = ALL_REASONS.map((reason) => ({
      key: reason,
      label: UNMET_REASON_LABELS[reason],
      cells: months.map((month) => rows.filter((row) => row.reason === reason && row.day.startsWith(month)).reduce((sum, row) => sum + row.count, 0)),
    }));
    return {
      id: 'unmet-by-reason',
      caption: 'Unmet needs by what was missing, by month',
      rowHeader: 'What was missing',
      columns: months.map((month) => ({ key: month, label: monthLabel(month) })),
      rows: tableRows,
    };
  }
  const keysOf = (row: (typeof rows)[number]) => (by === 'category' ? [row.category_id] : areaKeysOf(row.area_id));
  const keys = [...new Set(rows.flatMap(keysOf))];
  const label = (key: string) => (by === 'category' ? categoryName(key) : areaName(key));
  const tableRows = keys
    .map((key) => ({
      key,
      label: label(key),
      cells: ALL_REASONS.map((reason) => rows.filter((row) => keysOf(row).includes(key) && row.reason === reason).reduce((sum, row) => sum + row.count, 0)),
    }))
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.label.localeCompare(b.label, 'en-GB'));
  return {
    id: `unmet-by-${by}`,
    caption:
      by === 'category'
        ? 'Unmet needs in the last 12 months by type of help and what was missing'
        : 'Unmet needs in the last 12 months by area and what was missing (a district includes its wards and neighbourhoods)',
    rowHeader: by === 'category' ? 'Type of help' : 'Area',
    columns: ALL_REASONS.map((reason) => ({ key: reason, label: UNMET_REASON_LABELS[reason] })),
    rows: tableRows,
  };
}

/** Services that closed, or whose funding lapsed, in the 12 months up to today. */
export function closedFacts(facts: ServiceFacts[], today: string): { closed: ServiceFacts[]; lapsed: ServiceFacts[] } {
  const from = yearBefore(today);
  const within = (day: string | null) => day !== null && day > from && day <= today;
  const closed = facts.filter((fact) => within(fact.closedOn));
  const lapsed = facts.filter((fact) => !closed.includes(fact) && within(fact.lapsedOn));
  return { closed, lapsed };
}

/** Closed and lapsed services in the last 12 months, by type of help or by area. */
export function closedTable(facts: ServiceFacts[], today: string, by: 'category' | 'area'): ReportTable {
  const { closed, lapsed } = closedFacts(facts, today);
  const keys = by === 'category' ? [...topCategories().map((category) => category.id), ''] : [...orderedAreas().map((area) => area.id), ''];
  const keysOf = (fact: ServiceFacts) => {
    const list = by === 'category' ? fact.categories : fact.areas;
    return list.length ? list : [''];
  };
  const rows = keys
    .map((key) => ({
      key,
      label: by === 'category' ? categoryName(key) : areaName(key),
      cells: [closed.filter((fact) => keysOf(fact).includes(key)).length, lapsed.filter((fact) => keysOf(fact).includes(key)).length],
    }))
    .filter((row) => row.key !== '' || row.cells.some((cell) => cell > 0));
  return {
    id: `closed-by-${by}`,
    caption:
      by === 'category'
        ? 'Services closed or with funding lapsed in the last 12 months, by type of help'
        : 'Services closed or with funding lapsed in the last 12 months, by area',
    rowHeader: by === 'category' ? 'Type of help' : 'Area',
    columns: [
      { key: 'closed', label: 'Closed' },
      { key: 'funding_lapsed', label: 'Funding lapsed' },
    ],
    rows,
  };
}

/** Gaps in the register, per area: still open and resolved. */
export async function gapsTable(db: Kysely<DatabaseSchema>): Promise<ReportTable> {
  const rows = (await db.selectFrom('gap').select(['area_id', 'status']).execute()).map((row) => ({ ...row, keys: areaKeysOf(row.area_id) }));
  const areas = orderedAreas().filter((area) => rows.some((row) => row.keys.includes(area.id)));
  return {
    id: 'gaps-by-area',
    caption: 'Gaps in the register, by area (a district includes its wards and neighbourhoods)',
    rowHeader: 'Area',
    columns: [
      { key: 'open', label: 'Open (not resolved)' },
      { key: 'resolved', label: 'Resolved' },
    ],
    rows: areas.map((area) => ({
      key: area.id,
      label: area.name,
      cells: [
        rows.filter((row) => row.keys.includes(area.id) && row.status !== 'resolved').length,
        rows.filter((row) => row.keys.includes(area.id) && row.status === 'resolved').length,
      ],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The per-area overview, for the map

export const MEASURES = {
  services: 'Open services',
  per_10000: 'Open services per 10,000 residents',
  referrals: 'Referrals and signposts (last 12 months)',
  unmet: 'Unmet needs (last 12 months)',
  closed: 'Closed or funding lapsed (last 12 months)',
  gaps: 'Open gaps in the register',
} as const;
export type Measure = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as Measure[];
export const MAP_LEVELS = { ward: 'Wards', district: 'Districts' } as const;
export type MapLevel = keyof typeof MAP_LEVELS;

export interface AreaOverview {
  table: ReportTable;
  /** For the CSV: each area's referral months and unmet reasons, the parts of its totals. */
  parts: { referrals: Map<string, number[]>; unmet: Map<string, number[]> };
}

/** One row per area of the chosen level, one column per measure. */
export async function areaOverview(db: Kysely<DatabaseSchema>, today: string, level: MapLevel, facts: ServiceFacts[]): Promise<AreaOverview> {
  const areas = orderedAreas().filter((area) => area.kind === level);
  const services = servicesTable(facts);
  const referrals = await referralsTable(db, today, 'area', facts);
  const unmet = await unmetTable(db, today, 'area');
  const closed = closedTable(facts, today, 'area');
  const gaps = await gapsTable(db);
  const cellsOf = (table: ReportTable, key: string) => table.rows.find((row) => row.key === key)?.cells as number[] | undefined;
  const sum = (cells: number[] | undefined) => (cells ?? []).reduce((total, cell) => total + cell, 0);
  const parts = { referrals: new Map<string, number[]>(), unmet: new Map<string, number[]>() };
  const rows = areas.map((area) => {
    const own = cellsOf(services, area.id)!;
    parts.referrals.set(area.id, cellsOf(referrals, area.id) ?? []);
    parts.unmet.set(area.id, cellsOf(unmet, area.id) ?? []);
    const closedCells = cellsOf(closed, area.id) ?? [0, 0];
    return {
      key: area.id,
      label: area.name,
      cells: [
        own[0]!,
        own[1]!,
        sum(cellsOf(referrals, area.id)),
        sum(cellsOf(unmet, area.id)),
        closedCells[0]! + closedCells[1]!,
        cellsOf(gaps, area.id)?.[0] ?? 0,
      ],
    };
  });
  return {
    table: {
      id: `areas-${level}`,
      caption: `Each ${level === 'ward' ? 'ward' : 'district'} at a glance`,
      rowHeader: level === 'ward' ? 'Ward' : 'District',
      columns: MEASURE_KEYS.map((key) => ({ key, label: MEASURES[key], kind: key === 'per_10000' ? ('rate' as const) : ('count' as const) })),
      rows,
      rateOf: { 1: 0 },
    },
    parts,
  };
}
