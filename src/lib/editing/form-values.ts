// The service editor's form values: every editable part of a listing as the strings and ticked
// boxes an HTML form posts, read from a stored record (to show the form) or from a posted form.
// Repeating parts (places, times, costs...) are lists of rows; each row keeps the id of the row it
// came from, so an edit changes that row rather than making a new one.
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { getTaxonomy } from '../taxonomy/taxonomy';

export interface StopRow {
  name: string;
  mode: string;
  routes: string;
  distance_m: string;
  walk_minutes: string;
  step_free_route: string;
  remove: boolean;
}
export interface PlaceRow {
  /** The id of the service_at_location row this place came from ('' for a new place). */
  id: string;
  name: string;
  location_type: string;
  address_1: string;
  address_2: string;
  city: string;
  postal_code: string;
  latitude: string;
  longitude: string;
  url: string;
  transportation: string;
  /** Codes of the accessibility features ticked. */
  access: string[];
  stops: StopRow[];
  parking_available: string;
  parking_blue_badge: string;
  parking_free: string;
  parking_notes: string;
  cycle_parking: string;
  remove: boolean;
}
export interface ScheduleRow {
  id: string;
  freq: string;
  interval: string;
  /** Days of the week ticked (MO...SU) and, for monthly times, which weeks of the month (1-4, -1 for the last). */
  days: string[];
  weeks: string[];
  /** Days written in code, for patterns the boxes cannot show (e.g. "1TU,3TH"); used instead of the boxes when filled. */
  byday_other: string;
  opens_at: string;
  closes_at: string;
  valid_from: string;
  valid_to: string;
  notes: string;
  remove: boolean;
}
export interface CostRow {
  id: string;
  option: string;
  amount: string;
  currency: string;
  amount_description: string;
  valid_to: string;
  remove: boolean;
}
export interface FundingRow {
  id: string;
  source: string;
  start_date: string;
  end_date: string;
  remove: boolean;
}
export interface PhoneRow {
  id: string;
  number: string;
  extension: string;
  type: string;
  description: string;
  remove: boolean;
}
export interface ContactRow {
  id: string;
  name: string;
  title: string;
  department: string;
  email: string;
  phone: string;
  remove: boolean;
}
export interface LanguageRow {
  id: string;
  name: string;
  code: string;
  note: string;
  remove: boolean;
}
export interface AreaRow {
  id: string;
  name: string;
  description: string;
  remove: boolean;
}

export interface EditorValues {
  name: string;
  alternate_name: string;
  description: string;
  organization_id: string;
  status: string;
  alert: string;
  url: string;
  email: string;
  places: PlaceRow[];
  schedules: ScheduleRow[];
  costs: CostRow[];
  fees: string;
  fees_description: string;
  funding: FundingRow[];
  referral_routes: string[];
  referral_instructions: string;
  first_visit: string;
  eligibility_description: string;
  not_for: string;
  minimum_age: string;
  maximum_age: string;
  capacity_status: string;
  waiting_weeks: string;
  delivery_modes: string[];
  support_to_attend: string[];
  transport_description: string;
  transport_eligibility: string;
  home_visits: string;
  group_size: string;
  /** Codes of the categories ticked. */
  categories: string[];
  phones: PhoneRow[];
  contacts: ContactRow[];
  languages: LanguageRow[];
  areas: AreaRow[];
  accreditations: string;
  assurer_email: string;
}

