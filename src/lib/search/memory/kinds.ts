// The in-memory engine's columns: one per filter, made from its declared meaning
// (src/lib/search/filters/definition.ts): each kind of meaning is written here once.
import type { FacetCounts, FilterDefinition, FilterFields, Meaning, Origin, SearchQuery } from '../filters';
import { DAYS, DEFAULT_WALK_KM, RADIUS_FACETS, TIMES_OF_DAY, TRANSPORT_FEATURES, TRANSPORT_OPTIONS, featuresChosen, kmPerDegree } from '../filters';
import { getAreas } from '../../geo/areas';
import { councilOnlyAreaIds } from '../../geo/councils';
import { BitSets, record, spread } from './bit-sets';

export type RowTest = (row: number) => boolean;

/** Counts one filter's facets for one search. */
export interface FacetPart {
  /** Rows that pass every filter. */
  full(rows: ArrayLike<number>, count: number): void;
  /** Rows that fail this filter and pass every other. */
  failedOnly(rows: ArrayLike<number>, count: number): void;
  result(): Partial<FacetCounts>;
}

/** One filter's values for every row. */
export interface Column {
  readonly filter: FilterDefinition;
  grow(rows: number): void;
  set(row: number, fields: FilterFields): void;
  /** The test of a query, or null when the query does not use this filter. */
  test(query: SearchQuery): RowTest | null;
  facets(query: SearchQuery): FacetPart;
}

type Of<K extends Meaning['kind']> = Extract<Meaning, { kind: K }>;

function growArray<T extends Uint8Array | Uint32Array | Float64Array>(old: T, rows: number, make: (n: number) => T, fill?: number): T {
  const fresh = make(rows);
  if (fill !== undefined) fresh.fill(fill);
  fresh.set(old.subarray(0, Math.min(old.length, rows)));
  return fresh;
}

/** A part counting the same way for rows passing every filter and rows failing only this one. */
function disjunctive(add: (rows: ArrayLike<number>, count: number) => void, result: () => Partial<FacetCounts>): FacetPart {
  return { full: add, failedOnly: add, result };
}

/** Any of (or all of) a list of known values. */
class ListColumn implements Column {
  readonly bits: BitSets;
  constructor(
    readonly filter: FilterDefinition,
    private readonly meaning: Of<'any-of'> | Of<'all-of'>,
  ) {
    this.bits = new BitSets(meaning.values!());
  }
  grow(rows: number): void {
    this.bits.grow(rows);
  }
  set(row: number, fields: FilterFields): void {
    this.bits.set(row, fields[this.meaning.field]);
  }
  test(query: SearchQuery): RowTest | null {
    const chosen = this.meaning.chosen(query);
    if (!chosen.length) return null;
    const mask = this.bits.mask(chosen);
    return this.meaning.kind === 'any-of' ? this.bits.anyTest(mask) : this.bits.allTest(mask);
  }
  facets(query: SearchQuery): FacetPart {
    const counter = this.bits.counter();
    const result = () => this.meaning.facets(record(this.bits.values, counter.counts()), query);
    const add = (rows: ArrayLike<number>, count: number) => counter.add(rows, count);
    // "All of" counts only the results: each count says how many would be left with it chosen too.
    return this.meaning.kind === 'any-of' ? disjunctive(add, result) : { full: add, failedOnly: () => {}, result };
  }
}

/** Any of a list of values not known in advance (languages). */
class OpenListColumn implements Column {
  private lists: (readonly string[] | null)[] = [];
  /** Every value any row has had. */
  private readonly seen = new Set<string>();
  constructor(
    readonly filter: FilterDefinition,
    private readonly meaning: Of<'any-of'>,
  ) {}
  grow(): void {}
  set(row: number, fields: FilterFields): void {
    const values = fields[this.meaning.field];
    for (const value of values) this.seen.add(value);
    this.lists[row] = values.length ? [...values] : null;
  }
  test(query: SearchQuery): RowTest | null {
    const chosen = this.meaning.chosen(query);
    if (!chosen.length) return null;
    const wanted = new Set(chosen);
    const lists = this.lists;
    return (row) => lists[row]?.some((value) => wanted.has(value)) ?? false;
  }
  facets(query: SearchQuery): FacetPart {
    const tally = new Map<string, number>();
    const lists = this.lists;
    const add = (rows: ArrayLike<number>, count: number) => {
      for (let i = 0; i < count; i++) {
        const list = lists[rows[i]!];
        if (list) for (const value of list) tally.set(value, (tally.get(value) ?? 0) + 1);
      }
    };
    return disjunctive(add, () => this.meaning.facets(Object.fromEntries([...this.seen].sort().map((value) => [value, tally.get(value) ?? 0])), query));
  }
}

