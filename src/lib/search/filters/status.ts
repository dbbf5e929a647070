// Closed services: only active services are shown unless include_closed is set.
import { SERVICE_STATUSES } from '../../openreferral-schema/schemas';
import { parameter, type FilterDefinition } from './definition';
import { flag } from './parameter-schemas';

export interface StatusFields {
  /** active, inactive, defunct or "temporarily closed". */
  status: string;
}

export interface StatusFacets {
  /** How many services the status filter hides (closed, inactive or temporarily closed). */
  closed: number;
}

export const statusParameters = {
  include_closed: parameter({ schema: flag, empty: false, label: 'Closed services', role: 'filter' }),
};

/** Is a service of this status hidden unless closed services are asked for? */
export function isClosedStatus(status: string): boolean {
  return status !== 'active';
}

export const statusFilter: FilterDefinition = {
  name: 'status',
  parameters: ['include_closed'],
  meaning: {
    kind: 'one-of',
    field: 'status',
    values: SERVICE_STATUSES,
    allowed: (query) => (query.include_closed ? null : SERVICE_STATUSES.filter((status) => !isClosedStatus(status))),
    facets: (counts, query) => ({
      closed: query.include_closed ? 0 : Object.entries(counts).reduce((sum, [status, n]) => sum + (isClosedStatus(status) ? n : 0), 0),
    }),
  },
};
