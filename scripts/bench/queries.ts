// The benchmark's 26 representative searches (20 by words and filters, 6 near a place), and the same searches written as bare SQL on the
// SQLite FTS backend's tables (the baseline the layered search is compared with).
import type Database from 'better-sqlite3';
import { DAYS, type SearchQuery } from '../../src/lib/search/filters';
import { parseTextQuery } from '../../src/lib/search/query-text';
import { COLUMN_WEIGHTS } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import { toMatchExpression } from '../../src/lib/search/sqlite-fts/match-expression';

export type QueryKind = 'text' | 'filters' | 'text+filters' | 'place';

export interface BenchQuery {
  kind: QueryKind;
  /** The query string, as the search page would send it. */
  qs: string;
}

export const QUERIES: BenchQuery[] = [
  { kind: 'text', qs: 'q=walking' },
  { kind: 'text', qs: 'q=food+bank' },
  { kind: 'text', qs: 'q=foodbank' },
  { kind: 'text', qs: 'q=lonely' },
  { kind: 'text', qs: 'q=debt+advice' },
  { kind: 'text', qs: 'q=art' },
  { kind: 'text', qs: 'q=bereavement+cafe' },
  { kind: 'filters', qs: 'cost=free&day=tue' },
  { kind: 'filters', qs: 'mode=phone' },
  { kind: 'filters', qs: 'category=food&time=evening' },
  { kind: 'filters', qs: 'access=step-free&cost=free' },
  { kind: 'filters', qs: 'age=70&referral=drop_in' },
  { kind: 'filters', qs: 'capacity=available&day=sat&day=sun' },
  { kind: 'text+filters', qs: 'q=walking&cost=free&day=wed&age=70' },
  { kind: 'text+filters', qs: 'q=food+bank&referral=drop_in&mode=in_person&capacity=available' },
  { kind: 'text+filters', qs: 'q=lonely&time=morning&cost=free&referral=self' },
  { kind: 'text+filters', qs: 'q=debt+advice&mode=phone&referral=self&capacity=accepting' },
  { kind: 'text+filters', qs: 'q=art&cost=concessions&time=afternoon&access=accessible-toilet' },
  { kind: 'text+filters', qs: 'q=memory+cafe&access=dementia-friendly&cost=free&day=thu' },
  { kind: 'text+filters', qs: 'q=counselling&mode=online&age=30&capacity=available' },
  // Near a point (the synthetic places are spread over England): nearest first, within a radius.
  { kind: 'place', qs: 'near=53.0,-1.5' },
  { kind: 'place', qs: 'near=54.0,-1.2&radius_km=10' },
  { kind: 'place', qs: 'near=51.5,-0.8&radius_km=25&cost=free' },
  { kind: 'place', qs: 'q=walking&near=52.5,-2.0' },
  { kind: 'place', qs: 'q=food+bank&near=52.0,-1.0&radius_km=20' },
  { kind: 'place', qs: 'near=53.5,-2.2&transport=walk&walk_km=3&day=tue' },
];

/** The point of a benchmark query's near= ("lat,lng"), for the bare SQL. */
function pointOf(near: string): { latitude: number; longitude: number } | null {
  const match = /^(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)$/.exec(near.trim());
  return match ? { latitude: Number(match[1]), longitude: Number(match[2]) } : null;
}

export interface BareQuery {
  /** The first page of results: rowids (and bm25 score for text). */
  page: Database.Statement;
  count: Database.Statement;
  params: unknown[];
  /** The SQL of the page statement, for the JSON results. */
  sql: string;
}

const FIELD = (path: string) => `json_extract(d.fields, '$.${path}')`;

/** Filter conditions on search_document d, written by hand as json_extract / json_each. */
function conditions(query: SearchQuery): { where: string[]; params: unknown[] } {
  const where = ['d.removed = 0'];
  const params: unknown[] = [];
  /** The document's list at `path` holds one of `values`. */
  const anyOf = (path: string, values: readonly string[]) => {
    if (!values.length) return;
    where.push(`exists (select 1 from json_each(d.fields, '$.${path}') where value in (${values.map(() => '?').join(', ')}))`);
    params.push(...values);
  };
  anyOf('categories', query.category);
  anyOf('cost', query.cost);
  if (query.max_cost !== null) {
    where.push(`${FIELD('lowestCost')} <= ?`);
    params.push(query.max_cost);
  }
  anyOf('modes', query.mode);
  if (query.time.length) {
    const days = query.day.length ? query.day : DAYS;
    anyOf(
      'sessions',
      days.flatMap((day) => query.time.map((time) => `${day} ${time}`)),
    );
  } else anyOf('days', query.day);
  if (query.age !== null) {
    where.push(`coalesce(${FIELD('minimumAge')}, 0) <= ? and coalesce(${FIELD('maximumAge')}, 1000) >= ?`);
    params.push(query.age, query.age);
  }
  anyOf('referral', query.referral);
  for (const code of query.access) {
    where.push(`exists (select 1 from json_each(d.fields, '$.access') where value = ?)`);
    params.push(code);
  }
  if (query.capacity === 'available') where.push(`${FIELD('capacity')} not in ('full', 'paused')`);
  else if (query.capacity === 'accepting') where.push(`${FIELD('capacity')} = 'accepting'`);
  if (!query.include_closed) where.push(`${FIELD('status')} = 'active'`);
  return { where, params };
}