/** A number at most the one chosen (at-most), or a range holding it (range); facets at fixed points. */
class NumberColumn implements Column {
  private low = new Float64Array(0);
  private high = new Float64Array(0);
  /** Bit i: the row meets points[i]. */
  private meets = new Uint8Array(0);
  constructor(
    readonly filter: FilterDefinition,
    private readonly meaning: Of<'at-most'> | Of<'range'>,
  ) {
    if (meaning.points.length > 8) throw new Error(`${filter.name}: at most 8 facet points`);
  }
  grow(rows: number): void {
    this.low = growArray(this.low, rows, (n) => new Float64Array(n), Number.NaN);
    this.high = growArray(this.high, rows, (n) => new Float64Array(n), Number.NaN);
    this.meets = growArray(this.meets, rows, (n) => new Uint8Array(n));
  }
  set(row: number, fields: FilterFields): void {
    const meaning = this.meaning;
    // NaN stands for "not known": it is never at most anything, and a range with it is open.
    const low = meaning.kind === 'at-most' ? fields[meaning.field] : fields[meaning.min];
    const high = meaning.kind === 'at-most' ? null : fields[meaning.max];
    this.low[row] = low ?? Number.NaN;
    this.high[row] = high ?? Number.NaN;
    let meets = 0;
    meaning.points.forEach((point, i) => {
      if (this.holds(row, point)) meets |= 1 << i;
    });
    this.meets[row] = meets;
  }
  private holds(row: number, value: number): boolean {
    return this.meaning.kind === 'at-most' ? this.low[row]! <= value : !(this.low[row]! > value) && !(this.high[row]! < value);
  }
  test(query: SearchQuery): RowTest | null {
    const value = this.meaning.chosen(query);
    if (value === null) return null;
    const low = this.low;
    const high = this.high;
    return this.meaning.kind === 'at-most' ? (row) => low[row]! <= value : (row) => !(low[row]! > value) && !(high[row]! < value);
  }
  facets(query: SearchQuery): FacetPart {
    const sets = new Int32Array(1 << this.meaning.points.length);
    const meets = this.meets;
    return disjunctive(
      (rows, count) => {
        for (let i = 0; i < count; i++) sets[meets[rows[i]!]!]!++;
      },
      () => this.meaning.facets(record(this.meaning.points.map(String), spread(sets, this.meaning.points.length)), query),
    );
  }
}

const UNKNOWN = 255;

/** One value of a fixed list, one of those the query allows. */
export class ValueColumn implements Column {
  /** Each row's value as its place in the list (UNKNOWN for one not in it). */
  values = new Uint8Array(0);
  private readonly index: Map<string, number>;
  constructor(
    readonly filter: FilterDefinition,
    private readonly meaning: Of<'one-of'>,
  ) {
    if (meaning.values.length >= UNKNOWN) throw new Error(`${filter.name}: too many values`);
    this.index = new Map(meaning.values.map((value, i) => [value, i]));
  }
  /** The document field it holds. */
  get field(): string {
    return this.meaning.field;
  }
  grow(rows: number): void {
    this.values = growArray(this.values, rows, (n) => new Uint8Array(n), UNKNOWN);
  }
  set(row: number, fields: FilterFields): void {
    this.values[row] = this.index.get(fields[this.meaning.field]) ?? UNKNOWN;
  }
  test(query: SearchQuery): RowTest | null {
    const allowed = this.meaning.allowed(query);
    if (allowed === null) return null;
    const ok = new Uint8Array(UNKNOWN + 1);
    for (const value of allowed) {
      const i = this.index.get(value);
      if (i !== undefined) ok[i] = 1;
    }
    const values = this.values;
    return (row) => ok[values[row]!] === 1;
  }
  facets(query: SearchQuery): FacetPart {
    const tally = new Int32Array(UNKNOWN + 1);
    const values = this.values;
    return disjunctive(
      (rows, count) => {
        for (let i = 0; i < count; i++) tally[values[rows[i]!]!]!++;
      },
      () => this.meaning.facets(record(this.meaning.values, tally), query),
    );
  }
}

const PARTS = TIMES_OF_DAY.length;
const DAY_INDEX = new Map<string, number>(DAYS.map((day, i) => [day, i]));
const TIME_INDEX = new Map<string, number>(TIMES_OF_DAY.map((time, i) => [time, i]));

/** Session bits for days D (all days when empty) and parts of the day T (all parts when empty). */
function sessionMask(days: readonly string[], times: readonly string[]): number {
  const dayIndexes = days.length ? days.map((day) => DAY_INDEX.get(day)!) : DAYS.map((_, i) => i);
  const timeIndexes = times.length ? times.map((time) => TIME_INDEX.get(time)!) : TIMES_OF_DAY.map((_, i) => i);
  let mask = 0;
  for (const day of dayIndexes) for (const part of timeIndexes) mask |= 1 << (day * PARTS + part);
  return mask;
}

