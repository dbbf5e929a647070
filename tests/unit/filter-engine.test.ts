// The in-memory filter engine (src/lib/search/memory/) against the reference meaning of every
// filter (src/lib/search/filters/meaning.ts): random documents and random searches, results and
// every facet count compared, the facets worked out here one value at a time by brute force.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CAPACITY_FACETS,
  COST_BANDS,
  DAYS,
  DEFAULT_WALK_KM,
  DELIVERY_MODES,
  EMPTY_QUERY,
  FILTERS,
  REFERRAL_ROUTES,
  TIMES_OF_DAY,
  TRANSPORT_FEATURES,
  TRANSPORT_OPTIONS,
  emptyFacetCounts,
  featuresChosen,
  matchesFilters,
  measure,
  meets,
  type FacetCounts,
  type FilterDefinition,
  type FilterFields,
  type Origin,
  type SearchQuery,
  type Sort,
  type TransportOption,
  type View,
} from '../../src/lib/search/filters';
import { FacetCounter, FilterColumns, compileFilters, filterRows } from '../../src/lib/search/memory/filter-columns';
import { SERVICE_STATUSES } from '../../src/lib/openreferral-schema/schemas';
import { FRESHNESS_STATUSES } from '../../src/lib/freshness/rules';
import { getTaxonomy } from '../../src/lib/taxonomy/taxonomy';
import { getAreas } from '../../src/lib/geo/areas';

