import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WALK_KM,
  EMPTY_QUERY,
  TRANSPORT_FEATURES,
  matchesFilters,
  parseSearchParams,
  toSearchParams,
  type FilterFields,
  type Origin,
} from '../../src/lib/search/filters';
import { FacetCounter, FilterColumns, compileFilters, filterRows, reachOf } from '../../src/lib/search/memory/filter-columns';
import type { TransportFeature } from '../../src/lib/directory/transport';
import { distanceKm } from '../../src/lib/geo/distance';
import { areasContaining } from '../../src/lib/geo/areas';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe('parsing search parameters', () => {
  it('reads every filter', () => {
    const result = parse(
      'q=walk&near=ne4%20%205tg&radius_km=2.5&category=food&category=debt-advice&cost=free&max_cost=3.5&mode=phone&day=tue&time=evening&age=70&referral=drop_in&access=step-free&capacity=available&transport=bus&transport=walk&walk_km=1&include_closed=1&sort=recently_verified&view=map&page=2&per_page=50&as_typed=1',
    );
    expect(result.ok).toBe(true);
    expect(result.query).toEqual({
      q: 'walk',
      near: 'ne4 5tg',
      radius_km: 2.5,
      category: ['food', 'debt-advice'],
      cost: ['free'],
      max_cost: 3.5,
      mode: ['phone'],
      day: ['tue'],
      time: ['evening'],
      age: 70,
      referral: ['drop_in'],
      access: ['step-free'],
      language: [],
      capacity: 'available',
      transport: ['bus', 'walk'],
      walk_km: 1,
      include_closed: true,
      fresh: false,
      as_typed: true,
      sort: 'recently_verified',
      view: 'map',
      page: 2,
      per_page: 50,
    });
  });
  it('sorts nearest first when there is a place, unless told otherwise, and writes the other order out', () => {
    expect(parse('near=NE4').query.sort).toBe('distance');
    expect(parse('near=NE4&sort=relevance').query.sort).toBe('relevance');
    expect(toSearchParams(parse('near=NE4').query).toString()).toBe('near=NE4');
    expect(toSearchParams(parse('near=NE4&sort=relevance').query).toString()).toBe('near=NE4&sort=relevance');
  });
  it('refuses what needs a place when there is none, and keeps the rest', () => {
    const result = parse('sort=distance&radius_km=2&transport=walk&transport=bus');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // In the order of the form, as the error summary lists them.
    expect(result.errors.map((e) => e.parameter)).toEqual(['radius_km', 'transport', 'sort']);
    for (const error of result.errors) expect(error.message).toContain('postcode or place');
    expect(result.query).toMatchObject({ sort: 'relevance', radius_km: null, transport: ['bus'] });
  });
  it('uses defaults for an empty search', () => {
    expect(parse('')).toEqual({ ok: true, query: EMPTY_QUERY });
  });
  it('names the parameter and what is allowed when a value is wrong', () => {
    const result = parse('per_page=lots&day=funday&day=mon');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.parameter)).toEqual(['day', 'per_page']);
    expect(result.errors[0]!.message).toContain('"funday" is not a day');
    expect(result.errors[0]!.allowed).toContain('mon');
    expect(result.errors[1]!.message).toContain('from 1 to 100');
    // The good part of the search still stands.
    expect(result.query.day).toEqual(['mon']);
    expect(result.query.per_page).toBe(20);
  });
  it.each([
    ['per_page=101'],
    ['per_page=0'],
    ['page=-1'],
    ['age=abc'],
    ['max_cost=five'],
    ['max_cost=5-10'],
    ['category=unicorns'],
    ['access=jetpack'],
    ['cost=cheap'],
    ['mode=carrier-pigeon'],
    ['time=midnight'],
    ['referral=friend'],
    ['sort=random'],
    ['include_closed=maybe'],
    ['capacity=lots'],
  ])('refuses %s', (qs) => expect(parse(qs).ok).toBe(false));
  it('accepts a pound sign in the most someone can pay', () => {
    expect(parse('max_cost=%C2%A35').query.max_cost).toBe(5);
    expect(parse('max_cost=+2.50+').query.max_cost).toBe(2.5);
  });
  it('cuts very long text rather than refusing it', () => {
    const result = parse(`q=${'a'.repeat(10_000)}`);
    expect(result.ok).toBe(true);
    expect(result.query.q.length).toBe(500);
  });
  it('round-trips through URL parameters, leaving out defaults', () => {
    const query = parse('q=art&cost=free&day=sat&page=1').query;
    expect(toSearchParams(query).toString()).toBe('q=art&cost=free&day=sat');
    expect(parse(toSearchParams(query).toString()).query).toEqual(query);
  });
});