/** The repeating parts, by their form name. */
export const LIST_NAMES = ['places', 'schedules', 'costs', 'funding', 'phones', 'contacts', 'languages', 'areas'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const MONTH_WEEKS = ['1', '2', '3', '4', '-1'] as const;
/** Most rows a list may post: far more than any listing has, so a crafted form cannot make the server work hard. */
export const MAX_ROWS = 60;

const text = (value: unknown): string => (value == null ? '' : String(value));
const yesNo = (value: boolean | null | undefined): string => (value == null ? '' : value ? 'yes' : 'no');

/** A byday value as ticked days and weeks, or null when it is not one set of weeks times one set of days. */
export function choicesFromByday(byday: string | null | undefined): { days: string[]; weeks: string[] } | null {
  if (!byday) return { days: [], weeks: [] };
  const tokens = byday.toUpperCase().replace(/\s+/g, '').split(',');
  const pairs: [string, string][] = [];
  for (const token of tokens) {
    const match = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token);
    if (!match) return null;
    const week = match[1] ? String(Number(match[1])) : '';
    pairs.push([week, match[2]!]);
  }
  const weeks = [...new Set(pairs.map(([week]) => week))];
  const days = [...new Set(pairs.map(([, day]) => day))];
  if (weeks.length * days.length !== new Set(pairs.map((pair) => pair.join(''))).size) return null;
  if (weeks.includes('') && weeks.length > 1) return null;
  if (weeks.some((week) => week !== '' && !(MONTH_WEEKS as readonly string[]).includes(week))) return null;
  return {
    days: WEEKDAYS.filter((day) => days.includes(day)),
    weeks: weeks[0] === '' ? [] : MONTH_WEEKS.filter((week) => weeks.includes(week)),
  };
}

/** Ticked days and weeks back as a byday value: "MO,WE", or "1TU,3TU" for the first and third Tuesday. */
export function bydayFromChoices(days: string[], weeks: string[]): string {
  const chosenDays = WEEKDAYS.filter((day) => days.includes(day));
  const chosenWeeks = MONTH_WEEKS.filter((week) => weeks.includes(week));
  if (!chosenWeeks.length) return chosenDays.join(',');
  return chosenWeeks.flatMap((week) => chosenDays.map((day) => `${week}${day}`)).join(',');
}

function categoryCodes(attributes: ServiceRecord['attributes']): string[] {
  const { categoryByUuid } = getTaxonomy();
  return attributes.flatMap((attribute) => {
    const term = categoryByUuid.get(attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id ?? '');
    return term ? [term.id] : [];
  });
}

function accessCodes(attributes: ServiceRecord['attributes']): string[] {
  const { accessibilityByUuid } = getTaxonomy();
  return attributes.flatMap((attribute) => {
    const term = accessibilityByUuid.get(attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id ?? '');
    return term ? [term.id] : [];
  });
}

