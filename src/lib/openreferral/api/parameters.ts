// The Open Referral UK API's query parameters (as the UK profile's openapi.json names them), read
// with zod into plain values; a bad value is an error naming the parameter, never a guess.
import { z } from 'zod';
import { DAYS, type Day } from '../../search/filters';
import type { ApiParameterError } from './responses';

/** per_page above this is cut to it (a full download is format=ndjson, not one huge page). */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** The furthest `proximity` (metres) can reach: the same 200 km as the site's radius. */
export const MAX_PROXIMITY_METRES = 200_000;
export const FORMATS = ['json', 'ndjson'] as const;

export interface PageParameters {
  page: number;
  perPage: number;
}

/** The filters of /services and /service_at_locations. */
export interface ServiceParameters extends PageParameters {
  search: string;
  taxonomyTermId: string | null;
  taxonomyId: string | null;
  /** Services whose own minimum age is at least this. */
  minimumAge: number | null;
  /** Services whose own maximum age is at most this. */
  maximumAge: number | null;
  days: Day[];
  /** Minutes after midnight: a session must open at or after this. */
  startTime: number | null;
  /** Minutes after midnight: a session must close at or before this. */
  endTime: number | null;
  postcode: string;
  proximityMetres: number | null;
  /** Milliseconds since 1970: only services last modified at or after this. */
  modifiedAfter: number | null;
  format: (typeof FORMATS)[number];
}

export interface TaxonomyTermParameters extends PageParameters {
  topOnly: boolean;
  parentId: string | null;
  taxonomyId: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ApiParameterError[] };

const DAY_NAMES: Record<string, Day> = {};
const ICAL = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const LONG = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
DAYS.forEach((day, i) => {
  DAY_NAMES[day] = day;
  DAY_NAMES[ICAL[i]!] = day;
  DAY_NAMES[LONG[i]!] = day;
});

const text = (max: number) => z.string().transform((value) => value.trim().slice(0, max));

/** No page or count is anywhere near this; larger numbers would overflow the database's integers. */
const LARGEST = 1_000_000;

const wholeNumber = (what: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/, `must be a whole number (${what})`)
    .transform(Number)
    .refine((value) => value >= min, `must be ${min} or more (${what})`)
    .refine((value) => value <= LARGEST, `must be at most ${LARGEST.toLocaleString('en-GB')} (${what})`);

const age = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be an age in years, such as 18')
  .transform(Number)
  .refine((value) => value <= 130, 'must be an age in years from 0 to 130');

const clock = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time of day as HH:MM, such as 09:30 or 17:00')
  .transform((value) => {
    const [hours, minutes] = value.split(':').map(Number) as [number, number];
    return hours * 60 + minutes;
  });

const days = z.string().transform((value, ctx) => {
  const out: Day[] = [];
  for (const part of value
    .split(',')
    .map((each) => each.trim().toLowerCase())
    .filter(Boolean)) {
    const day = DAY_NAMES[part];
    if (!day) {
      ctx.addIssue({ code: 'custom', message: `"${part.slice(0, 20)}" is not a day. Use MO, TU, WE, TH, FR, SA or SU (or the day's name).` });
      return z.NEVER;
    }
    if (!out.includes(day)) out.push(day);
  }
  return out;
});

const dateTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'must be a date or date and time, such as 2026-11-01 or 2026-11-01T09:00:00Z',
  )
  .transform((value, ctx) => {
    // A date alone means the start of that day (UTC); a time with no zone is read as UTC.
    const iso = value.length === 10 ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
    const time = Date.parse(iso.replace(' ', 'T'));
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
      return z.NEVER;
    }
    return time;
  });

const proximity = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a distance in metres, such as 1500')
  .transform(Number)
  .refine((value) => value > 0 && value <= MAX_PROXIMITY_METRES, `must be a distance in metres from 1 to ${MAX_PROXIMITY_METRES}`);

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no', ''].includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const format = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value): value is (typeof FORMATS)[number] => (FORMATS as readonly string[]).includes(value), 'must be json or ndjson');

/** Reads one parameter (its last value) with a schema, noting an error under its name. */
class Reader {
  readonly errors: ApiParameterError[] = [];
  constructor(private readonly params: URLSearchParams) {}

  read<T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, string>): T | null {
    const values = this.params.getAll(name).filter((value) => value.trim() !== '');
    const value = values.at(-1);
    if (value === undefined) return null;
    const result = schema.safeParse(value.slice(0, 1000));
    if (result.success) return result.data;
    this.errors.push({ parameter: name, message: `"${value.slice(0, 40)}" ${result.error.issues[0]!.message}.` });
    return null;
  }
}

function pageParameters(reader: Reader): PageParameters {
  const page = reader.read('page', wholeNumber('pages count from 1', 1));
  const perPage = reader.read('per_page', wholeNumber('results on a page', 1));
  return { page: page ?? 1, perPage: Math.min(perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE) };
}

export function parsePageParameters(params: URLSearchParams): Parsed<PageParameters> {
  const reader = new Reader(params);
  const value = pageParameters(reader);
  return reader.errors.length ? { ok: false, errors: reader.errors } : { ok: true, value };
}

export function parseServiceParameters(params: URLSearchParams): Parsed<ServiceParameters> {
  const reader = new Reader(params);
  const value: ServiceParameters = {
    ...pageParameters(reader),
    search: reader.read('search', text(500)) ?? '',
    taxonomyTermId: reader.read('taxonomy_term_id', text(100)),
    taxonomyId: reader.read('taxonomy_id', text(100)),
    minimumAge: reader.read('minimum_age', age),
    maximumAge: reader.read('maximum_age', age),
    days: reader.read('day', days) ?? [],
    startTime: reader.read('start_time', clock),
    endTime: reader.read('end_time', clock),
    postcode: reader.read('postcode', text(100)) ?? '',
    proximityMetres: reader.read('proximity', proximity),
    modifiedAfter: reader.read('modified_after', dateTime),
    format: reader.read('format', format) ?? 'json',
  };
  if (value.proximityMetres !== null && !value.postcode && !reader.errors.some((error) => error.parameter === 'postcode')) {
    reader.errors.push({ parameter: 'proximity', message: 'needs a postcode to measure from: add postcode=' });
  }
  return reader.errors.length ? { ok: false, errors: reader.errors } : { ok: true, value };
}

export function parseTaxonomyTermParameters(params: URLSearchParams): Parsed<TaxonomyTermParameters> {
  const reader = new Reader(params);
  const value: TaxonomyTermParameters = {
    ...pageParameters(reader),
    topOnly: reader.read('top_only', booleanFlag) ?? false,
    parentId: reader.read('parent_id', text(100)),
    taxonomyId: reader.read('taxonomy_id', text(100)),
  };
  return reader.errors.length ? { ok: false, errors: reader.errors } : { ok: true, value };
}