/** Days and sessions (when.ts). */
class ScheduleColumn implements Column {
  /** Bit d: runs on day d (Monday = 0). */
  private days = new Uint8Array(0);
  /** Bit day * 3 + part: runs on that day in that part of the day. */
  private sessions = new Uint32Array(0);
  constructor(readonly filter: FilterDefinition) {}
  grow(rows: number): void {
    this.days = growArray(this.days, rows, (n) => new Uint8Array(n));
    this.sessions = growArray(this.sessions, rows, (n) => new Uint32Array(n));
  }
  set(row: number, fields: FilterFields): void {
    let days = 0;
    for (const day of fields.days) days |= 1 << DAY_INDEX.get(day)!;
    let sessions = 0;
    for (const session of fields.sessions) {
      const [day, time] = session.split(' ');
      sessions |= 1 << (DAY_INDEX.get(day!)! * PARTS + TIME_INDEX.get(time!)!);
    }
    this.days[row] = days;
    this.sessions[row] = sessions;
  }
  test(query: SearchQuery): RowTest | null {
    const sessions = this.sessions;
    const days = this.days;
    if (query.time.length) {
      const mask = sessionMask(query.day, query.time);
      return (row) => (sessions[row]! & mask) !== 0;
    }
    if (!query.day.length) return null;
    const mask = query.day.reduce((bits, day) => bits | (1 << DAY_INDEX.get(day)!), 0);
    return (row) => (days[row]! & mask) !== 0;
  }
  facets(query: SearchQuery): FacetPart {
    const daySets = new Int32Array(1 << DAYS.length);
    const partSets = new Int32Array(1 << PARTS);
    const timeMask = query.time.length ? sessionMask([], query.time) : 0;
    const chosenDays = sessionMask(query.day, []);
    const [morning, afternoon, evening] = TIMES_OF_DAY.map((time) => sessionMask([], [time]) & chosenDays) as [number, number, number];
    const add = (rows: ArrayLike<number>, count: number) => {
      const { days, sessions } = this;
      for (let i = 0; i < count; i++) {
        const row = rows[i]!;
        const slots = sessions[row]!;
        if (timeMask) {
          let runs = 0;
          const timed = slots & timeMask;
          for (let d = 0; d < DAYS.length; d++) if (timed & (0b111 << (d * PARTS))) runs |= 1 << d;
          daySets[runs]!++;
        } else daySets[days[row]!]!++;
        partSets[(slots & morning ? 1 : 0) | (slots & afternoon ? 2 : 0) | (slots & evening ? 4 : 0)]!++;
      }
    };
    return disjunctive(
      add,
      () => ({ day: record(DAYS, spread(daySets, DAYS.length)), time: record(TIMES_OF_DAY, spread(partSets, PARTS)) }) as Partial<FacetCounts>,
    );
  }
}

let areaVocabulary: { areas: object; ids: string[] } | null = null;

/** Our own areas, then every council that has none of ours, so "covers Sunderland" is matched too.
 * Made once for the areas of the process: working out which councils have no area of their own
 * takes about a millisecond, too much for every search. */
function areaIds(): string[] {
  const areas = getAreas();
  if (areaVocabulary?.areas !== areas) areaVocabulary = { areas, ids: [...areas.map((area) => area.id), ...councilOnlyAreaIds()] };
  return areaVocabulary.ids;
}

