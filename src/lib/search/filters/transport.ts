// Getting there: every way chosen must be met; "walk" means a place within walk_km (or
// DEFAULT_WALK_KM) of the searched place.
// Its meaning (kind "transport"): the document's features hold every feature chosen, and with
// "walk" its nearest place is within walking distance (not judged without a searched place).
// Facets, over the results: how many also have each feature, and how many are within walking
// distance ("walk"; zero without a searched place).
import { TRANSPORT_FEATURES, type TransportFeature } from '../../directory/transport';
import { parameter, zeros, type FilterDefinition } from './definition';
import { NEEDS_PLACE } from './distance';
import { enumParam, numberParam } from './parameter-schemas';

export { TRANSPORT_FEATURES, type TransportFeature };
/** What the transport filter accepts: the services' own features, and "walk" (within walk_km of near). */
export const TRANSPORT_OPTIONS = ['bus', 'walk', 'step_free', 'parking', 'provided', 'no_travel'] as const;
export type TransportOption = (typeof TRANSPORT_OPTIONS)[number];
/** How far is "walking distance" when walk_km is not given. */
export const DEFAULT_WALK_KM = 1.5;

export interface TransportFields {
  /** The ways of getting there that its record gives it (src/lib/directory/transport.ts). */
  transport: TransportFeature[];
}

export interface TransportFacets {
  /** How many results also meet each way of getting there ("walk" only with a searched place). */
  transport: Record<TransportOption, number>;
}

export const transportParameters = {
  transport: parameter({
    schema: enumParam(TRANSPORT_OPTIONS, 'a way of getting there'),
    empty: [],
    label: 'Getting there',
    role: 'filter',
    needsPlace: {
      applies: (value) => value.includes('walk'),
      without: (value) => value.filter((option) => option !== 'walk'),
      message: `“Within walking distance” needs a place to walk from. ${NEEDS_PLACE}`,
    },
  }),
  walk_km: parameter({ schema: numberParam('a walking distance in kilometres', 0.1, 10, false), empty: null, label: 'Walking distance', role: 'modifier' }),
};

/** The features a transport choice needs ("walk" is about distance, not a feature). */
export function featuresChosen(options: readonly TransportOption[]): TransportFeature[] {
  return options.filter((option): option is TransportFeature => option !== 'walk');
}

export const transportFilter: FilterDefinition = {
  name: 'transport',
  parameters: ['transport', 'walk_km'],
  meaning: { kind: 'transport', emptyFacets: () => ({ transport: zeros(TRANSPORT_OPTIONS) }) },
};
