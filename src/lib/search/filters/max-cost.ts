// Most you can pay each time: its least cost for one go is known and no more than that.
import { parameter, type FilterDefinition } from './definition';
import { numberParam } from './parameter-schemas';

/** Amounts (pounds for one go) that max_cost facet counts are given for. */
export const MAX_COST_FACETS = [0, 2, 5, 10] as const;

export interface MaxCostFields {
  /** Least cost for one go in pounds; null when unknown (never within a budget). */
  lowestCost: number | null;
}

export interface MaxCostFacets {
  /** Keyed by amount in pounds: how many would cost at most that for one go. */
  max_cost: Record<string, number>;
}

export const maxCostParameters = {
  max_cost: parameter({ schema: numberParam('an amount in pounds', 0, 1000, false), empty: null, label: 'Most you can pay each time', role: 'filter' }),
};

export const maxCostFilter: FilterDefinition = {
  name: 'max_cost',
  parameters: ['max_cost'],
  meaning: { kind: 'at-most', field: 'lowestCost', chosen: (query) => query.max_cost, points: MAX_COST_FACETS, facets: (counts) => ({ max_cost: counts }) },
};
