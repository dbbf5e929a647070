// The benchmark's 20 representative searches, and the same searches written as bare SQL on the
// SQLite FTS backend's tables (the baseline the layered search is compared with).
import type Database from 'better-sqlite3';
import {
  COST_BANDS, DAYS, DELIVERY_MODES, REFERRAL_ROUTES, bitsOf, slotMask, type SearchQuery,
} from '../../src/lib/search/filters';
import { parseTextQuery } from '../../src/lib/search/query-text';
import { COLUMN_WEIGHTS } from '../../src/lib/search/sqlite-fts/sqlite-fts-backend';
import { toMatchExpression } from '../../src/lib/search/sqlite-fts/match-expression';

export type QueryKind = 'text' | 'filters' | 'text+filters';

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
];

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
  if (query.category.length) {
    where.push(`exists (select 1 from json_each(d.fields, '$.categories') where value in (${query.category.map(() => '?').join(', ')}))`);
    params.push(...query.category);
  }
  if (query.cost.length) {
    where.push(`(${FIELD('costBits')} & ?) != 0`);
    params.push(bitsOf(COST_BANDS, query.cost));
  }
  if (query.max_cost !== null) {
    where.push(`${FIELD('lowestCost')} <= ?`);
    params.push(query.max_cost);
  }
  if (query.mode.length) {
    where.push(`(${FIELD('modeBits')} & ?) != 0`);
    params.push(bitsOf(DELIVERY_MODES, query.mode));
  }
  if (query.time.length) {
    where.push(`(${FIELD('slotBits')} & ?) != 0`);
    params.push(slotMask(query.day, query.time));
  } else if (query.day.length) {
    where.push(`(${FIELD('dayBits')} & ?) != 0`);
    params.push(bitsOf(DAYS, query.day));
  }
  if (query.age !== null) {
    where.push(`coalesce(${FIELD('minimumAge')}, 0) <= ? and coalesce(${FIELD('maximumAge')}, 1000) >= ?`);
    params.push(query.age, query.age);
  }
  if (query.referral.length) {
    where.push(`(${FIELD('referralBits')} & ?) != 0`);
    params.push(bitsOf(REFERRAL_ROUTES, query.referral));
  }
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

/** Runs the bare query: the first page and the total. */
export function runBare(bare: BareQuery): { total: number; rows: number } {
  const rows = bare.page.all(...bare.params).length;
  const total = bare.count.get(...bare.params) as number;
  return { total, rows };
}
