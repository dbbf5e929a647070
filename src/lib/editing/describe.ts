// Field names and values in plain words, for the editor's conflict view, the review queue's
// before/after, the history page and the emails that tell people what changed. Each value reads
// as the public page would say it: times via schedule-text, costs via cost, places as addresses.
import type { RecordField } from './publish';
import { longDate } from '../dates';
import { describeSchedule, type ScheduleLike } from '../directory/schedule-text';
import { costOptionText, type CostOptionLike } from '../directory/cost';
import { transportOfferedText } from '../directory/transport';
import { CAPACITY_LABELS, MODE_LABELS, REFERRAL_LABELS } from '../search/labels';
import { GROUP_SIZE_LABELS, STATUS_LABELS, SUPPORT_TO_ATTEND_LABELS } from '../directory/service-words';

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

/** Suggested fields that are not record fields (src/lib/suggestions/store.ts). */
export const PSEUDO_FIELD_LABELS: Record<string, string> = {
  'note:times': 'Times (in words)',
  'note:address': 'Address (in words)',
  'note:message': 'What they told us',
  'new:organisation': 'Organisation (name)',
  'new:address': 'Where (in words)',
};

/** A field's label; unknown fields are shown as they are named. */
export function fieldLabel(field: string): string {
  return (
    (FIELD_LABELS as Record<string, string>)[field] ??
    PSEUDO_FIELD_LABELS[field] ??
    field
      .replace(/^(note|new):/, '')
      .replace(/_/g, ' ')
      .replace(/^./, (first) => first.toUpperCase())
  );
}

type Item = Record<string, unknown>;
const isItem = (value: unknown): value is Item => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : value == null ? '' : String(value));
const joined = (...parts: unknown[]) => parts.map(str).filter(Boolean).join(', ');
const label = (labels: Record<string, string>, value: unknown) => labels[str(value)] ?? str(value).replace(/_/g, ' ');

function phoneText(phone: Item): string {
  const extension = str(phone.extension);
  const description = str(phone.description);
  return `${str(phone.number)}${extension ? ` (extension ${extension})` : ''}${description ? `: ${description}` : ''}`;
}

function placeText(link: Item): string {
  const location = isItem(link.location) ? link.location : link;
  if (location.location_type === 'virtual') return joined(location.name || 'Online', location.url);
  const addresses = Array.isArray(location.addresses) ? location.addresses.filter(isItem) : [];
  const address = addresses[0];
  const words = address ? joined(address.address_1, address.address_2, address.city, address.postal_code) : '';
  const name = str(location.name);
  const text = name && words && !words.startsWith(name) ? `${name}: ${words}` : name || words || 'A place with no address';
  return link.description ? `${text} (${str(link.description)})` : text;
}

function fundingText(funding: Item): string {
  const from = str(funding.start_date);
  const to = str(funding.end_date);
  return [str(funding.source) || 'Funding', from && `from ${longDate(from)}`, to && `until ${longDate(to)}`].filter(Boolean).join(' ');
}

function itemText(field: string, item: unknown): string {
  if (!isItem(item)) {
    if (field === 'referral_routes') return label(REFERRAL_LABELS, item);
    if (field === 'delivery_modes') return label(MODE_LABELS, item);
    if (field === 'support_to_attend') return label(SUPPORT_TO_ATTEND_LABELS, item);
    return str(item);
  }
  switch (field) {
    case 'schedules':
      return describeSchedule(item as ScheduleLike);
    case 'cost_options':
      return costOptionText(item as CostOptionLike) || 'A cost with no details';
    case 'phones':
      return phoneText(item);
    case 'service_at_locations':
      return placeText(item);
    case 'funding':
      return fundingText(item);
    case 'contacts': {
      const phones = Array.isArray(item.phones) ? item.phones.filter(isItem).map(phoneText) : [];
      return joined(item.name, item.title, item.department, item.email, ...phones) || 'A contact with no details';
    }
    case 'languages':
      return str(item.name) || str(item.code);
    case 'service_areas':
      return str(item.name) || str(item.description) || str(item.extent) || 'An area';
    case 'attributes': {
      const term = isItem(item.taxonomy_term) ? item.taxonomy_term : {};
      return str(term.name) || str(item.label) || str(item.value) || str(item.taxonomy_term_id);
    }
    default:
      return summary(item);
  }
}

/** A value as lines of plain text ("Not given" when empty). */
export function describeValue(field: string, value: unknown): string[] {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return ['Not given'];
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  if (Array.isArray(value)) return orNotGiven(value.map((item) => itemText(field, item)).filter(Boolean));
  if (typeof value === 'string' || typeof value === 'number') {
    switch (field) {
      case 'status':
        return [label(STATUS_LABELS, value)];
      case 'capacity_status':
        return [label(CAPACITY_LABELS, value)];
      case 'group_size':
        return [label(GROUP_SIZE_LABELS, value)];
      case 'assured_date':
      case 'capacity_updated':
        return [longDate(String(value))];
      case 'waiting_weeks':
        return [`${value} ${Number(value) === 1 ? 'week' : 'weeks'}`];
      case 'minimum_age':
      case 'maximum_age':
        return [`${value} years`];
      default:
        return orNotGiven(
          String(value)
            .replace(/\r\n?/g, '\n')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        );
    }
  }
  if (field === 'organization' && isItem(value)) return [str(value.name) || 'An organisation with no name'];
  if (field === 'transport_offered' && isItem(value)) return transportOfferedText({ transport_offered: value as never, home_visits: null });
  return [summary(value as Item)];
}

function orNotGiven(lines: string[]): string[] {
  return lines.length ? lines : ['Not given'];
}

function summary(object: Item): string {
  return Object.entries(object)
    .filter(([key, item]) => key !== 'id' && !key.endsWith('_id') && item != null && item !== '' && !(Array.isArray(item) && item.length === 0))
    .map(([key, item]) => `${key.replace(/_/g, ' ')}: ${typeof item === 'object' ? JSON.stringify(item) : String(item)}`)
    .join('; ');
}
