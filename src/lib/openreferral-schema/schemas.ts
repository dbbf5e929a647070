// Zod schemas for Open Referral UK (HSDS 3.0 UK profile) service records as we accept them
// on import, with this project's documented extensions (see docs/data-model.md). zod 4's engine
// (zod/v4, inside zod 3.25) checks records about twice as fast as zod 3, which large feeds need.
import { z } from 'zod/v4';
import { CAPACITY_STATUS, DELIVERY_MODE, REFERRAL_ROUTE } from '../vocabulary';

/** Messages for a value of the wrong type, or a missing one, in words a person can act on. */
function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`);
}

/** A list that may be left out (meaning none). */
function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: typeError('a list') }).default([]);
}

/** An object of this directory's own extensions, with a plain message when it is missing or not an object. */
function record<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.object(shape, { error: typeError('an object with fields') });
}

/**
 * An object of the standard (service, location, phone ...). Properties it does not name pass
 * through untouched: they are kept and served back as they came (kept-properties.ts).
 */
function hsdsObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.looseObject(shape, { error: typeError('an object with fields') });
}

/** Ids should be UUIDs in the standard; real feeds sometimes use other strings, so we accept any. */
const id = z
  .string({ error: typeError('text') })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const text = z.string({ error: typeError('text') }).max(20_000, 'must be at most 20,000 characters');
const optionalText = text.nullish();

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO date. A full date-time is accepted and cut to its date, as feeds often send one. */
export const isoDate = z
  .string({ error: typeError('a date written as YYYY-MM-DD') })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'must be a date written as YYYY-MM-DD')
  .transform((value) => value.slice(0, 10))
  .refine(isRealDate, 'must be a real calendar date');

/**
 * A time of day, "HH:MM" or "HH:MM:SS", optionally with a zone, kept as sent (a feed comparing
 * records would otherwise see every schedule changed). Looser forms ("9:00") are read before
 * this (lenient-values.ts).
 */
export const timeOfDay = z
  .string({ error: typeError('a time written as HH:MM') })
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?|24:00(:00)?)$/i, 'must be a time written as HH:MM');

const dateTime = z
  .string({ error: typeError('a date and time in ISO 8601 form') })
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time in ISO 8601 form');

const email = z
  .string({ error: typeError('an email address') })
  .trim()
  .pipe(z.email({ error: 'must be an email address' }));
const url = z
  .string({ error: typeError('a web address') })
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be a web address starting with http:// or https://');

const nonNegative = z.number({ error: typeError('a number') }).nonnegative('must not be negative');
const age = z
  .number({ error: typeError('a number') })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(130, 'must be at most 130');

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
// These three, with their labels, live in src/lib/vocabulary.ts.
export const REFERRAL_ROUTES = REFERRAL_ROUTE.values;
export const CAPACITY_STATUSES = CAPACITY_STATUS.values;
export const DELIVERY_MODES = DELIVERY_MODE.values;
export const SUPPORT_TO_ATTEND = ['bring_someone', 'met_on_first_visit', 'help_with_forms'] as const;
export const GROUP_SIZES = ['one_to_one', 'small_group', 'large_group'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export const STOP_MODES = ['bus', 'metro', 'train', 'tram', 'ferry'] as const;

export const taxonomyTermSchema = hsdsObject({
  id,
  code: optionalText,
  name: text.min(1, 'must not be empty'),
  description: optionalText,
  parent_id: id.nullish(),
  taxonomy: optionalText,
  taxonomy_id: id.nullish(),
  term_uri: optionalText,
  term: optionalText,
  language: optionalText,
});

export const attributeSchema = hsdsObject({
  id,
  link_id: id.nullish(),
  link_type: optionalText,
  link_entity: optionalText,
  taxonomy_term_id: id.nullish(),
  value: optionalText,
  label: optionalText,
  taxonomy_term: taxonomyTermSchema.nullish(),
}).refine((attribute) => attribute.taxonomy_term || attribute.taxonomy_term_id, {
  message: 'needs a taxonomy_term or a taxonomy_term_id',
});

export const phoneSchema = hsdsObject({
  id,
  number: text.min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  // A number in the standard; digits sent as text are read as that number. Stored as text.
  extension: z
    .union(
      [
        z.number().int('must be a whole number').nonnegative('must not be negative'),
        z
          .string()
          .trim()
          .regex(/^\d{1,10}$/, 'must be a number: the digits of the extension only'),
      ],
      { error: 'must be a number: the digits of the extension only' },
    )
    .nullish()
    .transform((value) => (value == null || value === '' ? null : String(value))),
  type: optionalText,
  description: optionalText,
});

export const languageSchema = hsdsObject({
  id,
  name: optionalText,
  code: optionalText,
  note: optionalText,
  phone_id: id.nullish(),
});

export const addressSchema = hsdsObject({
  id,
  attention: optionalText,
  address_1: text.min(1, 'must not be empty'),
  address_2: optionalText,
  city: optionalText,
  region: optionalText,
  state_province: optionalText,
  postal_code: optionalText,
  country: optionalText,
  address_type: optionalText,
  attributes: list(attributeSchema),
});

export const accessibilitySchema = hsdsObject({
  id,
  description: optionalText,
  details: optionalText,
  url: url.nullish(),
  accessibility: optionalText,
  attributes: list(attributeSchema),
});

const yesOrNo = z.boolean({ error: typeError('true or false') });

/** Leaves out properties given as null, so a stored extension reads back as it was given (and export omits them). */
function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };
}

/** Extension: a stop or station near a place. */
export const stopSchema = record({
  name: z
    .string({ error: typeError('text') })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  mode: z.enum(STOP_MODES, { error: () => `must be one of ${STOP_MODES.join(', ')}` }),
  // Route numbers or line names that stop there ("62", "Q3", "Yellow"); may be left out.
  routes: list(
    z
      .string({ error: typeError('text') })
      .trim()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters'),
  ),
  distance_m: z
    .number({ error: typeError('a number of metres') })
    .nonnegative('must not be negative')
    .nullish(),
  walk_minutes: z
    .number({ error: typeError('a number of minutes') })
    .int('must be a whole number of minutes')
    .nonnegative('must not be negative')
    .nullish(),
  step_free_route: yesOrNo.nullish(),
}).transform(withoutNulls);

/** Extension: parking at or near a place. */
export const parkingSchema = record({
  available: yesOrNo,
  blue_badge: yesOrNo.nullish(),
  free: yesOrNo.nullish(),
  notes: optionalText,
}).transform(withoutNulls);

/** Extension on a location: how to get there (docs/data-model.md). `transportation` stays the standard's free text. */
export const transportSchema = record({
  stops: list(stopSchema),
  parking: parkingSchema.nullish(),
  cycle_parking: yesOrNo.nullish(),
}).transform(withoutNulls);

/** Extension on a service: community transport or lifts the service itself offers. */
export const transportOfferedSchema = record({
  description: text.trim().min(1, 'must not be empty'),
  eligibility: optionalText,
}).transform(withoutNulls);

export const locationSchema = hsdsObject({
  id,
  location_type: z.enum(LOCATION_TYPES, {
    error: () => `must be one of ${LOCATION_TYPES.join(', ')}`,
  }),
  url: url.nullish(),
  name: optionalText,
  alternate_name: optionalText,
  description: optionalText,
  transportation: optionalText,
  // Out-of-range coordinates (the official example has latitude 100) are kept as given but
  // reported as warnings on import and never used on maps or for distance.
  latitude: z.number({ error: typeError('a number') }).nullish(),
  longitude: z.number({ error: typeError('a number') }).nullish(),
  external_identifier: optionalText,
  external_identifier_type: optionalText,
  addresses: list(addressSchema),
  phones: list(phoneSchema),
  accessibility: list(accessibilitySchema),
  languages: list(languageSchema),
  attributes: list(attributeSchema),
  // Extension (docs/data-model.md).
  transport: transportSchema.nullish(),
});

export const BYDAY = /^(\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*)(,\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*)*$/i;

export const scheduleSchema = hsdsObject({
  id,
  valid_from: isoDate.nullish(),
  valid_to: isoDate.nullish(),
  dtstart: isoDate.nullish(),
  until: isoDate.nullish(),
  timezone: z.number({ error: typeError('a number') }).nullish(),
  freq: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['WEEKLY', 'MONTHLY'], { error: 'must be WEEKLY or MONTHLY' }))
    .nullish(),
  interval: z
    .number({ error: typeError('a number') })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(52, 'must be at most 52')
    .nullish(),
  byday: z
    .string()
    .trim()
    .regex(BYDAY, 'must be days such as "MO,WE" or "2TU" (second Tuesday)')
    .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
    .nullish(),
  bymonthday: z
    .string()
    .trim()
    .regex(/^-?\d{1,2}(,-?\d{1,2})*$/, 'must be days of the month such as "1,15"')
    .nullish(),
  opens_at: timeOfDay.nullish(),
  closes_at: timeOfDay.nullish(),
  schedule_link: url.nullish(),
  attending_type: optionalText,
  notes: optionalText,
  description: optionalText,
});

export const costOptionSchema = hsdsObject({
  id,
  valid_from: isoDate.nullish(),
  valid_to: isoDate.nullish(),
  option: optionalText,
  currency: z.string().trim().length(3, 'must be a three-letter currency code such as GBP').nullish(),
  amount: nonNegative.nullish(),
  amount_description: optionalText,
});

export const fundingSchema = hsdsObject({
  id,
  source: optionalText,
  start_date: isoDate.nullish(),
  end_date: isoDate.nullish(),
});

export const contactSchema = hsdsObject({
  id,
  name: optionalText,
  title: optionalText,
  department: optionalText,
  email: email.nullish(),
  phones: list(phoneSchema),
  attributes: list(attributeSchema),
});

/** A service at one place; its schedules, phones and contacts are for that place only. */
export const serviceAtLocationSchema = hsdsObject({
  id,
  description: optionalText,
  location: locationSchema,
  schedules: list(scheduleSchema),
  phones: list(phoneSchema),
  contacts: list(contactSchema),
});

export const serviceAreaSchema = hsdsObject({
  id,
  name: optionalText,
  description: optionalText,
  extent: optionalText,
  extent_type: optionalText,
  uri: optionalText,
  service_area: optionalText,
});

export const organizationIdentifierSchema = hsdsObject({
  id,
  identifier_scheme: optionalText,
  identifier_type: text.min(1),
  identifier: text.min(1),
  attributes: list(attributeSchema),
});

export const organizationSchema = hsdsObject({
  id,
  name: text.min(1, 'must not be empty'),
  alternate_name: optionalText,
  description: optionalText,
  email: email.nullish(),
  website: url.nullish(),
  logo: optionalText,
  uri: optionalText,
  parent_organization_id: id.nullish(),
  organization_identifiers: list(organizationIdentifierSchema),
  attributes: list(attributeSchema),
});

function enumList<T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values, { error: () => `must be one of ${values.join(', ')}` })).transform((list) => [...new Set(list)]);
}

export const serviceSchema = hsdsObject({
  id,
  name: text.min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  alternate_name: optionalText,
  description: optionalText,
  url: url.nullish(),
  email: email.nullish(),
  status: z.enum(SERVICE_STATUSES, {
    error: () => `must be one of ${SERVICE_STATUSES.map((s) => `"${s}"`).join(', ')}`,
  }),
  fees: optionalText,
  fees_description: optionalText,
  accreditations: optionalText,
  eligibility_description: optionalText,
  minimum_age: age.nullish(),
  maximum_age: age.nullish(),
  assured_date: isoDate.nullish(),
  assurer_email: email.nullish(),
  alert: optionalText,
  last_modified: dateTime.nullish(),
  organization: organizationSchema,
  service_at_locations: list(serviceAtLocationSchema),
  schedules: list(scheduleSchema),
  cost_options: list(costOptionSchema),
  funding: list(fundingSchema),
  phones: list(phoneSchema),
  contacts: list(contactSchema),
  languages: list(languageSchema),
  service_areas: list(serviceAreaSchema),
  attributes: list(attributeSchema),
  // Extensions (docs/data-model.md).
  referral_routes: enumList(REFERRAL_ROUTES).nullish(),
  referral_instructions: optionalText,
  capacity_status: z
    .enum(CAPACITY_STATUSES, {
      error: () => `must be one of ${CAPACITY_STATUSES.join(', ')}`,
    })
    .nullish(),
  waiting_weeks: z
    .number({ error: typeError('a number of weeks') })
    .int('must be a whole number of weeks')
    .min(0, 'must not be negative')
    .max(520, 'must be at most 520')
    .nullish(),
  capacity_updated: isoDate.nullish(),
  delivery_modes: enumList(DELIVERY_MODES).nullish(),
  support_to_attend: enumList(SUPPORT_TO_ATTEND).nullish(),
  first_visit: optionalText,
  not_for: optionalText,
  transport_offered: transportOfferedSchema.nullish(),
  home_visits: yesOrNo.nullish(),
  group_size: z
    .enum(GROUP_SIZES, {
      error: () => `must be one of ${GROUP_SIZES.join(', ')}`,
    })
    .nullish(),
}).check((ctx) => {
  const service = ctx.value;
  if (service.minimum_age != null && service.maximum_age != null && service.minimum_age > service.maximum_age) {
    ctx.issues.push({ code: 'custom', input: service.maximum_age, path: ['maximum_age'], message: 'must not be lower than minimum_age' });
  }
  service.funding.forEach((funding, index) => {
    if (funding.start_date && funding.end_date && funding.start_date > funding.end_date) {
      ctx.issues.push({ code: 'custom', input: funding.end_date, path: ['funding', index, 'end_date'], message: 'must not be before start_date' });
    }
  });
});

export type ServiceRecord = z.output<typeof serviceSchema>;
export type ServiceRecordInput = z.input<typeof serviceSchema>;
export type OrganizationRecord = z.output<typeof organizationSchema>;
export type LocationRecord = z.output<typeof locationSchema>;
export type ServiceAtLocationRecord = z.output<typeof serviceAtLocationSchema>;
export type ScheduleRecord = z.output<typeof scheduleSchema>;
export type CostOptionRecord = z.output<typeof costOptionSchema>;
export type FundingRecord = z.output<typeof fundingSchema>;
export type TaxonomyTermRecord = z.output<typeof taxonomyTermSchema>;
export type AttributeRecord = z.output<typeof attributeSchema>;
export type TransportRecord = z.output<typeof transportSchema>;
export type StopRecord = z.output<typeof stopSchema>;
export type TransportOfferedRecord = z.output<typeof transportOfferedSchema>;
