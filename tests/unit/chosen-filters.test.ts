// The chosen filters of a search, one value at a time, each with the search without it.
import { describe, expect, it } from 'vitest';
import { chosenFilters, withoutFilters } from '../../src/lib/search/chosen-filters';
import { EMPTY_QUERY, PARAMETERS, PARAMETER_DEFINITIONS, parseSearchParams, toSearchParams, type SearchQuery } from '../../src/lib/search/filters';

const queryOf = (text: string): SearchQuery => {
  const parsed = parseSearchParams(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
};

describe('chosenFilters', () => {
  it('lists nothing for a search without filters', () => {
    expect(chosenFilters(queryOf('q=walking&sort=recently_verified&page=3&per_page=50'))).toEqual([]);
  });

  it('lists each value of each filter in the order the page shows them', () => {
    const chosen = chosenFilters(queryOf('q=walk&day=tue&day=sat&cost=free&max_cost=5&age=70&capacity=accepting&include_closed=1&category=food'));
    expect(chosen.map(({ parameter, value }) => `${parameter}=${value}`)).toEqual([
      'category=food',
      'cost=free',
      'max_cost=5',
      'day=tue',
      'day=sat',
      'age=70',
      'capacity=accepting',
      'include_closed=1',
    ]);
  });

  it('gives each one the same search without only that value, on page 1', () => {
    const query = queryOf('q=walk&day=tue&day=sat&cost=free&page=4&sort=recently_verified');
    const [cost, tuesday, saturday] = chosenFilters(query);
    expect(cost!.without).toEqual({ ...query, cost: [], page: 1 });
    expect(tuesday!.without).toEqual({ ...query, day: ['sat'], page: 1 });
    expect(saturday!.without).toEqual({ ...query, day: ['tue'], page: 1 });
  });

  it('drops scalar filters to their empty values', () => {
    const query = queryOf('max_cost=5&age=70&capacity=accepting&include_closed=1');
    const withoutEach = Object.fromEntries(chosenFilters(query).map((filter) => [filter.parameter, filter.without]));
    expect(withoutEach.max_cost!.max_cost).toBeNull();
    expect(withoutEach.age!.age).toBeNull();
    expect(withoutEach.capacity!.capacity).toBeNull();
    expect(withoutEach.include_closed!.include_closed).toBe(false);
  });
});

describe('withoutFilters', () => {
  it('keeps the words, sort and page size and nothing else', () => {
    const query = queryOf('q=walk&day=tue&cost=free&page=4&sort=recently_verified&per_page=50');
    expect(withoutFilters(query)).toEqual({ ...EMPTY_QUERY, q: 'walk', sort: 'recently_verified', per_page: 50 });
  });
});

describe('the parameters, declared once (PARAMETER_DEFINITIONS)', () => {
  it('gives every parameter a plain label, and an empty value that links leave out', () => {
    for (const parameter of PARAMETERS) {
      expect(PARAMETER_DEFINITIONS[parameter].label, parameter).toMatch(/^[A-Z][a-z ]+$/);
      expect(EMPTY_QUERY[parameter], parameter).toEqual(PARAMETER_DEFINITIONS[parameter].empty);
    }
    expect(toSearchParams(EMPTY_QUERY).toString()).toBe('');
    expect(parseSearchParams(new URLSearchParams('')).query).toEqual(EMPTY_QUERY);
  });

  it('reads back every parameter it writes, so a link keeps the whole search', () => {
    const query = queryOf(
      'q=walk&near=NE6+1AA&radius_km=5&category=food&cost=free&max_cost=2&mode=in_person&day=tue&time=evening&age=70&referral=self&access=step-free&language=pl&capacity=accepting&transport=walk&walk_km=2&include_closed=1&fresh=1&sort=distance&view=map&page=2&per_page=50&as_typed=1',
    );
    expect(PARAMETERS.filter((parameter) => query[parameter] === EMPTY_QUERY[parameter])).toEqual([]);
    expect(queryOf(toSearchParams(query).toString())).toEqual(query);
  });

  it('lists a chosen filter for every filter that is set, in the order of the parameters, and walk_km with none of its own', () => {
    const query = queryOf('near=NE1&radius_km=5&fresh=1&include_closed=1&transport=walk&walk_km=2&capacity=available&language=pl&category=food');
    const chosen = chosenFilters(query).map(({ parameter }) => parameter);
    expect(chosen).toEqual(['near', 'radius_km', 'category', 'language', 'capacity', 'transport', 'include_closed', 'fresh']);
    const filters = PARAMETERS.filter((parameter) => PARAMETER_DEFINITIONS[parameter].role === 'filter');
    expect(chosen).toEqual(filters.filter((parameter) => chosen.includes(parameter as (typeof chosen)[number])));
    // Removing the place takes what needs it with it.
    const near = chosenFilters(query).find((filter) => filter.parameter === 'near')!;
    expect(near.without).toMatchObject({ near: '', radius_km: null, walk_km: null, transport: [], page: 1 });
  });
});
