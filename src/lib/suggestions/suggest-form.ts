// The public "Suggest a change" and "Tell us about a group we do not list" forms: their fields,
// their rules and plain messages (zod), and turning what was sent into suggested fields: for a
// change, only the fields the person actually changed, each with its value before.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ActiveSession } from '../accounts/sessions';
import type { DatabaseSchema } from '../db/types';
import { appConfig, type Config } from '../config';
import { checkRateLimit, rateLimitKey, type RateLimitResult } from '../http/rate-limit';
import type { FieldDifference } from '../editing/publish';
import { newId } from '../ids';
import { describeSchedule, isCurrent } from '../directory/schedule-text';
import type { LocationRecord, ServiceRecord } from '../openreferral-schema/schemas';
import type { SuggestedField, SuggestionSource } from './store';

export const CHANGE_FIELDS = [
  'name',
  'description',
  'url',
  'email',
  'phone',
  'times',
  'fees_description',
  'referral_instructions',
  'eligibility_description',
  'address',
  'message',
  'contact_email',
] as const;
export type ChangeFormField = (typeof CHANGE_FIELDS)[number];

export const NEW_FIELDS = [
  'name',
  'organisation',
  'description',
  'address',
  'times',
  'fees_description',
  'referral_instructions',
  'phone',
  'email',
  'url',
  'contact_email',
  'message',
] as const;
export type NewFormField = (typeof NEW_FIELDS)[number];

export type FormValues<F extends string> = Record<F, string>;
export type FormErrors<F extends string> = Partial<Record<F, string>>;

export const TEXT_MAX_LENGTH = 5000;
export const LINE_MAX_LENGTH = 300;
export const MESSAGE_MAX_LENGTH = 1000;
export const EMAIL_MAX_LENGTH = 200;

/** Suggestions allowed per address per hour (both forms together): SUGGESTION_LIMIT_PER_HOUR, or 5. */
export function suggestionLimitPerHour(config: Config = appConfig()): number {
  return config.SUGGESTION_LIMIT_PER_HOUR;
}

/** A field of a suggestion form, as the page shows it (src/components/suggest/SuggestField.astro). */
export interface SuggestFieldSpec<Name extends string = string> {
  name: Name;
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'email' | 'tel' | 'url';
  rows?: number;
}

/**
 * Whether one more suggestion may be taken: people signed in are known by name and not limited;
 * anyone else is limited per address (SUGGESTION_LIMIT_PER_HOUR).
 */
export async function suggestionAllowed(db: Kysely<DatabaseSchema>, session: ActiveSession | null, address: string): Promise<RateLimitResult> {
  if (session) return { allowed: true, retryAfterSeconds: 0 };
  return checkRateLimit(db, { key: rateLimitKey('suggestion', address), limit: suggestionLimitPerHour(), windowSeconds: 3600 });
}

/** Where a suggestion came from: the role of whoever is signed in, else the public. */
export function suggestionSource(session: ActiveSession | null): SuggestionSource {
  return session ? (session.user.role as SuggestionSource) : 'public';
}

/** Line breaks made plain and the ends trimmed, as the person typed it otherwise. */
export function tidy(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** "www.example.org" -> "https://www.example.org": people rarely type the scheme. */
export function webAddress(value: string): string {
  const trimmed = value.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}

const tooLong = (max: number) => `Please keep this to ${max.toLocaleString('en-GB')} characters or fewer.`;
const text = (max: number) =>
  z
    .string()
    .transform(tidy)
    .pipe(z.string().max(max, tooLong(max)));
const email = (message: string) =>
  z
    .string()
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(EMAIL_MAX_LENGTH, tooLong(EMAIL_MAX_LENGTH))
        .refine((value) => value === '' || z.string().email().safeParse(value).success, message),
    );
const website = z
  .string()
  .transform(webAddress)
  .pipe(
    z
      .string()
      .max(LINE_MAX_LENGTH, tooLong(LINE_MAX_LENGTH))
      .refine(
        (value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(value),
        'Enter a web address like www.example.org, or leave this empty.',
      ),
  );
const phone = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .max(40, 'Enter a phone number of 40 characters or fewer.')
      .refine(
        (value) => value === '' || ((value.match(/\d/g)?.length ?? 0) >= 6 && /^[0-9 +()\-.]+(\s*(ext\.?|extension|x)\s*\d+)?$/i.test(value)),
        'Enter a phone number using numbers and spaces, like 0191 496 0000, or leave this empty.',
      ),
  );

const shared = {
  description: text(TEXT_MAX_LENGTH),
  url: website,
  email: email('Enter an email address like name@example.com, or leave this empty.'),
  phone,
  times: text(TEXT_MAX_LENGTH),
  fees_description: text(TEXT_MAX_LENGTH),
  referral_instructions: text(TEXT_MAX_LENGTH),
  address: text(1000),
  message: text(MESSAGE_MAX_LENGTH),
  contact_email: email('Enter your email address like name@example.com, or leave this empty.'),
};

const changeSchema = z.object({
  ...shared,
  name: text(LINE_MAX_LENGTH).pipe(z.string().min(1, 'Enter the name of the service. If it has closed, say so in "Anything else".')),
  eligibility_description: text(TEXT_MAX_LENGTH),
});

const newSchema = z.object({
  ...shared,
  name: text(LINE_MAX_LENGTH).pipe(z.string().min(1, 'Enter the name of the group or service.')),
  organisation: text(LINE_MAX_LENGTH),
  description: text(TEXT_MAX_LENGTH).pipe(z.string().min(1, 'Tell us what it is and what happens there.')),
});

