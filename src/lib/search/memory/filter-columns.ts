// The in-memory filter engine both search backends use (SQLite FTS5 and PostgreSQL match the
// words; this filters, counts facets and measures distance): every document's filter fields,
// column by column, a row per document, so filtering 100,000 is a tight loop. Each filter's
// column comes from its declaration (src/lib/search/filters/), one kind of meaning at a time
// (kinds.ts); tests/unit/filter-engine.test.ts holds it to the reference meaning.
import { FRESHNESS_STATUSES } from '../../freshness/rules';
import { CAPACITY_FACETS, FILTERS, type CapacityFacet, type FacetCounts, type FilterFields, type Origin, type SearchQuery } from '../filters';
import { ValueColumn, makeColumns, type Column, type DistanceColumn, type RowTest } from './kinds';

export class FilterColumns {
  size = 0;
  private capacityRows = 0;
  readonly columns: Column[];
  private readonly place: DistanceColumn;
  private readonly freshColumn: ValueColumn;
  private readonly capacityColumn: ValueColumn;

  constructor(capacity = 1024) {
    const { columns, place } = makeColumns(FILTERS);
    this.columns = columns;
    this.place = place;
    const valuesOf = (field: string): ValueColumn => {
      const column = columns.find((c): c is ValueColumn => c instanceof ValueColumn && c.field === field);
      if (!column) throw new Error(`No filter on ${field}`);
      return column;
    };
    this.freshColumn = valuesOf('freshness');
    this.capacityColumn = valuesOf('capacity');
    this.grow(capacity);
  }

  private grow(rows: number): void {
    for (const column of this.columns) column.grow(rows);
    this.capacityRows = rows;
  }

  /** Writes one document's fields into row `row` (growing the columns as needed). */
  set(row: number, fields: FilterFields): void {
    if (row >= this.capacityRows) this.grow(Math.max(row + 1, this.capacityRows * 2));
    if (row >= this.size) this.size = row + 1;
    for (const column of this.columns) column.set(row, fields);
  }

  /** Measures every row from the searched place (or clears the measurement), for one search at a time. */
  measureFrom(origin: Origin | null): void {
    this.place.measureFrom(origin, this.size);
  }

  /** Whether distance and coversOrigin hold a measurement. */
  get measured(): boolean {
    return this.place.measured;
  }
  /** Kilometres from the searched place to each row's nearest place; Infinity without a place. */
  get distance(): Float64Array {
    return this.place.distance;
  }
  get coversOrigin(): Uint8Array {
    return this.place.coversOrigin;
  }
  get remote(): Uint8Array {
    return this.place.remote;
  }
  /** Each row's freshness as its place in FRESHNESS_STATUSES (0 ok, 1 check, 2 stale). */
  get freshness(): Uint8Array {
    return this.freshColumn.values;
  }
  /** Each row's capacity as its place in CAPACITY_FACETS. */
  get capacity(): Uint8Array {
    return this.capacityColumn.values;
  }
  capacityOf(row: number): CapacityFacet | null {
    return CAPACITY_FACETS[this.capacity[row]!] ?? null;
  }
}

export const STALE = FRESHNESS_STATUSES.indexOf('stale');

/**
 * How a row stands to the searched place: 'place' when it has a place (within the radius, if
 * one is set); 'area' when it covers the searched area; 'remote' when it needs no travel;
 * otherwise 'unknown'. Only meaningful after measureFrom(origin).
 */
export function reachOf(columns: FilterColumns, row: number, radiusKm: number | null): 'place' | 'area' | 'remote' | 'unknown' {
  const distance = columns.distance[row]!;
  if (distance !== Infinity && (radiusKm === null || distance <= radiusKm)) return 'place';
  if (columns.coversOrigin[row]) return 'area';
  if (columns.remote[row]) return 'remote';
  return distance !== Infinity ? 'place' : 'unknown';
}

/** A query compiled into one test per filter it uses; compiled just before the rows are filtered. */
export interface CompiledFilters {
  /** The names of the filters used. */
  groups: string[];
  tests: RowTest[];
  /** For each test, its column's place in FilterColumns.columns. */
  columnOf: number[];
}

export function compileFilters(columns: FilterColumns, query: SearchQuery): CompiledFilters {
  const compiled: CompiledFilters = { groups: [], tests: [], columnOf: [] };
  columns.columns.forEach((column, i) => {
    const test = column.test(query);
    if (!test) return;
    compiled.groups.push(column.filter.name);
    compiled.tests.push(test);
    compiled.columnOf.push(i);
  });
  return compiled;
}

/** Rows kept for counting later. */
class RowList {
  rows = new Int32Array(256);
  count = 0;
  push(row: number): void {
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = row;
  }
}

/**
 * Counts facets. `add(row, failed)` takes a row that passes every filter (failed = -1) or fails
 * exactly one (its index in CompiledFilters.tests): such a row still counts towards that
 * filter's values, so each count says what choosing that value would give ("disjunctive"
 * facets). The rows are kept and counted filter by filter at the end.
 */
export class FacetCounter {
  private readonly full = new RowList();
  private readonly failed: RowList[];

  constructor(
    private readonly columns: FilterColumns,
    private readonly query: SearchQuery,
    private readonly compiled: CompiledFilters,
  ) {
    this.failed = compiled.tests.map(() => new RowList());
  }

  add(row: number, failed: number): void {
    (failed < 0 ? this.full : this.failed[failed]!).push(row);
  }

  counts(): FacetCounts {
    const counts: Partial<FacetCounts> = {};
    const columnIndex = new Map(this.compiled.columnOf.map((column, test) => [column, test]));
    this.columns.columns.forEach((column, i) => {
      const part = column.facets(this.query);
      part.full(this.full.rows, this.full.count);
      const test = columnIndex.get(i);
      if (test !== undefined) part.failedOnly(this.failed[test]!.rows, this.failed[test]!.count);
      Object.assign(counts, part.result());
    });
    return counts as FacetCounts;
  }
}

/**
 * Runs compiled filters over rows: calls `onResult` for each row passing every filter and, when
 * a FacetCounter is given, counts each row that fails at most one.
 */
export function filterRows(rows: ArrayLike<number>, compiled: CompiledFilters, onResult: (row: number, index: number) => void, facets?: FacetCounter): void {
  const tests = compiled.tests;
  const groupCount = tests.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let failed = -1;
    let failures = 0;
    for (let g = 0; g < groupCount; g++) {
      if (!tests[g]!(row)) {
        failures++;
        failed = g;
        if (failures > 1 || !facets) break;
      }
    }
    if (failures === 0) onResult(row, i);
    if (facets && failures <= 1) facets.add(row, failed);
  }
}
