// The service editor's own checks on what was typed (dates, times, numbers, emails, web
// addresses), with zod, giving a plain-words message for each form field by its name. The
// listing's full schema is checked again when it is published (src/lib/editing/publish.ts).
import { z } from 'zod';
import {
  CAPACITY_STATUSES,
  DELIVERY_MODES,
  GROUP_SIZES,
  LOCATION_TYPES,
  REFERRAL_ROUTES,
  SERVICE_STATUSES,
  STOP_MODES,
  SUPPORT_TO_ATTEND,
} from '../openreferral-schema/schemas';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { isBlankRow, isBlankStop, MONTH_WEEKS, WEEKDAYS, type EditorValues } from './form-values';

/** Problems with the form, by form field name ("schedules.0.opens_at"). */
export type FieldErrors = Record<string, string>;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_MESSAGE = 'Enter a real date, like 2026-03-31 (year, month, day)';
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine(isRealDate, DATE_MESSAGE);
// Seconds are allowed: times imported from feeds keep them ("10:00:00").
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Enter a time on the 24-hour clock, like 09:30 or 14:00');
const email = z.string().email('Enter an email address like name@example.org');
const webAddress = z.string().regex(/^https?:\/\/[^\s]+$/i, 'Enter the web address in full, starting with https://');
const wholeNumber = (what: string, max: number, min = 0) =>
  z
    .string()
    .regex(/^\d+$/, `Enter ${what} as a whole number, like 3`)
    .refine((value) => Number(value) >= min && Number(value) <= max, `Enter ${what} from ${min} to ${max}`);
const decimal = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, `Enter ${what} as a number, like ${min < 0 ? '-1.61' : '12.50'}`)
    .refine((value) => Number(value) >= min && Number(value) <= max, `Enter ${what} from ${min} to ${max}`);
const money = z
  .string()
  .transform((value) => value.replace(/^£/, '').replace(/,/g, ''))
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, 'Enter the amount in pounds, like 5 or 12.50, or leave it empty'));
const oneOf = (values: readonly string[], message: string) => z.string().refine((value) => values.includes(value), message);
const yesNoBlank = oneOf(['', 'yes', 'no'], 'Choose yes, no or not known');
const limited = (max: number) => z.string().max(max, `Keep this to ${max.toLocaleString('en-GB')} characters or fewer`);

/** Each value parsed into the numbers and dates a record holds, for valuesToRecord. */
export const parseMoney = (value: string): number => Number(value.trim().replace(/^£/, '').replace(/,/g, ''));

/**
 * Checks every field; returns the problems (empty when all is well). Blank rows are not checked:
 * they are left out when saved.
 */
