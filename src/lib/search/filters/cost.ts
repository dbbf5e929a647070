// Cost: any of the kinds of cost chosen (free, pay what you can, concessions).
import { COST_BANDS, type CostBand } from '../../directory/cost';
import { parameter, type FilterDefinition } from './definition';
import { enumParam } from './parameter-schemas';

export { COST_BANDS, type CostBand };

export interface CostFields {
  /** The kinds of cost it has (COST_BANDS). */
  cost: CostBand[];
}

export interface CostFacets {
  cost: Record<CostBand, number>;
}

export const costParameters = {
  cost: parameter({ schema: enumParam(COST_BANDS, 'a cost option'), empty: [], label: 'Cost', role: 'filter' }),
};

export const costFilter: FilterDefinition = {
  name: 'cost',
  parameters: ['cost'],
  meaning: {
    kind: 'any-of',
    field: 'cost',
    values: () => COST_BANDS,
    chosen: (query) => query.cost,
    facets: (counts) => ({ cost: counts as Record<CostBand, number> }),
  },
};
