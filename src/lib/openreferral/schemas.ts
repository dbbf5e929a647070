// Zod schemas for Open Referral UK (HSDS 3.0 UK profile) service records as we accept them
// on import, with this project's documented extensions (see docs/data-model.md).
import { z } from 'zod';

/** Ids should be UUIDs in the standard; real feeds sometimes use other strings, so we accept any. */
const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = z.string().max(20_000, 'must be at most 20,000 characters');
const optionalText = text.nullish();

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO date. A full date-time is accepted and cut to its date, as feeds often send one. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'must be a date written as YYYY-MM-DD')
  .transform((value) => value.slice(0, 10))
  .refine(isRealDate, 'must be a real calendar date');

/** A time of day, "HH:MM" or "HH:MM:SS", optionally with a zone; stored as "HH:MM". */
export const timeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, 'must be a time written as HH:MM')
  .transform((value) => value.slice(0, 5));

const dateTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time in ISO 8601 form');

const email = z.string().trim().email('must be an email address');
const url = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be a web address starting with http:// or https://');

const nonNegative = z.number({ invalid_type_error: 'must be a number' }).finite().nonnegative('must not be negative');
const age = z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(0).max(130);

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const REFERRAL_ROUTES = ['self', 'drop_in', 'professional', 'gp'] as const;
export const CAPACITY_STATUSES = ['accepting', 'waiting_list', 'full', 'paused'] as const;
export const DELIVERY_MODES = ['in_person', 'phone', 'online'] as const;
export const SUPPORT_TO_ATTEND = ['bring_someone', 'met_on_first_visit', 'help_with_forms'] as const;
export const GROUP_SIZES = ['one_to_one', 'small_group', 'large_group'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

export const taxonomyTermSchema = z.object({
  id,
  code: optionalText,
  name: text.min(1, 'must not be empty'),
  description: optionalText,
  parent_id: id.nullish(),
  taxonomy: optionalText,
  taxonomy_id: id.nullish(),
  term_uri: optionalText,
  language: optionalText,
});

export const attributeSchema = z.object({
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

export const phoneSchema = z.object({
  id,
  number: text.min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  extension: z.union([z.number(), z.string()]).nullish().transform((value) => (value == null ? null : String(value))),
  type: optionalText,
  description: optionalText,
});

export const languageSchema = z.object({
  id,
  name: optionalText,
  code: optionalText,
  note: optionalText,
  phone_id: id.nullish(),
});

export const addressSchema = z.object({
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
});

export const accessibilitySchema = z.object({
  id,
  description: optionalText,
  details: optionalText,
  url: url.nullish(),
});

export const locationSchema = z.object({
  id,
  location_type: z.enum(LOCATION_TYPES, {
    errorMap: () => ({ message: `must be one of ${LOCATION_TYPES.join(', ')}` }),
  }),
  url: url.nullish(),
  name: optionalText,
  alternate_name: optionalText,
  description: optionalText,
  transportation: optionalText,
  // Out-of-range coordinates (the official example has latitude 100) are kept as given but
  // reported as warnings on import and never used on maps or for distance.
  latitude: z.number({ invalid_type_error: 'must be a number' }).finite().nullish(),
  longitude: z.number({ invalid_type_error: 'must be a number' }).finite().nullish(),
  external_identifier: optionalText,
  external_identifier_type: optionalText,
  addresses: z.array(addressSchema).default([]),
  phones: z.array(phoneSchema).default([]),
  accessibility: z.array(accessibilitySchema).default([]),
  languages: z.array(languageSchema).default([]),
  attributes: z.array(attributeSchema).default([]),
});

export const serviceAtLocationSchema = z.object({
  id,
  description: optionalText,
  location: locationSchema,
});

export const BYDAY = /^(\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*)(,\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*)*$/i;

export const scheduleSchema = z.object({
  id,
  valid_from: isoDate.nullish(),
  valid_to: isoDate.nullish(),
  dtstart: isoDate.nullish(),
  until: isoDate.nullish(),
  timezone: z.number().nullish(),
  freq: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['WEEKLY', 'MONTHLY'], { errorMap: () => ({ message: 'must be WEEKLY or MONTHLY' }) }))
    .nullish(),
  interval: z.number().int().min(1).max(52).nullish(),
  byday: z.string().trim().regex(BYDAY, 'must be days such as "MO,WE" or "2TU" (second Tuesday)').transform((v) => v.toUpperCase().replace(/\s+/g, '')).nullish(),
  bymonthday: z.string().trim().regex(/^-?\d{1,2}(,-?\d{1,2})*$/, 'must be days of the month such as "1,15"').nullish(),
  opens_at: timeOfDay.nullish(),
  closes_at: timeOfDay.nullish(),
  schedule_link: url.nullish(),
  attending_type: optionalText,
  notes: optionalText,
  description: optionalText,
});

export const costOptionSchema = z.object({
  id,
  valid_from: isoDate.nullish(),
  valid_to: isoDate.nullish(),
  option: optionalText,
  currency: z.string().trim().length(3, 'must be a three-letter currency code such as GBP').nullish(),
  amount: nonNegative.nullish(),
  amount_description: optionalText,
});

export const fundingSchema = z.object({
  id,
  source: optionalText,
  start_date: isoDate.nullish(),
  end_date: isoDate.nullish(),
});

export const contactSchema = z.object({
  id,
  name: optionalText,
  title: optionalText,
  department: optionalText,
  email: email.nullish(),
  phones: z.array(phoneSchema).default([]),
});

export const serviceAreaSchema = z.object({
  id,
  name: optionalText,
  description: optionalText,
  extent: optionalText,
  extent_type: optionalText,
  uri: optionalText,
});

export const organizationIdentifierSchema = z.object({
  id,
  identifier_scheme: optionalText,
  identifier_type: text.min(1),
  identifier: text.min(1),
});

export const organizationSchema = z.object({
  id,
  name: text.min(1, 'must not be empty'),
  alternate_name: optionalText,
  description: optionalText,
  email: email.nullish(),
  website: url.nullish(),
  logo: optionalText,
  uri: optionalText,
  parent_organization_id: id.nullish(),
  organization_identifiers: z.array(organizationIdentifierSchema).default([]),
});

function enumList<T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) }))
    .transform((list) => [...new Set(list)]);
}