export function validateValues(values: EditorValues, allowedOrganisations: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const check = (name: string, value: string, schema: z.ZodTypeAny, optional = true) => {
    if (errors[name]) return;
    const trimmed = value.trim();
    if (optional && trimmed === '') return;
    const result = schema.safeParse(trimmed);
    if (!result.success) errors[name] = result.error.issues[0]?.message ?? 'Check this';
  };
  const checkAll = (name: string, chosen: string[], allowed: readonly string[], message: string) => {
    if (chosen.some((value) => !allowed.includes(value))) errors[name] = message;
  };
  const required = (name: string, value: string, message: string) => {
    if (value.trim() === '') errors[name] = message;
  };

  required('name', values.name, "Enter the service's name");
  check('name', values.name, limited(300));
  for (const field of [
    'alternate_name',
    'description',
    'alert',
    'fees',
    'fees_description',
    'referral_instructions',
    'first_visit',
    'eligibility_description',
    'not_for',
    'transport_description',
    'transport_eligibility',
    'accreditations',
  ] as const) {
    check(field, values[field], limited(20_000));
  }
  if (!allowedOrganisations.includes(values.organization_id)) errors.organization_id = 'Choose the organisation that runs it from the list';
  check('status', values.status, oneOf(SERVICE_STATUSES, 'Choose whether it is running'), false);
  check('url', values.url, webAddress);
  check('email', values.email, email);
  check('assurer_email', values.assurer_email, email);
  check('minimum_age', values.minimum_age, wholeNumber('the youngest age', 130));
  check('maximum_age', values.maximum_age, wholeNumber('the oldest age', 130));
  if (
    !errors.minimum_age &&
    !errors.maximum_age &&
    values.minimum_age.trim() &&
    values.maximum_age.trim() &&
    Number(values.minimum_age) > Number(values.maximum_age)
  ) {
    errors.maximum_age = 'The oldest age must not be lower than the youngest age';
  }
  check('capacity_status', values.capacity_status, oneOf(CAPACITY_STATUSES, 'Choose whether they can take new people'));
  check('waiting_weeks', values.waiting_weeks, wholeNumber('the waiting time in weeks', 520));
  check('group_size', values.group_size, oneOf(GROUP_SIZES, 'Choose a group size from the list'));
  check('home_visits', values.home_visits, yesNoBlank);
  checkAll('referral_routes', values.referral_routes, REFERRAL_ROUTES, 'Choose ways to get in from the list');
  checkAll('delivery_modes', values.delivery_modes, DELIVERY_MODES, 'Choose how it is given from the list');
  checkAll('support_to_attend', values.support_to_attend, SUPPORT_TO_ATTEND, 'Choose help to go from the list');
  checkAll('categories', values.categories, [...getTaxonomy().categoryByCode.keys()], 'Choose categories from the list');
  if (values.transport_eligibility.trim() && !values.transport_description.trim()) {
    errors.transport_description = 'Say what transport they offer, or clear who can use it';
  }

  values.places.forEach((place, n) => {
    if (place.remove || isBlankRow('places', place)) return;
    const at = `places.${n}`;
    check(`${at}.location_type`, place.location_type, oneOf(LOCATION_TYPES, 'Choose what kind of place it is'), false);
    check(`${at}.latitude`, place.latitude, decimal('the latitude', -90, 90));
    check(`${at}.longitude`, place.longitude, decimal('the longitude', -180, 180));
    if (!place.latitude.trim() !== !place.longitude.trim()) {
      errors[place.latitude.trim() ? `${at}.longitude` : `${at}.latitude`] ??= 'Enter both the latitude and the longitude, or neither';
    }
    check(`${at}.url`, place.url, webAddress);
    if (!place.address_1.trim() && (place.address_2.trim() || place.city.trim() || place.postal_code.trim())) {
      errors[`${at}.address_1`] = 'Enter the first line of the address';
    }
    checkAll(`${at}.access`, place.access, [...getTaxonomy().accessibilityByCode.keys()], 'Choose accessibility features from the list');
    for (const field of ['parking_available', 'parking_blue_badge', 'parking_free', 'cycle_parking'] as const)
      check(`${at}.${field}`, place[field], yesNoBlank);
    if (!place.parking_available && (place.parking_blue_badge || place.parking_free || place.parking_notes.trim())) {
      errors[`${at}.parking_available`] = 'Say whether there is parking, as you have given details of it';
    }
    place.stops.forEach((stop, m) => {
      if (stop.remove || isBlankStop(stop)) return;
      const s = `${at}.stops.${m}`;
      required(`${s}.name`, stop.name, 'Enter the name of the stop or station');
      check(`${s}.mode`, stop.mode, oneOf(STOP_MODES, 'Choose bus, Metro, train, tram or ferry'), false);
      check(`${s}.distance_m`, stop.distance_m, wholeNumber('the distance in metres', 100_000));
      check(`${s}.walk_minutes`, stop.walk_minutes, wholeNumber('the walk in minutes', 600));
      check(`${s}.step_free_route`, stop.step_free_route, yesNoBlank);
    });
  });
  values.schedules.forEach((schedule, n) => {
    if (schedule.remove || isBlankRow('schedules', schedule)) return;
    const at = `schedules.${n}`;
    check(`${at}.freq`, schedule.freq, oneOf(['WEEKLY', 'MONTHLY'], 'Choose every week or every month'));
    check(`${at}.interval`, schedule.interval, wholeNumber('how often', 52, 1));
    checkAll(`${at}.days`, schedule.days, WEEKDAYS, 'Choose days from the list');
    checkAll(`${at}.weeks`, schedule.weeks, MONTH_WEEKS, 'Choose weeks of the month from the list');
    if (schedule.weeks.length && schedule.freq !== 'MONTHLY')
      errors[`${at}.weeks`] ??= 'Weeks of the month are for times that are every month: choose "Every month", or clear the weeks';
    if (schedule.weeks.length && !schedule.days.length) errors[`${at}.days`] ??= 'Choose the day, as you have chosen weeks of the month';
    check(
      `${at}.byday_other`,
      schedule.byday_other,
      z
        .string()
        .regex(
          /^\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*(,\s*([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)\s*)*$/i,
          'Write days as two-letter codes, like MO,WE, or 1TU for the first Tuesday',
        ),
    );
    check(`${at}.opens_at`, schedule.opens_at, time);
    check(`${at}.closes_at`, schedule.closes_at, time);
    check(`${at}.valid_from`, schedule.valid_from, date);
    check(`${at}.valid_to`, schedule.valid_to, date);
    if (
      !errors[`${at}.valid_from`] &&
      !errors[`${at}.valid_to`] &&
      schedule.valid_from.trim() &&
      schedule.valid_to.trim() &&
      schedule.valid_from.trim() > schedule.valid_to.trim()
    ) {
      errors[`${at}.valid_to`] = 'The last date must not be before the first date';
    }
  });
  values.costs.forEach((cost, n) => {
    if (cost.remove || isBlankRow('costs', cost)) return;
    const at = `costs.${n}`;
    check(`${at}.amount`, cost.amount, money);
    check(`${at}.currency`, cost.currency, z.string().regex(/^[A-Za-z]{3}$/, 'Enter a three-letter currency code, like GBP'));
    check(`${at}.valid_to`, cost.valid_to, date);
  });
  values.funding.forEach((funding, n) => {
    if (funding.remove || isBlankRow('funding', funding)) return;
    const at = `funding.${n}`;
    check(`${at}.start_date`, funding.start_date, date);
    check(`${at}.end_date`, funding.end_date, date);
    if (
      !errors[`${at}.start_date`] &&
      !errors[`${at}.end_date`] &&
      funding.start_date.trim() &&
      funding.end_date.trim() &&
      funding.start_date.trim() > funding.end_date.trim()
    ) {
      errors[`${at}.end_date`] = 'The end date must not be before the start date';
    }
  });
  values.phones.forEach((phone, n) => {
    if (phone.remove || isBlankRow('phones', phone)) return;
    required(`phones.${n}.number`, phone.number, 'Enter the phone number');
    check(`phones.${n}.number`, phone.number, z.string().max(40, 'Keep the phone number to 40 characters or fewer'));
  });
  values.contacts.forEach((contact, n) => {
    if (contact.remove || isBlankRow('contacts', contact)) return;
    check(`contacts.${n}.email`, contact.email, email);
    check(`contacts.${n}.phone`, contact.phone, z.string().max(40, 'Keep the phone number to 40 characters or fewer'));
  });
  values.languages.forEach((language, n) => {
    if (language.remove || isBlankRow('languages', language)) return;
    if (!language.name.trim() && !language.code.trim()) errors[`languages.${n}.name`] = 'Enter the language';
  });
  values.areas.forEach((area, n) => {
    if (area.remove || isBlankRow('areas', area)) return;
    if (!area.name.trim()) errors[`areas.${n}.name`] = 'Enter the name of the area';
  });
  return errors;
}