const fields = (overrides: Partial<FilterFields> = {}): FilterFields => ({
  categories: ['food', 'food-banks'],
  cost: ['free'],
  lowestCost: 0,
  modes: ['in_person'],
  days: ['tue'],
  sessions: ['tue morning'],
  minimumAge: null,
  maximumAge: null,
  referral: ['drop_in', 'self'],
  access: ['step-free', 'hearing-loop'],
  capacity: 'accepting',
  status: 'active',
  points: [],
  areas: [],
  remote: false,
  transport: [],
  freshness: 'ok',
  languages: [],
  ...overrides,
});

describe('what filters mean', () => {
  const q = (qs: string) => parse(qs).query;
  it('matches a category through its parent', () => {
    expect(matchesFilters(fields(), q('category=food'))).toBe(true);
    expect(matchesFilters(fields(), q('category=housing'))).toBe(false);
    expect(matchesFilters(fields(), q('category=housing&category=food-banks'))).toBe(true);
  });
  it('needs every chosen accessibility feature', () => {
    expect(matchesFilters(fields(), q('access=step-free&access=hearing-loop'))).toBe(true);
    expect(matchesFilters(fields(), q('access=step-free&access=bsl'))).toBe(false);
  });
  it('checks day and time together', () => {
    expect(matchesFilters(fields(), q('day=tue&time=morning'))).toBe(true);
    expect(matchesFilters(fields(), q('day=tue&time=evening'))).toBe(false);
    expect(matchesFilters(fields(), q('day=wed'))).toBe(false);
  });
  it('checks age against the range', () => {
    expect(matchesFilters(fields({ minimumAge: 18, maximumAge: 25 }), q('age=20'))).toBe(true);
    expect(matchesFilters(fields({ minimumAge: 18, maximumAge: 25 }), q('age=70'))).toBe(false);
    expect(matchesFilters(fields(), q('age=70'))).toBe(true);
  });
  it('treats unknown cost as not within a budget', () => {
    expect(matchesFilters(fields({ lowestCost: null }), q('max_cost=10'))).toBe(false);
    expect(matchesFilters(fields({ lowestCost: 4 }), q('max_cost=5'))).toBe(true);
  });
  it('hides full, paused and closed services only when asked', () => {
    expect(matchesFilters(fields({ capacity: 'full' }), q(''))).toBe(true);
    expect(matchesFilters(fields({ capacity: 'full' }), q('capacity=available'))).toBe(false);
    expect(matchesFilters(fields({ status: 'defunct' }), q(''))).toBe(false);
    expect(matchesFilters(fields({ status: 'defunct' }), q('include_closed=1'))).toBe(true);
  });
  it('counts facets as if each value were chosen', () => {
    const query = q('cost=pwyc');
    const columns = new FilterColumns(2);
    columns.set(0, fields()); // free: fails only the cost group
    columns.set(1, fields({ cost: ['pwyc'], modes: ['phone'] })); // pay what you can, by phone
    const compiled = compileFilters(columns, query);
    expect(compiled.groups).toEqual(['cost', 'status']);
    const results: number[] = [];
    const facets = new FacetCounter(columns, query, compiled);
    filterRows([0, 1], compiled, (row) => results.push(row), facets);
    expect(results).toEqual([1]);
    const counts = facets.counts();
    expect(counts.cost).toEqual({ free: 1, pwyc: 1, concessions: 0 });
    expect(counts.mode).toEqual({ in_person: 0, phone: 1, online: 0 }); // row 0 is not a result, so only cost counts it
    expect(counts.category.food).toBe(1);
  });
});