export const serviceSchema = z
  .object({
    id,
    name: text.min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    alternate_name: optionalText,
    description: optionalText,
    url: url.nullish(),
    email: email.nullish(),
    status: z.enum(SERVICE_STATUSES, {
      errorMap: () => ({ message: `must be one of ${SERVICE_STATUSES.map((s) => `"${s}"`).join(', ')}` }),
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
    service_at_locations: z.array(serviceAtLocationSchema).default([]),
    schedules: z.array(scheduleSchema).default([]),
    cost_options: z.array(costOptionSchema).default([]),
    funding: z.array(fundingSchema).default([]),
    phones: z.array(phoneSchema).default([]),
    contacts: z.array(contactSchema).default([]),
    languages: z.array(languageSchema).default([]),
    service_areas: z.array(serviceAreaSchema).default([]),
    attributes: z.array(attributeSchema).default([]),
    // Extensions (docs/data-model.md).
    referral_routes: enumList(REFERRAL_ROUTES).nullish(),
    referral_instructions: optionalText,
    capacity_status: z.enum(CAPACITY_STATUSES, {
      errorMap: () => ({ message: `must be one of ${CAPACITY_STATUSES.join(', ')}` }),
    }).nullish(),
    waiting_weeks: z.number().int('must be a whole number of weeks').min(0).max(520).nullish(),
    capacity_updated: isoDate.nullish(),
    delivery_modes: enumList(DELIVERY_MODES).nullish(),
    support_to_attend: enumList(SUPPORT_TO_ATTEND).nullish(),
    first_visit: optionalText,
    group_size: z.enum(GROUP_SIZES, {
      errorMap: () => ({ message: `must be one of ${GROUP_SIZES.join(', ')}` }),
    }).nullish(),
  })
  .superRefine((service, ctx) => {
    if (service.minimum_age != null && service.maximum_age != null && service.minimum_age > service.maximum_age) {
      ctx.addIssue({ code: 'custom', path: ['maximum_age'], message: 'must not be lower than minimum_age' });
    }
    service.funding.forEach((funding, index) => {
      if (funding.start_date && funding.end_date && funding.start_date > funding.end_date) {
        ctx.addIssue({ code: 'custom', path: ['funding', index, 'end_date'], message: 'must not be before start_date' });
      }
    });
  });

export type ServiceRecord = z.output<typeof serviceSchema>;
export type ServiceRecordInput = z.input<typeof serviceSchema>;
export type OrganizationRecord = z.output<typeof organizationSchema>;
export type LocationRecord = z.output<typeof locationSchema>;
export type ScheduleRecord = z.output<typeof scheduleSchema>;
export type CostOptionRecord = z.output<typeof costOptionSchema>;
export type FundingRecord = z.output<typeof fundingSchema>;
export type TaxonomyTermRecord = z.output<typeof taxonomyTermSchema>;
export type AttributeRecord = z.output<typeof attributeSchema>;