/** Prepares the bare-SQL form of a parsed query (preparing is not timed; running is). */
export function bareQuery(sqlite: Database.Database, query: SearchQuery): BareQuery {
  const point = pointOf(query.near);
  if (point) return bareNearQuery(sqlite, query, point);
  const { where, params } = conditions(query);
  const expression = toMatchExpression(parseTextQuery(query.q));
  const limit = `limit ${query.per_page} offset ${(query.page - 1) * query.per_page}`;
  if (expression) {
    const from = `from search_fts join search_document d on d.rowid = search_fts.rowid where search_fts match ? and ${where.join(' and ')}`;
    const sql = `select search_fts.rowid, bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')}) ${from} order by 2 ${limit}`;
    return { page: sqlite.prepare(sql).raw(true), count: sqlite.prepare(`select count(*) ${from}`).pluck(), params: [expression, ...params], sql };
  }
  const from = `from search_document d where ${where.join(' and ')}`;
  const sql = `select d.rowid ${from} order by d.sort_name, d.rowid ${limit}`;
  return { page: sqlite.prepare(sql).pluck(), count: sqlite.prepare(`select count(*) ${from}`).pluck(), params, sql };
}

/**
 * A search near a point as bare SQL: the squared equirectangular distance to the nearest of a
 * document's places, from its stored points (json_each pairs latitude and longitude), the radius
 * as that distance or a remote service, nearest first. (It leaves out "covers the area", which
 * the synthetic services do not use.)
 */
function bareNearQuery(sqlite: Database.Database, query: SearchQuery, point: { latitude: number; longitude: number }): BareQuery {
  const { where, params } = conditions(query);
  const radians = Math.PI / 180;
  const ky = radians * 6371.0088;
  const kx = Math.cos(point.latitude * radians) * ky;
  const nearest = `(select min(((p.value - ${point.latitude}) * ${ky}) * ((p.value - ${point.latitude}) * ${ky})
      + ((json_extract(d.fields, '$.points[' || (p.key + 1) || ']') - ${point.longitude}) * ${kx})
      * ((json_extract(d.fields, '$.points[' || (p.key + 1) || ']') - ${point.longitude}) * ${kx}))
    from json_each(d.fields, '$.points') p where p.key % 2 = 0)`;
  const limits: string[] = [];
  if (query.radius_km !== null) limits.push(`(dist2 <= ${query.radius_km ** 2} or ${FIELD('remote')} = 1)`);
  if (query.transport.includes('walk')) limits.push(`dist2 <= ${(query.walk_km ?? 1.5) ** 2}`);
  const expression = toMatchExpression(parseTextQuery(query.q));
  const limit = `limit ${query.per_page} offset ${(query.page - 1) * query.per_page}`;
  const source = expression
    ? `from search_fts join search_document d on d.rowid = search_fts.rowid where search_fts match ? and ${where.join(' and ')}`
    : `from search_document d where ${where.join(' and ')}`;
  const inner = `select d.rowid as rowid, ${nearest} as dist2, d.fields as fields ${source}`;
  const outer = `from (${inner}) d${limits.length ? ` where ${limits.join(' and ')}` : ''}`;
  const sql = `select d.rowid, d.dist2 ${outer} order by d.dist2 is null, d.dist2 ${limit}`;
  const allParams = expression ? [expression, ...params] : params;
  return { page: sqlite.prepare(sql).raw(true), count: sqlite.prepare(`select count(*) ${outer}`).pluck(), params: allParams, sql };
}

/** Runs the bare query: the first page and the total. */
export function runBare(bare: BareQuery): { total: number; rows: number } {
  const rows = bare.page.all(...bare.params).length;
  const total = bare.count.get(...bare.params) as number;
  return { total, rows };
}