/** The form's values for a stored listing (its rows only: the editor adds empty ones to fill in). */
export function recordToValues(record: ServiceRecord): EditorValues {
  return {
    name: text(record.name),
    alternate_name: text(record.alternate_name),
    description: text(record.description),
    organization_id: record.organization.id,
    status: text(record.status),
    alert: text(record.alert),
    url: text(record.url),
    email: text(record.email),
    places: record.service_at_locations.map((sal) => {
      const { location } = sal;
      const address = location.addresses[0];
      const transport = location.transport;
      return {
        id: sal.id,
        name: text(location.name),
        location_type: location.location_type,
        address_1: text(address?.address_1),
        address_2: text(address?.address_2),
        city: text(address?.city),
        postal_code: text(address?.postal_code),
        latitude: text(location.latitude),
        longitude: text(location.longitude),
        url: text(location.url),
        transportation: text(location.transportation),
        access: accessCodes(location.attributes),
        stops: (transport?.stops ?? []).map((stop) => ({
          name: text(stop.name),
          mode: text(stop.mode),
          routes: (stop.routes ?? []).join(', '),
          distance_m: text(stop.distance_m),
          walk_minutes: text(stop.walk_minutes),
          step_free_route: yesNo(stop.step_free_route),
          remove: false,
        })),
        parking_available: yesNo(transport?.parking?.available),
        parking_blue_badge: yesNo(transport?.parking?.blue_badge),
        parking_free: yesNo(transport?.parking?.free),
        parking_notes: text(transport?.parking?.notes),
        cycle_parking: yesNo(transport?.cycle_parking),
        remove: false,
      };
    }),
    schedules: record.schedules.map((schedule) => {
      const choices = choicesFromByday(schedule.byday);
      return {
        id: schedule.id,
        freq: text(schedule.freq),
        interval: text(schedule.interval),
        days: choices?.days ?? [],
        weeks: choices?.weeks ?? [],
        byday_other: choices ? '' : text(schedule.byday),
        opens_at: text(schedule.opens_at),
        closes_at: text(schedule.closes_at),
        valid_from: text(schedule.valid_from),
        valid_to: text(schedule.valid_to),
        notes: text(schedule.notes),
        remove: false,
      };
    }),
    costs: record.cost_options.map((cost) => ({
      id: cost.id,
      option: text(cost.option),
      amount: text(cost.amount),
      currency: text(cost.currency),
      amount_description: text(cost.amount_description),
      valid_to: text(cost.valid_to),
      remove: false,
    })),
    fees: text(record.fees),
    fees_description: text(record.fees_description),
    funding: record.funding.map((funding) => ({
      id: funding.id,
      source: text(funding.source),
      start_date: text(funding.start_date),
      end_date: text(funding.end_date),
      remove: false,
    })),
    referral_routes: [...(record.referral_routes ?? [])],
    referral_instructions: text(record.referral_instructions),
    first_visit: text(record.first_visit),
    eligibility_description: text(record.eligibility_description),
    not_for: text(record.not_for),
    minimum_age: text(record.minimum_age),
    maximum_age: text(record.maximum_age),
    capacity_status: text(record.capacity_status),
    waiting_weeks: text(record.waiting_weeks),
    delivery_modes: [...(record.delivery_modes ?? [])],
    support_to_attend: [...(record.support_to_attend ?? [])],
    transport_description: text(record.transport_offered?.description),
    transport_eligibility: text(record.transport_offered?.eligibility),
    home_visits: yesNo(record.home_visits),
    group_size: text(record.group_size),
    categories: categoryCodes(record.attributes),
    phones: record.phones.map((phone) => ({
      id: phone.id,
      number: text(phone.number),
      extension: text(phone.extension),
      type: text(phone.type),
      description: text(phone.description),
      remove: false,
    })),
    contacts: record.contacts.map((contact) => ({
      id: contact.id,
      name: text(contact.name),
      title: text(contact.title),
      department: text(contact.department),
      email: text(contact.email),
      phone: text(contact.phones[0]?.number),
      remove: false,
    })),
    languages: record.languages.map((language) => ({
      id: language.id,
      name: text(language.name),
      code: text(language.code),
      note: text(language.note),
      remove: false,
    })),
    areas: record.service_areas.map((area) => ({ id: area.id, name: text(area.name), description: text(area.description), remove: false })),
    accreditations: text(record.accreditations),
    assurer_email: text(record.assurer_email),
  };
}

export const emptyStop = (): StopRow => ({ name: '', mode: '', routes: '', distance_m: '', walk_minutes: '', step_free_route: '', remove: false });
const EMPTY_ROWS: { [K in ListName]: () => EditorValues[K][number] } = {
  places: () => ({
    id: '',
    name: '',
    location_type: 'physical',
    address_1: '',
    address_2: '',
    city: '',
    postal_code: '',
    latitude: '',
    longitude: '',
    url: '',
    transportation: '',
    access: [],
    stops: [],
    parking_available: '',
    parking_blue_badge: '',
    parking_free: '',
    parking_notes: '',
    cycle_parking: '',
    remove: false,
  }),
  schedules: () => ({
    id: '',
    freq: 'WEEKLY',
    interval: '',
    days: [],
    weeks: [],
    byday_other: '',
    opens_at: '',
    closes_at: '',
    valid_from: '',
    valid_to: '',
    notes: '',
    remove: false,
  }),
  costs: () => ({ id: '', option: '', amount: '', currency: 'GBP', amount_description: '', valid_to: '', remove: false }),
  funding: () => ({ id: '', source: '', start_date: '', end_date: '', remove: false }),
  phones: () => ({ id: '', number: '', extension: '', type: '', description: '', remove: false }),
  contacts: () => ({ id: '', name: '', title: '', department: '', email: '', phone: '', remove: false }),
  languages: () => ({ id: '', name: '', code: '', note: '', remove: false }),
  areas: () => ({ id: '', name: '', description: '', remove: false }),
};

