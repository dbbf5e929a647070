// The service editor's folded sections: which section each form field and record field belongs
// to, which sections open (those holding an error or a previewed change; the first one otherwise),
// how many rows each holds, and what a listing is missing, for the summary at the top of the editor.
import { isBlankRow, LIST_NAMES, type EditorValues, type ListName } from './form-values';

export interface EditorSection {
  id: string;
  title: string;
  /** Form field names (the part before the first dot) in this section. */
  fields: readonly string[];
  /** Record fields (as a preview names them) in this section. */
  recordFields: readonly string[];
}

export const EDITOR_SECTIONS: readonly EditorSection[] = [
  {
    id: 'section-about',
    title: 'About the service',
    fields: ['name', 'alternate_name', 'description', 'organization_id', 'status', 'alert'],
    recordFields: ['name', 'alternate_name', 'description', 'organization', 'status', 'alert'],
  },
  { id: 'section-contact', title: 'Contact details', fields: ['url', 'email', 'phones', 'contacts'], recordFields: ['url', 'email', 'phones', 'contacts'] },
  { id: 'section-places', title: 'Places', fields: ['places'], recordFields: ['service_at_locations'] },
  { id: 'section-times', title: 'Times', fields: ['schedules'], recordFields: ['schedules'] },
  { id: 'section-costs', title: 'Costs', fields: ['costs', 'fees', 'fees_description'], recordFields: ['cost_options', 'fees', 'fees_description'] },
  { id: 'section-funding', title: 'Funding', fields: ['funding'], recordFields: ['funding'] },
  {
    id: 'section-access',
    title: 'How to get in and who it is for',
    fields: ['referral_routes', 'referral_instructions', 'first_visit', 'eligibility_description', 'not_for', 'minimum_age', 'maximum_age'],
    recordFields: ['referral_routes', 'referral_instructions', 'first_visit', 'eligibility_description', 'not_for', 'minimum_age', 'maximum_age'],
  },
  {
    id: 'section-capacity',
    title: 'Space for new people',
    fields: ['capacity_status', 'waiting_weeks'],
    recordFields: ['capacity_status', 'waiting_weeks', 'capacity_updated'],
  },
  {
    id: 'section-delivery',
    title: 'How it is given and help to go',
    fields: ['delivery_modes', 'support_to_attend', 'transport_description', 'transport_eligibility', 'home_visits', 'group_size'],
    recordFields: ['delivery_modes', 'support_to_attend', 'transport_offered', 'home_visits', 'group_size'],
  },
  { id: 'section-categories', title: 'Categories', fields: ['categories'], recordFields: ['attributes'] },
  {
    id: 'section-languages',
    title: 'Languages and areas',
    fields: ['languages', 'areas', 'accreditations'],
    recordFields: ['languages', 'service_areas', 'accreditations'],
  },
  { id: 'section-checks', title: 'Checks', fields: ['assurer_email'], recordFields: ['assured_date', 'assurer_email'] },
];

/** The section a form field ("schedules.0.opens_at", "name") or a record field belongs to; the first section when unknown. */
export function sectionOf(name: string): string {
  const head = name.split('.')[0]!;
  return (EDITOR_SECTIONS.find((section) => section.fields.includes(head) || section.recordFields.includes(head)) ?? EDITOR_SECTIONS[0]!).id;
}

/**
 * The sections shown open: every one holding an error, else every one holding a previewed
 * change, else the first ("About the service"), so the page opens short.
 */
export function openSections(errorFields: readonly string[], changedFields: readonly string[] = []): Set<string> {
  if (errorFields.length) return new Set(errorFields.map(sectionOf));
  if (changedFields.length) return new Set([EDITOR_SECTIONS[0]!.id, ...changedFields.map(sectionOf)]);
  return new Set([EDITOR_SECTIONS[0]!.id]);
}

/** Rows filled in (not blank, not ticked for removal) in one of the editor's lists. */
export function filledRows(values: EditorValues, list: ListName): number {
  return (values[list] as object[]).filter((row) => !isBlankRow(list, row) && !(row as { remove?: boolean }).remove).length;
}

/** The number of filled rows for each list, for the sections' summaries. */
export function rowCounts(values: EditorValues): Record<ListName, number> {
  return Object.fromEntries(LIST_NAMES.map((list) => [list, filledRows(values, list)])) as Record<ListName, number>;
}

export interface MissingPart {
  /** What is missing, in words for the person editing. */
  text: string;
  section: string;
}

/** What a listing lacks that people searching need, in the order of the form. */
export function missingParts(values: EditorValues, assuredDate: string | null | undefined): MissingPart[] {
  const missing: MissingPart[] = [];
  const add = (text: string, section: string) => missing.push({ text, section });
  const rows = rowCounts(values);
  if (!values.description.trim()) add('What it is (a description)', 'section-about');
  if (!values.url.trim() && !values.email.trim() && rows.phones === 0) add('Any way to contact them (phone, email or website)', 'section-contact');
  const online = values.delivery_modes.includes('online') || values.delivery_modes.includes('phone');
  if (rows.places === 0 && !online) add('Where it happens (a place), or that it is online or by phone', 'section-places');
  if (rows.schedules === 0) add('When it happens (times)', 'section-times');
  if (rows.costs === 0 && !values.fees.trim() && !values.fees_description.trim()) add('What it costs (even if it is free)', 'section-costs');
  if (values.referral_routes.length === 0 && !values.referral_instructions.trim()) add('How to get in (turn up, book or be referred)', 'section-access');
  if (!values.capacity_status) add('Whether they can take someone new now', 'section-capacity');
  if (values.categories.length === 0) add('A category, so people can find it', 'section-categories');
  if (!assuredDate) add('A check: nobody has confirmed these details yet', 'section-checks');
  return missing;
}
