// The service editor's form turned back into a listing: the posted values laid over the listing
// as it was opened (so ids of existing rows, and parts the form does not show, are kept), new rows
// given new ids, and a value that means the same as before kept exactly as it was, so saving an
// untouched form changes nothing. Also: problems found on publishing mapped back to form fields.
import type { RecordError } from '../openreferral-schema/validate-record';
import type { OrganizationRecord, ServiceRecord } from '../openreferral-schema/schemas';
import { newId } from '../ids';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { DELIVERY_MODE, REFERRAL_ROUTE } from '../vocabulary';
import { RECORD_FIELDS, type FieldDifference, type RecordField } from './publish';
import { bydayFromChoices, choicesFromByday, isBlankRow, isBlankStop, type EditorValues, type PlaceRow, type StopRow } from './form-values';
import { parseMoney, type FieldErrors } from './form-validate';

export * from './form-values';
export * from './form-validate';

type Mutable = Record<string, unknown>;

/** Sets a text property when given, and removes it when left empty (records leave unknown values out). */
function setText(target: Mutable, key: string, value: string): void {
  const trimmed = value.replace(/\r\n/g, '\n').trim();
  if (trimmed === '') delete target[key];
  else target[key] = trimmed;
}

function setNumber(target: Mutable, key: string, value: string, parse: (text: string) => number = Number): void {
  const trimmed = value.trim();
  if (trimmed === '') delete target[key];
  else target[key] = parse(trimmed);
}

function setYesNo(target: Mutable, key: string, value: string): void {
  if (value === 'yes') target[key] = true;
  else if (value === 'no') target[key] = false;
  else delete target[key];
}