/** Places, areas covered and needing no travel (distance.ts), measured from one searched place at a time. */
export class DistanceColumn implements Column {
  private points: (Float64Array | null)[] = [];
  private readonly areas = new BitSets(areaIds());
  remote = new Uint8Array(0);
  /** Kilometres from the searched place to the row's nearest place; Infinity without a place. */
  distance = new Float64Array(0);
  /** 1 when the row covers an area the searched place is in. */
  coversOrigin = new Uint8Array(0);
  /** Bit i: within RADIUS_FACETS[i] km of the searched place, or covering its area, or remote. */
  private radiusBits = new Uint8Array(0);
  /** Whether distance and coversOrigin hold a measurement. */
  measured = false;
  constructor(readonly filter: FilterDefinition) {}
  grow(rows: number): void {
    this.areas.grow(rows);
    this.remote = growArray(this.remote, rows, (n) => new Uint8Array(n));
    this.distance = growArray(this.distance, rows, (n) => new Float64Array(n));
    this.coversOrigin = growArray(this.coversOrigin, rows, (n) => new Uint8Array(n));
    this.radiusBits = growArray(this.radiusBits, rows, (n) => new Uint8Array(n));
  }
  set(row: number, fields: FilterFields): void {
    this.points[row] = fields.points.length ? Float64Array.from(fields.points) : null;
    this.areas.set(row, fields.areas);
    this.remote[row] = fields.remote ? 1 : 0;
  }
  /** Measures the first `rows` rows from the searched place (or clears the measurement). */
  measureFrom(origin: Origin | null, rows: number): void {
    this.measured = origin !== null;
    if (!origin) return;
    const { kx, ky } = kmPerDegree(origin.latitude);
    const covers = this.areas.anyTest(this.areas.mask(origin.areaIds));
    const anyArea = origin.areaIds.some((id) => this.areas.index.has(id));
    for (let row = 0; row < rows; row++) {
      // nearestKm (distance.ts), written out for speed over 100,000 rows.
      const points = this.points[row];
      let best = Infinity;
      if (points) {
        for (let i = 0; i < points.length; i += 2) {
          const dy = (points[i]! - origin.latitude) * ky;
          const dx = (points[i + 1]! - origin.longitude) * kx;
          const d = dx * dx + dy * dy;
          if (d < best) best = d;
        }
        best = Math.sqrt(best);
      }
      this.distance[row] = best;
      const covered = anyArea && covers(row) ? 1 : 0;
      this.coversOrigin[row] = covered;
      let within = 0;
      if (covered || this.remote[row]) within = (1 << RADIUS_FACETS.length) - 1;
      else for (let i = 0; i < RADIUS_FACETS.length; i++) if (best <= RADIUS_FACETS[i]!) within |= 1 << i;
      this.radiusBits[row] = within;
    }
  }
  test(query: SearchQuery): RowTest | null {
    if (query.radius_km === null) return null;
    const radius = query.radius_km;
    // Without a measured place this cannot be judged; parseSearchParams refuses it without near.
    return (row) => !this.measured || this.distance[row]! <= radius || this.coversOrigin[row] === 1 || this.remote[row] === 1;
  }
  facets(): FacetPart {
    const sets = new Int32Array(1 << RADIUS_FACETS.length);
    return disjunctive(
      (rows, count) => {
        if (!this.measured) return;
        for (let i = 0; i < count; i++) sets[this.radiusBits[rows[i]!]!]!++;
      },
      () => ({ radius_km: record(RADIUS_FACETS.map(String), spread(sets, RADIUS_FACETS.length)) }),
    );
  }
}

/** Ways of getting there (transport.ts): features, and walking distance from the distance column. */
class TransportColumn implements Column {
  private readonly features = new BitSets(TRANSPORT_FEATURES);
  constructor(
    readonly filter: FilterDefinition,
    private readonly place: DistanceColumn,
  ) {}
  grow(rows: number): void {
    this.features.grow(rows);
  }
  set(row: number, fields: FilterFields): void {
    this.features.set(row, fields.transport);
  }
  test(query: SearchQuery): RowTest | null {
    if (!query.transport.length) return null;
    const has = this.features.allTest(this.features.mask(featuresChosen(query.transport)));
    const walkKm = query.transport.includes('walk') ? (query.walk_km ?? DEFAULT_WALK_KM) : null;
    const place = this.place;
    return (row) => has(row) && (walkKm === null || !place.measured || place.distance[row]! <= walkKm);
  }
  facets(query: SearchQuery): FacetPart {
    const counter = this.features.counter();
    const walkKm = query.walk_km ?? DEFAULT_WALK_KM;
    let walkable = 0;
    return {
      full: (rows, count) => {
        counter.add(rows, count);
        if (this.place.measured) for (let i = 0; i < count; i++) if (this.place.distance[rows[i]!]! <= walkKm) walkable++;
      },
      failedOnly: () => {},
      result: () => {
        const features = record(TRANSPORT_FEATURES, counter.counts());
        return {
          transport: Object.fromEntries(TRANSPORT_OPTIONS.map((option) => [option, option === 'walk' ? walkable : features[option]!])),
        } as Partial<FacetCounts>;
      },
    };
  }
}

/** The column for each filter, in the order of FILTERS (the distance column first: transport measures with it). */
export function makeColumns(filters: readonly FilterDefinition[]): { columns: Column[]; place: DistanceColumn } {
  const distanceFilter = filters.find((filter) => filter.meaning.kind === 'distance');
  if (!distanceFilter) throw new Error('No distance filter');
  const place = new DistanceColumn(distanceFilter);
  const columns = filters.map((filter): Column => {
    const meaning = filter.meaning;
    switch (meaning.kind) {
      case 'any-of':
        return meaning.values ? new ListColumn(filter, meaning) : new OpenListColumn(filter, meaning);
      case 'all-of':
        return new ListColumn(filter, meaning);
      case 'at-most':
      case 'range':
        return new NumberColumn(filter, meaning);
      case 'one-of':
        return new ValueColumn(filter, meaning);
      case 'schedule':
        return new ScheduleColumn(filter);
      case 'distance':
        return place;
      case 'transport':
        return new TransportColumn(filter, place);
    }
  });
  return { columns, place };
}
