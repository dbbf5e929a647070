// Plain names for the search page's fields, used beside each field and in the error summary.
// (Labels for filter values live in src/lib/search/labels.ts.)
import type { Parameter } from '../../lib/search/filters';

export const FIELD_LABELS: Record<Parameter, string> = {
  q: 'What you are looking for',
  category: 'Type of help',
  cost: 'Cost',
  max_cost: 'Most you can pay each time',
  mode: 'How you take part',
  day: 'Days you can go',
  time: 'Time of day',
  age: 'Your age',
  referral: 'How you can start',
  access: 'Accessibility',
  capacity: 'Space for new people',
  include_closed: 'Closed services',
  sort: 'Sort by',
  page: 'Page number',
  per_page: 'Results per page',
};

/** Where the error summary sends people for each field: the field's first control. */
export function fieldAnchor(parameter: Parameter): string {
  return parameter === 'page' ? 'results-heading' : parameter;
}

export const CAPACITY_FILTER_LABELS = {
  any: 'Show all',
  available: 'Not full (may have a waiting list)',
  accepting: 'Taking new people now',
} as const;

export const PER_PAGE_CHOICES = [10, 20, 50, 100] as const;
