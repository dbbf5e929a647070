// The chosen filters of a search, one value at a time, each with the search without it.
import { describe, expect, it } from 'vitest';
import { chosenFilters, withoutFilters } from '../../src/lib/search/chosen-filters';
import { EMPTY_QUERY, parseSearchParams, type SearchQuery } from '../../src/lib/search/filters';

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
