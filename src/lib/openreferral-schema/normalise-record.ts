// Before a record is checked: dates and times the standard leaves loose are read into the
// directory's form (lenient-values.ts), and a record with no organisation is given a stand-in
// one (the UK profile does not require it; our tables file every service under one), each said.
import { readDate, readTime, type Reading } from './lenient-values';
import type { Notice } from './kept-properties';

/** The name shown for a service whose record names no organisation. */
export const STAND_IN_ORGANIZATION_NAME = 'Organisation not given';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

const DATE_FIELDS = {
  service: ['assured_date', 'capacity_updated'],
  schedule: ['valid_from', 'valid_to', 'dtstart', 'until'],
  cost_option: ['valid_from', 'valid_to'],
  funding: ['start_date', 'end_date'],
} as const;
const TIME_FIELDS = ['opens_at', 'closes_at'] as const;

export interface NormalisedRecord {
  record: Json;
  /** Values read from a looser form, and stand-ins given: the record was accepted with these. */
  normalised: Notice[];
  /** Values sent that are not kept, each with why: the record was accepted without them. */
  dropped: Notice[];
  /** Values that cannot be read without doubt: the record is refused. */
  errors: Notice[];
}

export function normaliseRecord(raw: Json): NormalisedRecord {
  const record: Json = { ...raw };
  const normalised: Notice[] = [];
  const dropped: Notice[] = [];
  const errors: Notice[] = [];
  const fix = (object: Json, key: string, path: string, read: (value: string) => Reading, what: string) => {
    const value = object[key];
    if (typeof value !== 'string') return;
    const reading = read(value);
    if (!reading.ok) {
      errors.push({ path, message: reading.message });
      return;
    }
    if (reading.changed) {
      normalised.push({ path, message: `was "${value}", read as the ${what} ${reading.value}${reading.note ? `; ${reading.note}` : ''}` });
      object[key] = reading.value;
    }
  };
  for (const key of DATE_FIELDS.service) fix(record, key, key, readDate, 'date');
  const eachOf = (list: unknown, path: string, each: (object: Json, path: string) => void): unknown => {
    if (!Array.isArray(list)) return list;
    return list.map((item, index) => {
      if (!isObject(item)) return item;
      const copy = { ...item };
      each(copy, `${path}[${index}]`);
      return copy;
    });
  };
  const schedule = (object: Json, path: string) => {
    for (const key of DATE_FIELDS.schedule) fix(object, key, `${path}.${key}`, readDate, 'date');
    for (const key of TIME_FIELDS) fix(object, key, `${path}.${key}`, readTime, 'time');
  };
  record.schedules = eachOf(record.schedules, 'schedules', schedule);
  record.cost_options = eachOf(record.cost_options, 'cost_options', (object, path) => {
    for (const key of DATE_FIELDS.cost_option) fix(object, key, `${path}.${key}`, readDate, 'date');
  });
  record.funding = eachOf(record.funding, 'funding', (object, path) => {
    for (const key of DATE_FIELDS.funding) fix(object, key, `${path}.${key}`, readDate, 'date');
  });
  record.service_at_locations = eachOf(record.service_at_locations, 'service_at_locations', (sal, path) => {
    sal.schedules = eachOf(sal.schedules, `${path}.schedules`, schedule);
  });
  for (const key of ['schedules', 'cost_options', 'funding', 'service_at_locations']) if (record[key] === undefined) delete record[key];

  // Our own extension, as another directory like this one serves it: worked out here, on the day.
  if (record.freshness !== undefined) {
    delete record.freshness;
    dropped.push({
      path: 'freshness',
      message: 'is not kept: this directory works out whether a listing can be trusted from its own checks, on the day it is asked',
    });
  }
  const nestedId = isObject(record.organization) ? record.organization.id : undefined;
  if (record.organization_id != null && nestedId !== undefined && record.organization_id !== nestedId) {
    dropped.push({
      path: 'organization_id',
      message: `is not kept: it is "${String(record.organization_id)}" but the organisation given is "${String(nestedId)}", which the service is filed under and which organization_id is served as`,
    });
    delete record.organization_id;
  }
  if (record.organization === undefined || record.organization === null) {
    const given = typeof record.organization_id === 'string' && record.organization_id.trim() ? record.organization_id.trim() : null;
    const serviceId = typeof record.id === 'string' ? record.id : '';
    record.organization = { id: given ?? `${serviceId}:organization`, name: STAND_IN_ORGANIZATION_NAME, stand_in: true };
    normalised.push({
      path: 'organization',
      message: given
        ? `is not given, only organization_id "${given}": the service is filed under that organisation if the directory has it, and otherwise under one called "${STAND_IN_ORGANIZATION_NAME}" (not served back)`
        : `is not given: the service is filed under an organisation called "${STAND_IN_ORGANIZATION_NAME}" (not served back)`,
    });
  }
  return { record, normalised, dropped, errors };
}

/** Is this organisation one made up because the record gave none? */
export function isStandInOrganization(organization: object | null | undefined): boolean {
  return Boolean(organization && (organization as { stand_in?: unknown }).stand_in === true);
}
