// Plain names for the search page's fields, used beside each field and in the error summary.
// (Labels for filter values live in src/lib/search/labels.ts.)
import {
  PARAMETER_LABELS,
  toSearchParams,
  type CostBand,
  type Day,
  type DeliveryMode,
  type Parameter,
  type ReferralRoute,
  type SearchQuery,
  type TimeOfDay,
  type TransportOption,
} from '../../lib/search/filters';
import type { ChosenFilter } from '../../lib/search/chosen-filters';
import { COST_LABELS, DAY_LABELS, MODE_LABELS, REFERRAL_LABELS, TIME_LABELS, TRANSPORT_LABELS } from '../../lib/search/labels';
import { getTaxonomy } from '../../lib/taxonomy/taxonomy';
import { languageName } from '../../lib/search/languages';

/** Each field's plain name (declared with its parameter: its filter's file in src/lib/search/filters/). */
export const FIELD_LABELS: Record<Parameter, string> = PARAMETER_LABELS;

/** Where the error summary sends people for each field: the field's first control. */
export function fieldAnchor(parameter: Parameter): string {
  return parameter === 'page' || parameter === 'view' ? 'results-heading' : parameter;
}

export const CAPACITY_FILTER_LABELS = {
  any: 'Show all',
  available: 'Not full (may have a waiting list)',
  accepting: 'Taking new people now',
} as const;

export const PER_PAGE_CHOICES = [10, 20, 50, 100] as const;

/** The plain name of one chosen filter value: "Tuesday", "Free", "£5", "Food banks". */
export function chosenLabel(filter: ChosenFilter): string {
  const taxonomy = getTaxonomy();
  const { parameter, value } = filter;
  switch (parameter) {
    case 'category':
      return taxonomy.categoryByCode.get(value)?.name ?? value;
    case 'access':
      return taxonomy.accessibilityByCode.get(value)?.name ?? value;
    case 'language':
      return languageName(value);
    case 'cost':
      return COST_LABELS[value as CostBand] ?? value;
    case 'max_cost':
      return `£${value}`;
    case 'mode':
      return MODE_LABELS[value as DeliveryMode] ?? value;
    case 'day':
      return DAY_LABELS[value as Day] ?? value;
    case 'time':
      return TIME_LABELS[value as TimeOfDay] ?? value;
    case 'age':
      return value;
    case 'referral':
      return REFERRAL_LABELS[value as ReferralRoute] ?? value;
    case 'capacity':
      return CAPACITY_FILTER_LABELS[value as keyof typeof CAPACITY_FILTER_LABELS] ?? value;
    case 'include_closed':
      return 'included';
    case 'fresh':
      return 'only';
    case 'near':
      return value;
    case 'radius_km':
      return `within ${value} km`;
    case 'transport':
      return TRANSPORT_LABELS[value as TransportOption] ?? value;
    case 'walk_km':
      return `${value} km`;
  }
}

/** A search as a link to the search page. */
export function searchHref(query: SearchQuery): string {
  const text = toSearchParams(query).toString();
  return text ? `/search?${text}` : '/search';
}
