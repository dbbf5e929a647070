import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUERY, FacetCounter, FilterColumns, compileFilters, filterRows, matchesFilters, parseSearchParams, slotMask, toSearchParams,
  type FilterFields,
} from '../../src/lib/search/filters';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe('parsing search parameters', () => {
  it('reads every filter', () => {
    const result = parse('q=walk&near=ne4%20%205tg&radius_km=2.5&category=food&category=debt-advice&cost=free&max_cost=3.5&mode=phone&day=tue&time=evening&age=70&referral=drop_in&access=step-free&capacity=available&transport=bus&transport=walk&walk_km=1&include_closed=1&sort=recently_verified&view=map&page=2&per_page=50');
    expect(result.ok).toBe(true);
    expect(result.query).toEqual({
      q: 'walk', near: 'ne4 5tg', radius_km: 2.5, category: ['food', 'debt-advice'], cost: ['free'], max_cost: 3.5, mode: ['phone'],
      day: ['tue'], time: ['evening'], age: 70, referral: ['drop_in'], access: ['step-free'], capacity: 'available',
      transport: ['bus', 'walk'], walk_km: 1, include_closed: true, sort: 'recently_verified', view: 'map', page: 2, per_page: 50,
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
    expect(result.errors.map((e) => e.parameter)).toEqual(['sort', 'radius_km', 'transport']);
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
    ['per_page=101'], ['per_page=0'], ['page=-1'], ['age=abc'], ['max_cost=five'], ['max_cost=5-10'], ['category=unicorns'], ['access=jetpack'],
    ['cost=cheap'], ['mode=carrier-pigeon'], ['time=midnight'], ['referral=friend'], ['sort=random'], ['include_closed=maybe'],
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
  categories: ['food', 'food-banks'], costBits: 0b001, lowestCost: 0, modeBits: 0b001, dayBits: 0b10, slotBits: 1 << 3,
  minimumAge: null, maximumAge: null, referralBits: 0b0011, access: ['step-free', 'hearing-loop'], capacity: 'accepting',
  status: 'active', points: [], areas: [], remote: false, transportBits: 0, ...overrides,
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
    expect(slotMask(['tue'], ['morning'])).toBe(1 << 3);
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
    columns.set(1, fields({ costBits: 0b010, modeBits: 0b010 })); // pay what you can, by phone
    const compiled = compileFilters(query);
    expect(compiled.groups).toEqual(['cost', 'status']);
    const results: number[] = [];
    const facets = new FacetCounter(columns, query, compiled);
    filterRows(columns, [0, 1], compiled, (row) => results.push(row), facets);
    expect(results).toEqual([1]);
    const counts = facets.counts();
    expect(counts.cost).toEqual({ free: 1, pwyc: 1, concessions: 0 });
    expect(counts.mode).toEqual({ in_person: 0, phone: 1, online: 0 }); // row 0 is not a result, so only cost counts it
    expect(counts.category.food).toBe(1);
  });

});