export type ChangeForm = z.output<typeof changeSchema>;
export type NewForm = z.output<typeof newSchema>;

/** The posted fields as text (a missing one as ""), to check and to show back after a mistake. */
export function formValuesFrom<F extends string>(form: URLSearchParams | FormData, fields: readonly F[]): FormValues<F> {
  const values = {} as FormValues<F>;
  for (const field of fields) {
    const value = form.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

function errorsOf<F extends string>(error: z.ZodError, fields: readonly F[]): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as F;
    if (fields.includes(field)) errors[field] ??= issue.message;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// A change to a listing

/** The first place people go to (not online), if any. */
function firstPlace(record: ServiceRecord): LocationRecord | undefined {
  return record.service_at_locations.map((link) => link.location).find((location) => location.location_type !== 'virtual' && location.addresses.length);
}

/** An address in words, one line each: "1 High Street\nNewcastle upon Tyne\nNE1 1AA". */
export function addressWords(location: LocationRecord | undefined): string {
  const address = location?.addresses[0];
  if (!address) return '';
  return [location!.name, address.address_1, address.address_2, address.city, address.postal_code]
    .map((line) => line?.trim())
    .filter((line, index, all): line is string => Boolean(line) && all.indexOf(line) === index)
    .join('\n');
}

/** What the change form starts with: the listing as it is now, in the form's words. */
export function currentValues(record: ServiceRecord, today: string): FormValues<ChangeFormField> {
  return {
    name: record.name,
    description: tidy(record.description ?? ''),
    url: record.url ?? '',
    email: record.email ?? '',
    phone: record.phones[0]?.number ?? '',
    times: record.schedules
      .filter((schedule) => isCurrent(schedule, today))
      .map((schedule) => describeSchedule(schedule, today))
      .join('\n'),
    fees_description: tidy(record.fees_description ?? ''),
    referral_instructions: tidy(record.referral_instructions ?? ''),
    eligibility_description: tidy(record.eligibility_description ?? ''),
    address: addressWords(firstPlace(record)),
    message: '',
    contact_email: '',
  };
}

export type ParsedChange = { ok: true; fields: SuggestedField[]; message: string; contactEmail: string } | { ok: false; errors: FormErrors<ChangeFormField> };

const orNull = (value: string) => (value === '' ? null : value);

/**
 * Checks the change form and finds what the person changed, compared with the listing as it is:
 * record fields with the record's value before and after (so accepting one publishes it), and
 * words for times and the address as `note:` fields, for a reviewer to make by hand.
 */
export function parseChange(values: FormValues<ChangeFormField>, record: ServiceRecord, today: string): ParsedChange {
  const parsed = changeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error, CHANGE_FIELDS) };
  const form = parsed.data;
  const now = currentValues(record, today);
  const changed = (field: ChangeFormField) => tidy(form[field as keyof ChangeForm] ?? '') !== tidy(now[field]);
  const fields: SuggestedField[] = [];
  for (const field of ['name', 'description', 'url', 'email', 'fees_description', 'referral_instructions', 'eligibility_description'] as const) {
    if (field === 'url' ? form.url !== webAddress(now.url) : changed(field)) {
      fields.push({ field, before: record[field] ?? null, after: orNull(form[field]) } satisfies FieldDifference);
    }
  }
  if (form.phone !== now.phone.trim().replace(/\s+/g, ' ')) {
    const [first, ...rest] = record.phones;
    const after = form.phone === '' ? rest : first ? [{ ...first, number: form.phone }, ...rest] : [{ id: newId(), number: form.phone }];
    fields.push({ field: 'phones', before: record.phones, after });
  }
  if (changed('times')) fields.push({ field: 'note:times', before: orNull(now.times), after: orNull(form.times) });
  if (changed('address')) fields.push({ field: 'note:address', before: orNull(now.address), after: orNull(form.address) });
  if (!fields.length && !form.message) {
    return { ok: false, errors: { message: 'You have not changed anything. Change the details that are wrong, or tell us here what is wrong.' } };
  }
  return { ok: true, fields, message: form.message, contactEmail: form.contact_email };
}

// ---------------------------------------------------------------------------------------------
// A group or service we do not list

export const EMPTY_NEW_VALUES: FormValues<NewFormField> = Object.fromEntries(NEW_FIELDS.map((field) => [field, ''])) as FormValues<NewFormField>;

export type ParsedNew = { ok: true; fields: SuggestedField[]; message: string; contactEmail: string } | { ok: false; errors: FormErrors<NewFormField> };

/** Checks the new-service form; its fields as a new listing's (before: nothing), the parts that are not record fields as `new:`/`note:` fields. */
export function parseNew(values: FormValues<NewFormField>): ParsedNew {
  const parsed = newSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error, NEW_FIELDS) };
  const form = parsed.data;
  const fields: SuggestedField[] = [];
  const add = (field: SuggestedField['field'], after: unknown) => fields.push({ field, before: null, after });
  add('name', form.name);
  if (form.organisation) add('new:organisation', form.organisation);
  add('description', form.description);
  if (form.address) add('new:address', form.address);
  if (form.times) add('note:times', form.times);
  if (form.fees_description) add('fees_description', form.fees_description);
  if (form.referral_instructions) add('referral_instructions', form.referral_instructions);
  if (form.phone) add('phones', [{ id: newId(), number: form.phone }]);
  if (form.email) add('email', form.email);
  if (form.url) add('url', form.url);
  return { ok: true, fields, message: form.message, contactEmail: form.contact_email };
}