/** A small seeded generator (mulberry32), so a failure can be run again. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], p = 0.3): T[] => list.filter(() => chance(p));
  return { next, chance, pick, some };
}

const LANGUAGES = ['pl', 'ur', 'ar', 'so', 'bfi'];
const AMOUNTS = [0, 1, 2, 2.5, 5, 8, 10, 12];
const AGES = [0, 5, 8, 16, 18, 25, 30, 50, 65, 70, 99];
const categoryCodes = getTaxonomy().categories.map((term) => term.id);
const accessCodes = getTaxonomy().accessibility.map((term) => term.id);
const areaIds = getAreas().map((area) => area.id);
const CENTRE = { latitude: 54.9686, longitude: -1.6174 };

function randomFields(r: ReturnType<typeof random>): FilterFields {
  const days = r.some(DAYS);
  const points: number[] = [];
  const places = r.pick([0, 0, 1, 1, 2, 3]);
  for (let i = 0; i < places; i++) points.push(CENTRE.latitude + (r.next() - 0.5) * 0.3, CENTRE.longitude + (r.next() - 0.5) * 0.5);
  const minimumAge = r.chance(0.4) ? r.pick(AGES) : null;
  return {
    points,
    areas: r.some(areaIds, 0.05),
    remote: r.chance(0.2),
    categories: r.some(categoryCodes, 0.1),
    cost: r.some(COST_BANDS),
    lowestCost: r.chance(0.7) ? r.pick(AMOUNTS) : null,
    modes: r.some(DELIVERY_MODES, 0.4),
    days,
    sessions: days.flatMap((day) => r.some(TIMES_OF_DAY, 0.5).map((time) => `${day} ${time}` as const)),
    minimumAge,
    maximumAge: r.chance(0.4) ? Math.max(minimumAge ?? 0, r.pick(AGES)) : null,
    referral: r.some(REFERRAL_ROUTES),
    access: r.some(accessCodes, 0.3),
    languages: r.some(LANGUAGES, 0.2),
    capacity: r.pick(CAPACITY_FACETS),
    transport: r.some(TRANSPORT_FEATURES, 0.4),
    status: r.chance(0.7) ? 'active' : r.pick(SERVICE_STATUSES),
    freshness: r.pick(FRESHNESS_STATUSES),
  };
}

function randomQuery(r: ReturnType<typeof random>, withPlace: boolean): SearchQuery {
  const query: SearchQuery = { ...EMPTY_QUERY, near: withPlace ? 'Newcastle' : '' };
  const often = (p: number) => r.chance(p);
  if (often(0.3)) query.category = [r.pick(categoryCodes), ...(often(0.3) ? [r.pick(categoryCodes)] : [])];
  if (often(0.3)) query.cost = r.some(COST_BANDS, 0.5);
  if (often(0.2)) query.max_cost = r.pick(AMOUNTS);
  if (often(0.3)) query.mode = r.some(DELIVERY_MODES, 0.5);
  if (often(0.3)) query.day = r.some(DAYS, 0.3);
  if (often(0.3)) query.time = r.some(TIMES_OF_DAY, 0.5);
  if (often(0.2)) query.age = r.pick(AGES);
  if (often(0.3)) query.referral = r.some(REFERRAL_ROUTES, 0.5);
  if (often(0.2)) query.access = r.some(accessCodes, 0.2);
  if (often(0.2)) query.language = r.some(LANGUAGES, 0.4);
  if (often(0.2)) query.capacity = r.pick(['available', 'accepting'] as const);
  if (often(0.3)) query.transport = r.some(withPlace ? TRANSPORT_OPTIONS : TRANSPORT_OPTIONS.filter((option) => option !== 'walk'), 0.3);
  if (withPlace && often(0.3)) query.radius_km = r.pick([0.5, 1, 2, 5, 10, 20]);
  if (withPlace && often(0.3)) query.walk_km = r.pick([0.5, 1, 3]);
  query.include_closed = often(0.2);
  query.fresh = often(0.2);
  return query;
}

/** Every facet count, one value at a time: how many documents meet the query with that value in the filter's place. */
function referenceFacets(documents: FilterFields[], query: SearchQuery, origin: Origin | null): FacetCounts {
  const counts: Partial<FacetCounts> = {};
  const passesAll = documents.map((fields) => matchesFilters(fields, query, origin));
  const passesOthers = (filter: FilterDefinition) =>
    documents.map((fields) => FILTERS.every((other) => other === filter || meets(other.meaning, fields, query, origin)));
  const tally = (keys: readonly string[], take: boolean[], holds: (fields: FilterFields, key: string) => boolean) =>
    Object.fromEntries(keys.map((key) => [key, documents.filter((fields, i) => take[i] && holds(fields, key)).length]));
  for (const filter of FILTERS) {
    const m = filter.meaning;
    const others = passesOthers(filter);
    switch (m.kind) {
      case 'any-of': {
        const keys = m.values?.() ?? [...new Set(documents.flatMap((fields) => fields[m.field] as readonly string[]))].sort();
        Object.assign(
          counts,
          m.facets(
            tally(keys, others, (fields, key) => (fields[m.field] as readonly string[]).includes(key)),
            query,
          ),
        );
        break;
      }
      case 'all-of':
        Object.assign(
          counts,
          m.facets(
            tally(m.values(), passesAll, (fields, key) => (fields[m.field] as readonly string[]).includes(key)),
            query,
          ),
        );
        break;
      case 'at-most':
        Object.assign(
          counts,
          m.facets(
            tally(m.points.map(String), others, (fields, key) => fields[m.field] !== null && fields[m.field]! <= Number(key)),
            query,
          ),
        );
        break;
      case 'range': {
        const holds = (fields: FilterFields, key: string) =>
          (fields[m.min] === null || fields[m.min]! <= Number(key)) && (fields[m.max] === null || fields[m.max]! >= Number(key));
        Object.assign(counts, m.facets(tally(m.points.map(String), others, holds), query));
        break;
      }
      case 'one-of':
        Object.assign(
          counts,
          m.facets(
            tally(m.values, others, (fields, key) => fields[m.field] === key),
            query,
          ),
        );
        break;
      case 'schedule': {
        const days = query.day.length ? query.day : DAYS;
        counts.day = tally(DAYS, others, (fields, day) =>
          query.time.length
            ? query.time.some((time) => fields.sessions.includes(`${day as (typeof DAYS)[number]} ${time}`))
            : fields.days.includes(day as never),
        ) as FacetCounts['day'];
        counts.time = tally(TIMES_OF_DAY, others, (fields, time) =>
          days.some((day) => fields.sessions.includes(`${day} ${time as (typeof TIMES_OF_DAY)[number]}`)),
        ) as FacetCounts['time'];
        break;
      }
      case 'distance':
        counts.radius_km = tally(['1', '2', '5', '10'], others, (fields, km) => {
          if (!origin) return false;
          const { km: distance, covers } = measure(fields, origin);
          return distance <= Number(km) || covers || fields.remote;
        });
        break;
      case 'transport': {
        const walkKm = query.walk_km ?? DEFAULT_WALK_KM;
        counts.transport = tally(TRANSPORT_OPTIONS, passesAll, (fields, option) =>
          option === 'walk' ? origin !== null && measure(fields, origin).km <= walkKm : fields.transport.includes(option as never),
        ) as Record<TransportOption, number>;
        break;
      }
    }
  }
  return counts as FacetCounts;
}