export function emptyRow<K extends ListName>(list: K): EditorValues[K][number] {
  return EMPTY_ROWS[list]();
}

/** Is a row blank (nothing typed, nothing ticked)? Defaults the form fills in (type of place, currency, how often) do not count. */
export function isBlankRow(list: ListName, row: object): boolean {
  const ignore = new Set([
    'id',
    'remove',
    ...(list === 'places' ? ['location_type'] : []),
    ...(list === 'costs' ? ['currency'] : []),
    ...(list === 'schedules' ? ['freq'] : []),
  ]);
  return Object.entries(row).every(([key, value]) => {
    if (ignore.has(key)) return true;
    if (key === 'stops') return (value as StopRow[]).every((stop) => isBlankStop(stop));
    if (Array.isArray(value)) return value.length === 0;
    return typeof value !== 'string' || value.trim() === '';
  });
}

export function isBlankStop(stop: StopRow): boolean {
  return [stop.name, stop.mode, stop.routes, stop.distance_m, stop.walk_minutes, stop.step_free_route].every((value) => value.trim() === '');
}

/** The values with empty rows added to each list (and an empty stop to each place), for showing the form. */
export function withBlankRows(values: EditorValues, blanks = 2): EditorValues {
  const out = { ...values } as EditorValues;
  for (const list of LIST_NAMES) {
    const rows = [...values[list]] as object[];
    const blankCount = rows.filter((row) => isBlankRow(list, row)).length;
    for (let i = blankCount; i < blanks; i += 1) rows.push(emptyRow(list));
    (out as unknown as Record<string, object[]>)[list] = rows;
  }
  out.places = out.places.map((place) => (place.stops.some(isBlankStop) ? place : { ...place, stops: [...place.stops, emptyStop()] }));
  return out;
}

type Posted = Pick<URLSearchParams, 'get' | 'getAll' | 'keys'> | Pick<FormData, 'get' | 'getAll' | 'keys'>;