describe('places and getting there', () => {
  // Measured from Newcastle Central Station; each place's distance is worked out here with the
  // great-circle formula, apart from the equirectangular one the filter columns use.
  const station = { latitude: 54.9686, longitude: -1.6174 };
  const origin: Origin = { ...station, areaIds: areasContaining(station).map((area) => area.id) };
  const PLACES = {
    graingerMarket: { latitude: 54.9718, longitude: -1.6146 }, // about 0.4 km
    quayside: { latitude: 54.969, longitude: -1.605 }, // about 0.8 km
    leazesPark: { latitude: 54.979, longitude: -1.624 }, // about 1.2 km
    elswickLibrary: { latitude: 54.96466, longitude: -1.64695 }, // about 1.9 km
    heatonPark: { latitude: 54.9817, longitude: -1.59 }, // about 2.3 km
    metrocentre: { latitude: 54.9587, longitude: -1.666 }, // about 3.3 km
    whitleyBay: { latitude: 55.0447, longitude: -1.447 }, // about 13.8 km
  };
  type PlaceName = keyof typeof PLACES;
  const km = (place: PlaceName) => distanceKm(station, PLACES[place]);
  const at = (...places: PlaceName[]) => places.flatMap((place) => [PLACES[place].latitude, PLACES[place].longitude]);
  const bits = (...features: TransportFeature[]) => features;
  const near = (qs: string) => {
    const result = parse(`near=Newcastle+Central+Station&${qs}`);
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    return result.query;
  };
  const passes = (overrides: Partial<FilterFields>, qs: string, from: Origin | null = origin) => matchesFilters(fields(overrides), near(qs), from);

  it('has places at the distances worked out independently', () => {
    // The same places the other tests use, so that what they say about distances holds.
    expect(km('graingerMarket')).toBeCloseTo(0.398, 2);
    expect(km('quayside')).toBeCloseTo(0.793, 2);
    expect(km('leazesPark')).toBeCloseTo(1.231, 2);
    expect(km('elswickLibrary')).toBeCloseTo(1.936, 2);
    expect(km('heatonPark')).toBeCloseTo(2.276, 2);
    expect(km('metrocentre')).toBeCloseTo(3.292, 2);
    expect(km('whitleyBay')).toBeCloseTo(13.772, 2);
    expect(origin.areaIds).toEqual(['newcastle-monument', 'newcastle']);
  });

  it('measures the distance to the nearest of several places', () => {
    const columns = new FilterColumns(3);
    columns.set(0, fields({ points: at('whitleyBay', 'elswickLibrary', 'metrocentre') }));
    columns.set(1, fields({ points: at('graingerMarket') }));
    columns.set(2, fields({ points: [], remote: true }));
    columns.measureFrom(origin);
    expect(columns.distance[0]).toBeCloseTo(km('elswickLibrary'), 2);
    expect(Math.abs(columns.distance[0]! - km('elswickLibrary')) / km('elswickLibrary')).toBeLessThan(0.005);
    expect(columns.distance[1]).toBeCloseTo(km('graingerMarket'), 2);
    expect(columns.distance[2]).toBe(Infinity);
    // Far away too, within a fraction of a percent of the great circle.
    const far = new FilterColumns(1);
    far.set(0, fields({ points: at('whitleyBay') }));
    far.measureFrom(origin);
    expect(Math.abs(far.distance[0]! - km('whitleyBay')) / km('whitleyBay')).toBeLessThan(0.005);
  });

  describe('radius', () => {
    it('keeps a place inside the radius and drops one outside it', () => {
      expect(passes({ points: at('graingerMarket') }, 'radius_km=1')).toBe(true);
      expect(passes({ points: at('graingerMarket') }, 'radius_km=0.3')).toBe(false);
      expect(passes({ points: at('elswickLibrary') }, 'radius_km=2')).toBe(true);
      expect(passes({ points: at('elswickLibrary') }, 'radius_km=1.9')).toBe(false);
      expect(passes({ points: at('whitleyBay') }, 'radius_km=10')).toBe(false);
      expect(passes({ points: at('whitleyBay') }, 'radius_km=14')).toBe(true);
    });

    it('keeps a service with several places when only one of them is near', () => {
      expect(passes({ points: at('whitleyBay', 'metrocentre', 'quayside') }, 'radius_km=1')).toBe(true);
      expect(passes({ points: at('whitleyBay', 'metrocentre', 'heatonPark') }, 'radius_km=1')).toBe(false);
    });

    it('keeps a service that covers the searched area, wherever its places are', () => {
      expect(passes({ points: [], areas: ['newcastle'] }, 'radius_km=1')).toBe(true);
      expect(passes({ points: at('whitleyBay'), areas: ['newcastle'] }, 'radius_km=1')).toBe(true);
      expect(passes({ points: [], areas: ['newcastle-monument'] }, 'radius_km=1')).toBe(true);
      // Covering other areas is not covering this one.
      expect(passes({ points: [], areas: ['gateshead', 'newcastle-elswick'] }, 'radius_km=1')).toBe(false);
    });

    it('keeps a service that needs no travel, and drops one with no place, no area and no phone', () => {
      expect(passes({ points: [], remote: true }, 'radius_km=1')).toBe(true);
      expect(passes({ points: at('whitleyBay'), remote: true }, 'radius_km=1')).toBe(true);
      expect(passes({ points: [] }, 'radius_km=200')).toBe(false);
    });
  });

  describe('getting there', () => {
    const OPTIONS: [TransportFeature, string][] = [
      ['bus', 'transport=bus'],
      ['step_free', 'transport=step_free'],
      ['parking', 'transport=parking'],
      ['provided', 'transport=provided'],
      ['no_travel', 'transport=no_travel'],
    ];
    it.each(OPTIONS)('%s: needs that feature', (feature, qs) => {
      expect(passes({ points: at('quayside'), transport: bits(feature) }, qs)).toBe(true);
      const others = TRANSPORT_FEATURES.filter((other) => other !== feature);
      expect(passes({ points: at('quayside'), transport: bits(...others) }, qs)).toBe(false);
      expect(passes({ points: at('quayside'), transport: [] }, qs)).toBe(false);
    });

    it('needs every option chosen, not any of them', () => {
      const qs = 'transport=bus&transport=parking&transport=step_free';
      expect(passes({ transport: bits('bus', 'parking', 'step_free') }, qs)).toBe(true);
      expect(passes({ transport: bits('bus', 'parking', 'step_free', 'provided') }, qs)).toBe(true);
      expect(passes({ transport: bits('bus', 'parking') }, qs)).toBe(false);
      expect(passes({ transport: bits('step_free') }, qs)).toBe(false);
      expect(passes({ transport: bits('provided', 'no_travel') }, 'transport=provided&transport=no_travel')).toBe(true);
      expect(passes({ transport: bits('provided') }, 'transport=provided&transport=no_travel')).toBe(false);
    });

    it('walk: the nearest place within walk_km', () => {
      expect(passes({ points: at('graingerMarket') }, 'transport=walk&walk_km=0.5')).toBe(true);
      expect(passes({ points: at('quayside') }, 'transport=walk&walk_km=0.5')).toBe(false);
      expect(passes({ points: at('whitleyBay', 'quayside') }, 'transport=walk&walk_km=1')).toBe(true);
      expect(passes({ points: at('elswickLibrary') }, 'transport=walk&walk_km=2')).toBe(true);
      expect(passes({ points: at('elswickLibrary') }, 'transport=walk&walk_km=1.9')).toBe(false);
    });

    it('walk: 1.5 km when walk_km is not given', () => {
      expect(DEFAULT_WALK_KM).toBe(1.5);
      expect(km('leazesPark')).toBeLessThan(1.5);
      expect(km('elswickLibrary')).toBeGreaterThan(1.5);
      expect(passes({ points: at('leazesPark') }, 'transport=walk')).toBe(true);
      expect(passes({ points: at('elswickLibrary') }, 'transport=walk')).toBe(false);
      expect(passes({ points: at('elswickLibrary', 'leazesPark') }, 'transport=walk')).toBe(true);
    });

    it('walk: a service without a place is not within walking distance, even one covering the area or by phone', () => {
      expect(passes({ points: [], areas: ['newcastle'] }, 'transport=walk')).toBe(false);
      expect(passes({ points: [], remote: true, transport: bits('no_travel') }, 'transport=walk')).toBe(false);
    });

    it('walk together with other options needs them all', () => {
      expect(passes({ points: at('quayside'), transport: bits('bus') }, 'transport=walk&transport=bus')).toBe(true);
      expect(passes({ points: at('quayside'), transport: bits('parking') }, 'transport=walk&transport=bus')).toBe(false);
      expect(passes({ points: at('heatonPark'), transport: bits('bus') }, 'transport=walk&transport=bus')).toBe(false);
    });

    it('walk together with a radius needs both', () => {
      // Covering the area passes the radius but is not a walk away.
      expect(passes({ points: at('metrocentre'), areas: ['newcastle'] }, 'radius_km=1&transport=walk')).toBe(false);
      expect(passes({ points: at('metrocentre'), areas: ['newcastle'] }, 'radius_km=1')).toBe(true);
      expect(passes({ points: at('quayside') }, 'radius_km=1&transport=walk')).toBe(true);
    });
  });

  it('without a searched place, the distance and walking filters do not filter', () => {
    // parseSearchParams refuses these without near; a caller that could not find the place still must not lose everything.
    const query = near('radius_km=1&transport=walk&walk_km=0.5');
    expect(matchesFilters(fields({ points: at('whitleyBay') }), query, null)).toBe(true);
    expect(matchesFilters(fields({ points: [] }), query, null)).toBe(true);
    expect(matchesFilters(fields({ points: at('whitleyBay') }), query, origin)).toBe(false);
    // The other transport options still need their features.
    const withBus = near('transport=walk&transport=bus');
    expect(matchesFilters(fields({ points: at('whitleyBay'), transport: bits('bus') }), withBus, null)).toBe(true);
    expect(matchesFilters(fields({ points: at('whitleyBay') }), withBus, null)).toBe(false);
  });

  it('reachOf: place, area, remote or unknown', () => {
    const rows: Partial<FilterFields>[] = [
      { points: at('quayside') }, // 0: a place, near
      { points: at('whitleyBay'), areas: ['newcastle'] }, // 1: far, but covers the area
      { points: at('whitleyBay'), remote: true }, // 2: far, but by phone
      { points: [], areas: ['newcastle'], remote: true }, // 3: no place, covers the area and by phone
      { points: [], remote: true }, // 4: by phone only
      { points: [] }, // 5: nothing known
      { points: at('whitleyBay') }, // 6: only far
      { points: [], areas: ['gateshead'] }, // 7: covers somewhere else
      { points: at('quayside'), areas: ['newcastle'] }, // 8: near, and covers the area
    ];
    const columns = new FilterColumns(rows.length);
    rows.forEach((row, i) => columns.set(i, fields(row)));
    columns.measureFrom(origin);
    const reach = (radius: number | null) => rows.map((_, i) => reachOf(columns, i, radius));
    expect(reach(5)).toEqual(['place', 'area', 'remote', 'area', 'remote', 'unknown', 'place', 'unknown', 'place']);
    // Without a radius, every service with a place is 'place', however far.
    expect(reach(null)).toEqual(['place', 'place', 'place', 'area', 'remote', 'unknown', 'place', 'unknown', 'place']);
    // With a radius the place is outside, the area or phone says how it is reached.
    // A near place that also covers the area is reached as a place within the radius, and through the area outside it.
    expect(reachOf(columns, 8, 1)).toBe('place');
    expect(reachOf(columns, 8, 0.5)).toBe('area');
    // Outside the radius with no other way: still 'place' (the radius filter drops it).
    expect(reachOf(columns, 0, 0.5)).toBe('place');
  });

  describe('refusing what needs a place without near, naming the parameter', () => {
    it.each([
      ['sort=distance', 'sort', 'Sorting by distance needs a place to measure from.', { sort: 'relevance' }],
      ['radius_km=2', 'radius_km', 'A distance needs a place to measure from.', { radius_km: null }],
      ['transport=walk', 'transport', '“Within walking distance” needs a place to walk from.', { transport: [] }],
    ] as const)('%s', (qs, parameter, words, left) => {
      const result = parse(qs);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([{ parameter, message: expect.stringContaining(words) }]);
      expect(result.errors[0]!.message).toContain('Enter a postcode or place in “Near” to use this.');
      expect(result.query).toMatchObject(left);
      // With a place, each is accepted as it is.
      expect(parse(`near=NE4&${qs}`)).toMatchObject({ ok: true, query: { near: 'NE4' } });
    });
    it('keeps the other transport options, and a near that is only spaces is no place', () => {
      expect(parse('transport=walk&transport=parking').query.transport).toEqual(['parking']);
      const spaces = parse('near=+++&radius_km=5');
      expect(spaces.ok).toBe(false);
      if (!spaces.ok) expect(spaces.errors.map((error) => error.parameter)).toEqual(['radius_km']);
      expect(parse('near=NE4&transport=walk&walk_km=0.8').query).toMatchObject({ transport: ['walk'], walk_km: 0.8, sort: 'distance' });
    });
  });
});