describe('the in-memory filter engine', () => {
  const r = random(20261204);
  const documents = Array.from({ length: 400 }, () => randomFields(r));
  const columns = new FilterColumns(16); // small, so that growing is tested too
  documents.forEach((fields, row) => columns.set(row, fields));
  const rows = documents.map((_, row) => row);
  const origin: Origin = { ...CENTRE, areaIds: [areaIds[0]!, areaIds[1]!] };

  it('gives the reference results and facets for random searches, with and without a place', () => {
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const withPlace = i % 2 === 0;
      const query = randomQuery(r, withPlace);
      const from = withPlace ? origin : null;
      columns.measureFrom(from);
      const compiled = compileFilters(columns, query);
      const facets = new FacetCounter(columns, query, compiled);
      const results: number[] = [];
      filterRows(rows, compiled, (row) => results.push(row), facets);
      const expected = rows.filter((row) => matchesFilters(documents[row]!, query, from));
      const context = JSON.stringify({ i, query });
      expect(results, context).toEqual(expected);
      expect(facets.counts(), context).toEqual(referenceFacets(documents, query, from));
      if (expected.length) nonEmpty++;
    }
    // The searches are not all empty or all full: they test something.
    expect(nonEmpty).toBeGreaterThan(100);
    expect(nonEmpty).toBeLessThan(300);
  });

  it('tests only the filters a search uses', () => {
    expect(compileFilters(columns, { ...EMPTY_QUERY, include_closed: true }).groups).toEqual([]);
    expect(compileFilters(columns, { ...EMPTY_QUERY, day: ['tue'], time: ['evening'], cost: ['free'] }).groups).toEqual(['cost', 'when', 'status']);
  });

  it('gives every facet when nothing is counted, as emptyFacetCounts does', () => {
    const empty = new FilterColumns(1);
    const counted = new FacetCounter(empty, EMPTY_QUERY, compileFilters(empty, EMPTY_QUERY)).counts();
    expect(counted).toEqual(emptyFacetCounts());
    expect(Object.keys(counted).sort()).toEqual(
      [
        'access',
        'age',
        'capacity',
        'category',
        'closed',
        'cost',
        'day',
        'fresh',
        'language',
        'max_cost',
        'mode',
        'radius_km',
        'referral',
        'time',
        'transport',
      ].sort(),
    );
    expect(Object.keys(counted.transport)).toEqual([...TRANSPORT_OPTIONS]);
  });

  it('reads each parameter as the type its declaration gives', () => {
    expectTypeOf<SearchQuery['sort']>().toEqualTypeOf<Sort>();
    expectTypeOf<SearchQuery['view']>().toEqualTypeOf<View>();
    expectTypeOf<SearchQuery['radius_km']>().toEqualTypeOf<number | null>();
    expectTypeOf<SearchQuery['cost']>().toEqualTypeOf<(typeof COST_BANDS)[number][]>();
    expectTypeOf<SearchQuery['capacity']>().toEqualTypeOf<'available' | 'accepting' | null>();
    expectTypeOf<SearchQuery['transport']>().toEqualTypeOf<TransportOption[]>();
    expectTypeOf<SearchQuery['page']>().toEqualTypeOf<number>();
    expectTypeOf<SearchQuery['include_closed']>().toEqualTypeOf<boolean>();
    expect(featuresChosen(['walk', 'bus'])).toEqual(['bus']);
  });
});
