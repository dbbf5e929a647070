// Field names and values in plain words, for the editor's conflict view, the review queue's
// before/after and the history page. (A first version: lists and objects are given line by line.)
import type { RecordField } from './publish';

export const FIELD_LABELS: Record<RecordField, string> = {
  name: 'Name',
  alternate_name: 'Other name',
  description: 'What it is',
  organization: 'Organisation',
  status: 'Status',
  alert: 'Notice shown at the top',
  url: 'Website',
  email: 'Email',
  service_at_locations: 'Places',
  schedules: 'Times',
  cost_options: 'Costs',
  fees: 'Fees (short)',
  fees_description: 'About costs',
  funding: 'Funding',
  referral_routes: 'How to get in',
  referral_instructions: 'How to get in (in words)',
  first_visit: 'The first visit',
  eligibility_description: 'Who it is for',
  not_for: 'Who it is not for',
  minimum_age: 'Youngest age',
  maximum_age: 'Oldest age',
  capacity_status: 'Space for new people',
  waiting_weeks: 'Waiting time (weeks)',
  capacity_updated: 'Space last updated',
  delivery_modes: 'How it is given',
  support_to_attend: 'Help to go',
  transport_offered: 'Transport offered',
  home_visits: 'Home visits',
  group_size: 'Group size',
  attributes: 'Categories',
  phones: 'Phone numbers',
  contacts: 'Contacts',
  languages: 'Languages',
  service_areas: 'Areas covered',
  accreditations: 'Accreditations',
  assured_date: 'Last checked',
  assurer_email: 'Email for checks',
};

/** A field's label; unknown fields are shown as they are named. */
export function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string>)[field] ?? field.replace(/_/g, ' ');
}

/** A value as lines of plain text ("Not given" when empty). */
export function describeValue(_field: string, value: unknown): string[] {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return ['Not given'];
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  if (typeof value !== 'object') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (item && typeof item === 'object' ? [summary(item as Record<string, unknown>)] : [String(item)]));
  return [summary(value as Record<string, unknown>)];
}

function summary(object: Record<string, unknown>): string {
  return Object.entries(object)
    .filter(([key, item]) => key !== 'id' && !key.endsWith('_id') && item != null && item !== '' && !(Array.isArray(item) && item.length === 0))
    .map(([key, item]) => `${key.replace(/_/g, ' ')}: ${typeof item === 'object' ? JSON.stringify(item) : String(item)}`)
    .join('; ');
}