/** The values a form posted. Missing fields read as empty; a list's rows are the row numbers posted, in order. */
export function valuesFromForm(form: Posted): EditorValues {
  const one = (name: string): string => {
    const value = form.get(name);
    return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
  };
  const many = (name: string): string[] => form.getAll(name).filter((value): value is string => typeof value === 'string');
  const names = [...new Set([...(form.keys() as Iterable<string>)])];
  const rowNumbers = (prefix: string): number[] => {
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,3})\\.`);
    const found = new Set<number>();
    for (const name of names) {
      const match = pattern.exec(name);
      if (match) found.add(Number(match[1]));
    }
    return [...found].sort((a, b) => a - b).slice(0, MAX_ROWS);
  };
  const row = <T>(
    list: string,
    fields: string[],
    arrays: string[],
    build: (prefix: string, base: Record<string, string>, lists: Record<string, string[]>) => T,
  ): T[] =>
    rowNumbers(list).map((n) => {
      const prefix = `${list}.${n}`;
      const base = Object.fromEntries(fields.map((field) => [field, one(`${prefix}.${field}`)]));
      const lists = Object.fromEntries(arrays.map((field) => [field, many(`${prefix}.${field}`)]));
      return build(prefix, base, lists);
    });
  const removed = (prefix: string) => one(`${prefix}.remove`) !== '';
  return {
    name: one('name'),
    alternate_name: one('alternate_name'),
    description: one('description'),
    organization_id: one('organization_id'),
    status: one('status'),
    alert: one('alert'),
    url: one('url'),
    email: one('email'),
    places: row(
      'places',
      [
        'id',
        'name',
        'location_type',
        'address_1',
        'address_2',
        'city',
        'postal_code',
        'latitude',
        'longitude',
        'url',
        'transportation',
        'parking_available',
        'parking_blue_badge',
        'parking_free',
        'parking_notes',
        'cycle_parking',
      ],
      ['access'],
      (prefix, base, lists) => ({
        ...(base as unknown as Omit<PlaceRow, 'access' | 'stops' | 'remove'>),
        access: lists.access!,
        stops: rowNumbers(`${prefix}.stops`).map((m) => {
          const stop = `${prefix}.stops.${m}`;
          return {
            name: one(`${stop}.name`),
            mode: one(`${stop}.mode`),
            routes: one(`${stop}.routes`),
            distance_m: one(`${stop}.distance_m`),
            walk_minutes: one(`${stop}.walk_minutes`),
            step_free_route: one(`${stop}.step_free_route`),
            remove: removed(stop),
          };
        }),
        remove: removed(prefix),
      }),
    ),
    schedules: row(
      'schedules',
      ['id', 'freq', 'interval', 'byday_other', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'notes'],
      ['days', 'weeks'],
      (prefix, base, lists) => ({
        ...(base as unknown as Omit<ScheduleRow, 'days' | 'weeks' | 'remove'>),
        days: lists.days!,
        weeks: lists.weeks!,
        remove: removed(prefix),
      }),
    ),
    costs: row('costs', ['id', 'option', 'amount', 'currency', 'amount_description', 'valid_to'], [], (prefix, base) => ({
      ...(base as unknown as Omit<CostRow, 'remove'>),
      remove: removed(prefix),
    })),
    fees: one('fees'),
    fees_description: one('fees_description'),
    funding: row('funding', ['id', 'source', 'start_date', 'end_date'], [], (prefix, base) => ({
      ...(base as unknown as Omit<FundingRow, 'remove'>),
      remove: removed(prefix),
    })),
    referral_routes: many('referral_routes'),
    referral_instructions: one('referral_instructions'),
    first_visit: one('first_visit'),
    eligibility_description: one('eligibility_description'),
    not_for: one('not_for'),
    minimum_age: one('minimum_age'),
    maximum_age: one('maximum_age'),
    capacity_status: one('capacity_status'),
    waiting_weeks: one('waiting_weeks'),
    delivery_modes: many('delivery_modes'),
    support_to_attend: many('support_to_attend'),
    transport_description: one('transport_description'),
    transport_eligibility: one('transport_eligibility'),
    home_visits: one('home_visits'),
    group_size: one('group_size'),
    categories: many('categories'),
    phones: row('phones', ['id', 'number', 'extension', 'type', 'description'], [], (prefix, base) => ({
      ...(base as unknown as Omit<PhoneRow, 'remove'>),
      remove: removed(prefix),
    })),
    contacts: row('contacts', ['id', 'name', 'title', 'department', 'email', 'phone'], [], (prefix, base) => ({
      ...(base as unknown as Omit<ContactRow, 'remove'>),
      remove: removed(prefix),
    })),
    languages: row('languages', ['id', 'name', 'code', 'note'], [], (prefix, base) => ({
      ...(base as unknown as Omit<LanguageRow, 'remove'>),
      remove: removed(prefix),
    })),
    areas: row('areas', ['id', 'name', 'description'], [], (prefix, base) => ({ ...(base as unknown as Omit<AreaRow, 'remove'>), remove: removed(prefix) })),
    accreditations: one('accreditations'),
    assurer_email: one('assurer_email'),
  };
}

/** The values as the fields a browser would post (for tests, and to carry values through a page). */
export function valuesToFields(values: EditorValues): [string, string][] {
  const fields: [string, string][] = [];
  const put = (name: string, value: string | string[] | boolean) => {
    if (Array.isArray(value)) for (const item of value) fields.push([name, item]);
    else if (typeof value === 'boolean') {
      if (value) fields.push([name, 'yes']);
    } else fields.push([name, value]);
  };
  for (const [key, value] of Object.entries(values)) {
    if ((LIST_NAMES as readonly string[]).includes(key)) {
      (value as Record<string, unknown>[]).forEach((row, n) => {
        for (const [field, item] of Object.entries(row)) {
          if (field === 'stops') {
            (item as StopRow[]).forEach((stop, m) => {
              for (const [stopField, stopValue] of Object.entries(stop)) put(`${key}.${n}.stops.${m}.${stopField}`, stopValue as string | boolean);
            });
          } else put(`${key}.${n}.${field}`, item as string | string[] | boolean);
        }
      });
    } else put(key, value as string | string[]);
  }
  return fields;
}
