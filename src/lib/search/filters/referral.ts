// How you can start: any of the referral routes chosen (just turn up, refer yourself, ...).
import { REFERRAL_ROUTES } from '../../openreferral-schema/schemas';
import { parameter, type FilterDefinition } from './definition';
import { enumParam } from './parameter-schemas';

export { REFERRAL_ROUTES };
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

export interface ReferralFields {
  /** The ways in its record gives. */
  referral: ReferralRoute[];
}

export interface ReferralFacets {
  referral: Record<ReferralRoute, number>;
}

export const referralParameters = {
  referral: parameter({ schema: enumParam(REFERRAL_ROUTES, 'a way to get in'), empty: [], label: 'How you can start', role: 'filter' }),
};

export const referralFilter: FilterDefinition = {
  name: 'referral',
  parameters: ['referral'],
  meaning: {
    kind: 'any-of',
    field: 'referral',
    values: () => REFERRAL_ROUTES,
    chosen: (query) => query.referral,
    facets: (counts) => ({ referral: counts as Record<ReferralRoute, number> }),
  },
};