/** Drops empty parts (null, undefined, '', [], {}) so that two values can be compared by meaning. */
function meaning(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(meaning).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Mutable)
      .map(([key, item]) => [key, meaning(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** Do two values mean the same (ignoring the order of an object's keys and empty parts)? */
export function sameMeaning(a: unknown, b: unknown): boolean {
  return JSON.stringify(meaning(a)) === JSON.stringify(meaning(b));
}

/** The row of `base` with the same id, kept exactly when the new row means the same. */
function keepIfSame<T extends { id: string }>(built: T, base: Map<string, T>): T {
  const before = base.get(built.id);
  return before && sameMeaning(before, built) ? before : built;
}

/** A new, empty listing for the "add a service" form. */
export function blankRecord(id: string, organization: OrganizationRecord): ServiceRecord {
  return {
    id,
    name: '',
    status: 'active',
    organization,
    service_at_locations: [],
    schedules: [],
    cost_options: [],
    funding: [],
    phones: [],
    contacts: [],
    languages: [],
    service_areas: [],
    attributes: [],
  } as unknown as ServiceRecord;
}

/** Where each row of the built record came from in the form, to put publishing problems next to the right field. */
export interface RowSources {
  places: number[];
  stops: number[][];
  schedules: number[];
  costs: number[];
  funding: number[];
  phones: number[];
  contacts: number[];
  languages: number[];
  areas: number[];
}

export interface BuildOptions {
  /** The organisation chosen, as a full record (the opened one when it has not changed). */
  organization: OrganizationRecord;
  /** Today in the UK: capacity_updated is set to it when the space for new people changes. */
  today: string;
}

/** Rows of a list that are kept: not removed, not blank; with their form row numbers. */
function keptRows<T extends { remove: boolean }>(list: Parameters<typeof isBlankRow>[0], rows: T[]): [T, number][] {
  return rows.map((row, n) => [row, n] as [T, number]).filter(([row]) => !row.remove && !isBlankRow(list, row));
}

function buildStops(stops: StopRow[]): { stops: Mutable[]; sources: number[] } {
  const kept = stops.map((stop, m) => [stop, m] as const).filter(([stop]) => !stop.remove && !isBlankStop(stop));
  return {
    stops: kept.map(([stop]) => {
      const out: Mutable = { name: stop.name.trim(), mode: stop.mode };
      out.routes = stop.routes
        .split(/[,;]/)
        .map((route) => route.trim())
        .filter(Boolean);
      setNumber(out, 'distance_m', stop.distance_m);
      setNumber(out, 'walk_minutes', stop.walk_minutes);
      setYesNo(out, 'step_free_route', stop.step_free_route);
      return out;
    }),
    sources: kept.map(([, m]) => m),
  };
}

function buildAttributes(base: ServiceRecord['attributes'], chosen: string[], kind: 'category' | 'accessibility'): ServiceRecord['attributes'] {
  const taxonomy = getTaxonomy();
  const byUuid = kind === 'category' ? taxonomy.categoryByUuid : taxonomy.accessibilityByUuid;
  const terms = kind === 'category' ? taxonomy.categories : taxonomy.accessibility;
  const wanted = new Set(chosen);
  const present = new Set<string>();
  const kept = base.filter((attribute) => {
    const term = byUuid.get(attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id ?? '');
    if (!term) return true; // a term from another vocabulary: not the form's to change
    if (!wanted.has(term.id) || present.has(term.id)) return false;
    present.add(term.id);
    return true;
  });
  const added = terms
    .filter((term) => wanted.has(term.id) && !present.has(term.id))
    // Named by id only, so the stored term (with its place in the tree) is used as it is.
    .map((term) => ({ id: newId(), link_type: kind, taxonomy_term_id: term.uuid }) as ServiceRecord['attributes'][number]);
  return [...kept, ...added];
}

function buildPlace(
  row: PlaceRow,
  base: ServiceRecord['service_at_locations'][number] | undefined,
): { sal: ServiceRecord['service_at_locations'][number]; stopSources: number[] } {
  const before = base?.location;
  const location: Mutable = before
    ? { ...before }
    : { id: newId(), location_type: row.location_type, addresses: [], phones: [], accessibility: [], languages: [], attributes: [] };
  location.location_type = row.location_type;
  setText(location, 'name', row.name);
  setText(location, 'url', row.url);
  setText(location, 'transportation', row.transportation);
  setNumber(location, 'latitude', row.latitude);
  setNumber(location, 'longitude', row.longitude);
  const addresses = [...(before?.addresses ?? [])];
  const hasAddress = [row.address_1, row.address_2, row.city, row.postal_code].some((value) => value.trim() !== '');
  if (hasAddress) {
    const address: Mutable = addresses[0]
      ? { ...addresses[0] }
      : { id: newId(), country: 'GB', address_type: row.location_type === 'postal' ? 'postal' : 'physical', attributes: [] };
    setText(address, 'address_1', row.address_1);
    setText(address, 'address_2', row.address_2);
    setText(address, 'city', row.city);
    setText(address, 'postal_code', row.postal_code.toUpperCase());
    addresses[0] = address as unknown as (typeof addresses)[number];
  } else addresses.splice(0, 1);
  location.addresses = addresses;
  location.attributes = buildAttributes(before?.attributes ?? [], row.access, 'accessibility');
  const { stops, sources } = buildStops(row.stops);
  const transport: Mutable = { stops };
  if (row.parking_available === 'yes' || row.parking_available === 'no') {
    const parking: Mutable = { available: row.parking_available === 'yes' };
    setYesNo(parking, 'blue_badge', row.parking_blue_badge);
    setYesNo(parking, 'free', row.parking_free);
    setText(parking, 'notes', row.parking_notes);
    transport.parking = parking;
  }
  setYesNo(transport, 'cycle_parking', row.cycle_parking);
  if (stops.length || transport.parking || transport.cycle_parking !== undefined) location.transport = transport;
  else delete location.transport;
  if (before?.transport && sameMeaning(before.transport, location.transport)) location.transport = before.transport;
  // What the service has at this place only (from a feed; the form does not edit it) stays as it was.
  const sal = { ...(base ?? { id: newId(), schedules: [], phones: [], contacts: [] }), location } as unknown as ServiceRecord['service_at_locations'][number];
  return { sal: base && sameMeaning(base, sal) ? base : sal, stopSources: sources };
}

/**
 * The listing the form describes, built over `base` (the listing as opened, or a blank one).
 * Expects values that passed validateValues.
 */
export function valuesToRecord(values: EditorValues, base: ServiceRecord, options: BuildOptions): { record: ServiceRecord; sources: RowSources } {
  const record = { ...base } as unknown as Mutable;
  for (const key of [
    'name',
    'alternate_name',
    'description',
    'alert',
    'url',
    'email',
    'fees',
    'fees_description',
    'referral_instructions',
    'first_visit',
    'eligibility_description',
    'not_for',
    'accreditations',
    'assurer_email',
  ] as const) {
    setText(record, key, values[key]);
  }
  record.name = values.name.trim();
  record.status = values.status;
  record.organization = options.organization.id === base.organization.id ? base.organization : options.organization;
  setNumber(record, 'minimum_age', values.minimum_age);
  setNumber(record, 'maximum_age', values.maximum_age);
  setText(record, 'capacity_status', values.capacity_status);
  setNumber(record, 'waiting_weeks', values.waiting_weeks);
  setText(record, 'group_size', values.group_size);
  setYesNo(record, 'home_visits', values.home_visits);
  const setList = (key: string, chosen: string[], order: readonly string[]) => {
    const before = (base as unknown as Mutable)[key] as string[] | undefined;
    if (before && sameMeaning([...before].sort(), [...chosen].sort()) && before.length === new Set(chosen).size) record[key] = before;
    else if (chosen.length) record[key] = order.filter((value) => chosen.includes(value));
    else if (Array.isArray(before) && before.length === 0) record[key] = before;
    else delete record[key];
  };
  setList('referral_routes', values.referral_routes, REFERRAL_ROUTE.values);
  setList('delivery_modes', values.delivery_modes, DELIVERY_MODE.values);
  setList('support_to_attend', values.support_to_attend, ['bring_someone', 'met_on_first_visit', 'help_with_forms']);
  if (values.transport_description.trim()) {
    const offered: Mutable = { description: values.transport_description.trim() };
    setText(offered, 'eligibility', values.transport_eligibility);
    record.transport_offered = offered;
  } else delete record.transport_offered;
  // Space for new people: when it changes, it was confirmed today.
  if (!sameMeaning(base.capacity_status, record.capacity_status) || !sameMeaning(base.waiting_weeks, record.waiting_weeks)) {
    record.capacity_updated = options.today;
  }
  record.attributes = buildAttributes(base.attributes, values.categories, 'category');

  const sources: RowSources = { places: [], stops: [], schedules: [], costs: [], funding: [], phones: [], contacts: [], languages: [], areas: [] };
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  /** Only an id the opened listing had is kept; anything else posted is a new row. */
  const idFrom = (id: string, known: Map<string, unknown>) => (known.has(id) ? id : newId());

  const baseSals = byId(base.service_at_locations);
  record.service_at_locations = keptRows('places', values.places).map(([row, n]) => {
    sources.places.push(n);
    const { sal, stopSources } = buildPlace(row, baseSals.get(row.id));
    sources.stops.push(stopSources);
    return sal;
  });

  const baseSchedules = byId(base.schedules);
  record.schedules = keptRows('schedules', values.schedules).map(([row, n]) => {
    sources.schedules.push(n);
    const id = idFrom(row.id, baseSchedules);
    const out: Mutable = { ...(baseSchedules.get(id) ?? { id }) };
    setText(out, 'freq', row.freq);
    setNumber(out, 'interval', row.interval);
    const before = baseSchedules.get(id)?.byday;
    const byday = row.byday_other.trim() ? row.byday_other.trim().toUpperCase().replace(/\s+/g, '') : bydayFromChoices(row.days, row.weeks);
    const sameDays = before != null && sameMeaning(choicesFromByday(before), choicesFromByday(byday)) && choicesFromByday(byday) !== null;
    if (sameDays) out.byday = before;
    else setText(out, 'byday', byday);
    for (const key of ['opens_at', 'closes_at', 'valid_from', 'valid_to', 'notes'] as const) setText(out, key, row[key]);
    return keepIfSame(out as unknown as ServiceRecord['schedules'][number], baseSchedules);
  });

  const baseCosts = byId(base.cost_options);
  record.cost_options = keptRows('costs', values.costs).map(([row, n]) => {
    sources.costs.push(n);
    const id = idFrom(row.id, baseCosts);
    const out: Mutable = { ...(baseCosts.get(id) ?? { id }) };
    setText(out, 'option', row.option);
    setNumber(out, 'amount', row.amount, parseMoney);
    setText(out, 'currency', row.currency.toUpperCase());
    setText(out, 'amount_description', row.amount_description);
    setText(out, 'valid_to', row.valid_to);
    return keepIfSame(out as unknown as ServiceRecord['cost_options'][number], baseCosts);
  });

  const baseFunding = byId(base.funding);
  record.funding = keptRows('funding', values.funding).map(([row, n]) => {
    sources.funding.push(n);
    const id = idFrom(row.id, baseFunding);
    const out: Mutable = { ...(baseFunding.get(id) ?? { id }) };
    for (const key of ['source', 'start_date', 'end_date'] as const) setText(out, key, row[key]);
    return keepIfSame(out as unknown as ServiceRecord['funding'][number], baseFunding);
  });

  const basePhones = byId(base.phones);
  record.phones = keptRows('phones', values.phones).map(([row, n]) => {
    sources.phones.push(n);
    const id = idFrom(row.id, basePhones);
    const out: Mutable = { ...(basePhones.get(id) ?? { id }) };
    for (const key of ['number', 'extension', 'type', 'description'] as const) setText(out, key, row[key]);
    return keepIfSame(out as unknown as ServiceRecord['phones'][number], basePhones);
  });

  const baseContacts = byId(base.contacts);
  record.contacts = keptRows('contacts', values.contacts).map(([row, n]) => {
    sources.contacts.push(n);
    const id = idFrom(row.id, baseContacts);
    const before = baseContacts.get(id);
    const out: Mutable = { ...(before ?? { id, phones: [], attributes: [] }) };
    for (const key of ['name', 'title', 'department', 'email'] as const) setText(out, key, row[key]);
    const phones = [...(before?.phones ?? [])];
    if (row.phone.trim()) phones[0] = { ...(phones[0] ?? { id: newId() }), number: row.phone.trim() } as (typeof phones)[number];
    else phones.splice(0, 1);
    out.phones = phones;
    return keepIfSame(out as unknown as ServiceRecord['contacts'][number], baseContacts);
  });

  const baseLanguages = byId(base.languages);
  record.languages = keptRows('languages', values.languages).map(([row, n]) => {
    sources.languages.push(n);
    const id = idFrom(row.id, baseLanguages);
    const out: Mutable = { ...(baseLanguages.get(id) ?? { id }) };
    for (const key of ['name', 'code', 'note'] as const) setText(out, key, row[key]);
    return keepIfSame(out as unknown as ServiceRecord['languages'][number], baseLanguages);
  });

  const baseAreas = byId(base.service_areas);
  record.service_areas = keptRows('areas', values.areas).map(([row, n]) => {
    sources.areas.push(n);
    const id = idFrom(row.id, baseAreas);
    const out: Mutable = { ...(baseAreas.get(id) ?? { id }) };
    for (const key of ['name', 'description'] as const) setText(out, key, row[key]);
    return keepIfSame(out as unknown as ServiceRecord['service_areas'][number], baseAreas);
  });

  return { record: keepUnchangedFields(base, record as unknown as ServiceRecord), sources };
}

/** The record with every field that means the same as in `base` given base's own value, so it diffs as unchanged. */
export function keepUnchangedFields(base: ServiceRecord, record: ServiceRecord): ServiceRecord {
  const out = { ...record } as unknown as Mutable;
  for (const field of RECORD_FIELDS) {
    if (sameMeaning(base[field], record[field])) {
      if (base[field] === undefined) delete out[field];
      else out[field] = base[field];
    }
  }
  return out as unknown as ServiceRecord;
}

/** The fields that differ in meaning between two versions (the editor's "what changed"). */
export function changedFields(before: ServiceRecord | null, after: ServiceRecord): FieldDifference[] {
  return RECORD_FIELDS.filter((field) => !sameMeaning(before?.[field], after[field])).map((field) => ({
    field,
    before: before?.[field] ?? null,
    after: after[field] ?? null,
  }));
}

// ----- Problems found when publishing, put next to the form field they are about -----

const SCALAR_FIELDS: Record<string, string> = {
  organization: 'organization_id',
  attributes: 'categories',
  transport_offered: 'transport_description',
  capacity_updated: 'capacity_status',
  assured_date: 'assurer_email',
  last_modified: 'name',
  id: 'name',
};
const PLACE_FIELDS = new Set(['name', 'location_type', 'url', 'latitude', 'longitude', 'transportation']);
const ADDRESS_FIELDS = new Set(['address_1', 'address_2', 'city', 'postal_code']);
const ROW_FIELDS: Record<string, { list: keyof RowSources; fields: Record<string, string>; first: string }> = {
  schedules: {
    list: 'schedules',
    fields: {
      byday: 'days',
      freq: 'freq',
      interval: 'interval',
      opens_at: 'opens_at',
      closes_at: 'closes_at',
      valid_from: 'valid_from',
      valid_to: 'valid_to',
      notes: 'notes',
    },
    first: 'opens_at',
  },
  cost_options: {
    list: 'costs',
    fields: { option: 'option', amount: 'amount', currency: 'currency', amount_description: 'amount_description', valid_to: 'valid_to' },
    first: 'option',
  },
  funding: { list: 'funding', fields: { source: 'source', start_date: 'start_date', end_date: 'end_date' }, first: 'source' },
  phones: { list: 'phones', fields: { number: 'number', extension: 'extension', type: 'type', description: 'description' }, first: 'number' },
  contacts: { list: 'contacts', fields: { name: 'name', title: 'title', department: 'department', email: 'email', phones: 'phone' }, first: 'name' },
  languages: { list: 'languages', fields: { name: 'name', code: 'code', note: 'note' }, first: 'name' },
  service_areas: { list: 'areas', fields: { name: 'name', description: 'description' }, first: 'name' },
};

/** The form field a record path ("schedules[1].opens_at") is about, given where the record's rows came from. */
export function formFieldFor(path: string, sources: RowSources): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  const [top, index, ...rest] = parts;
  if (!top) return 'name';
  if (top === 'service_at_locations' && index !== undefined) {
    const n = sources.places[Number(index)] ?? Number(index);
    const at = `places.${n}`;
    const [, sub, subIndex, leaf] = rest; // location.<sub>...
    if (!sub) return `${at}.name`;
    if (PLACE_FIELDS.has(sub)) return `${at}.${sub}`;
    if (sub === 'addresses') return `${at}.${leaf && ADDRESS_FIELDS.has(leaf) ? leaf : 'address_1'}`;
    if (sub === 'attributes') return `${at}.access`;
    if (sub === 'transport') {
      if (subIndex === 'stops' && leaf !== undefined) {
        const m = sources.stops[Number(index)]?.[Number(leaf)] ?? Number(leaf);
        const stopField = rest[4];
        return `${at}.stops.${m}.${stopField && ['name', 'mode', 'routes', 'distance_m', 'walk_minutes', 'step_free_route'].includes(stopField) ? stopField : 'name'}`;
      }
      if (subIndex === 'cycle_parking') return `${at}.cycle_parking`;
      return `${at}.parking_available`;
    }
    return `${at}.name`;
  }
  const row = ROW_FIELDS[top];
  if (row && index !== undefined && /^\d+$/.test(index)) {
    const n = sources[row.list][Number(index)] ?? Number(index);
    const field = rest[0] ? (row.fields[rest[0]] ?? row.first) : row.first;
    return `${row.list}.${n}.${field}`;
  }
  if (row) return `${row.list}.0.${row.first}`;
  return SCALAR_FIELDS[top] ?? top;
}

/** Publishing's problems as form field errors, each said with the field's label. */
export function recordErrorsToFields(errors: RecordError[], sources: RowSources): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const field = formFieldFor(error.path, sources);
    out[field] ??= `${formFieldLabel(field)} ${error.message.replace(/_/g, ' ')}`;
  }
  return out;
}

const FORM_LABELS: Record<string, string> = {
  name: 'Name',
  alternate_name: 'Other name',
  description: 'What it is',
  organization_id: 'Organisation',
  status: 'Status',
  alert: 'Notice',
  url: 'Website',
  email: 'Email',
  fees: 'Fees (short)',
  fees_description: 'About costs',
  referral_routes: 'How to get in',
  referral_instructions: 'How to get in, in words',
  first_visit: 'The first visit',
  eligibility_description: 'Who it is for',
  not_for: 'Who it is not for',
  minimum_age: 'Youngest age',
  maximum_age: 'Oldest age',
  capacity_status: 'Space for new people',
  waiting_weeks: 'Waiting time in weeks',
  delivery_modes: 'How it is given',
  support_to_attend: 'Help to go',
  transport_description: 'Transport they offer',
  transport_eligibility: 'Who can use the transport',
  home_visits: 'Home visits',
  group_size: 'Group size',
  categories: 'Categories',
  accreditations: 'Accreditations',
  assurer_email: 'Email for checks',
};
const ROW_LABELS: Record<string, [string, Record<string, string>]> = {
  places: [
    'Place',
    {
      name: 'name',
      location_type: 'kind of place',
      address_1: 'address line 1',
      address_2: 'address line 2',
      city: 'town or city',
      postal_code: 'postcode',
      latitude: 'latitude',
      longitude: 'longitude',
      url: 'web address',
      transportation: 'getting there',
      access: 'accessibility',
      parking_available: 'parking',
      parking_blue_badge: 'Blue Badge parking',
      parking_free: 'free parking',
      parking_notes: 'about parking',
      cycle_parking: 'cycle parking',
    },
  ],
  schedules: [
    'Time',
    {
      freq: 'how often',
      interval: 'every how many',
      days: 'days',
      weeks: 'weeks of the month',
      byday_other: 'days in code',
      opens_at: 'opens',
      closes_at: 'closes',
      valid_from: 'first date',
      valid_to: 'last date',
      notes: 'notes',
    },
  ],
  costs: ['Cost', { option: 'what it is for', amount: 'amount', currency: 'currency', amount_description: 'about the cost', valid_to: 'price good until' }],
  funding: ['Funding', { source: 'who pays', start_date: 'start date', end_date: 'end date' }],
  phones: ['Phone', { number: 'number', extension: 'extension', type: 'type', description: 'what it is for' }],
  contacts: ['Contact', { name: 'name', title: 'job title', department: 'team', email: 'email', phone: 'phone' }],
  languages: ['Language', { name: 'language', code: 'code', note: 'note' }],
  areas: ['Area', { name: 'name', description: 'about the area' }],
};
const STOP_LABELS: Record<string, string> = {
  name: 'name',
  mode: 'kind',
  routes: 'routes',
  distance_m: 'distance in metres',
  walk_minutes: 'walk in minutes',
  step_free_route: 'step-free route',
};

/** A form field's name in words, for the error summary: "Time 2: opens". */
export function formFieldLabel(name: string): string {
  if (FORM_LABELS[name]) return FORM_LABELS[name]!;
  const stop = /^places\.(\d+)\.stops\.(\d+)\.(\w+)$/.exec(name);
  if (stop) return `Place ${Number(stop[1]) + 1}, stop ${Number(stop[2]) + 1}: ${STOP_LABELS[stop[3]!] ?? stop[3]}`;
  const row = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
  const labels = row ? ROW_LABELS[row[1]!] : undefined;
  if (row && labels) return `${labels[0]} ${Number(row[2]) + 1}: ${labels[1][row[3]!] ?? row[3]}`;
  return name.replace(/[._]/g, ' ');
}

/** The form field id for a field name ("schedules.0.opens_at" -> "f-schedules-0-opens_at"). */
export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, '-')}`;
}

export type { RecordField };
