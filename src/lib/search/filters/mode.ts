// How you take part: any of the ways chosen (in person, by phone, online).
import { DELIVERY_MODES } from '../../openreferral-schema/schemas';
import { parameter, type FilterDefinition } from './definition';
import { enumParam } from './parameter-schemas';

export { DELIVERY_MODES };
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface ModeFields {
  /** How it is delivered, with in person for a service with places (src/lib/directory/delivery.ts). */
  modes: DeliveryMode[];
}

export interface ModeFacets {
  mode: Record<DeliveryMode, number>;
}

export const modeParameters = {
  mode: parameter({ schema: enumParam(DELIVERY_MODES, 'a way of taking part'), empty: [], label: 'How you take part', role: 'filter' }),
};

export const modeFilter: FilterDefinition = {
  name: 'mode',
  parameters: ['mode'],
  meaning: {
    kind: 'any-of',
    field: 'modes',
    values: () => DELIVERY_MODES,
    chosen: (query) => query.mode,
    facets: (counts) => ({ mode: counts as Record<DeliveryMode, number> }),
  },
};
