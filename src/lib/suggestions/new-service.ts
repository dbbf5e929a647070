// A suggested new group or service made into a listing from the fields a reviewer accepted: its
// organisation found by its exact name or made new, and a place from the address in words (the
// postcode picked out when one is there; the rest kept as the person wrote it, not guessed at).
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { readRecord, type RecordField } from '../editing/publish';
import { newId } from '../ids';
import { normalisePostcode } from '../geo/postcode';
import type { OrganizationRecord, ServiceRecord } from '../openreferral-schema/schemas';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export interface AddressParts {
  address_1: string;
  address_2: string | null;
  postal_code: string | null;
}

const POSTCODE_AT_END = /\s*\b([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})$/i;

/**
 * "Church Hall, 12 Elm Road, Gateshead NE8 1AB" -> address_1 "Church Hall", address_2 "12 Elm
 * Road, Gateshead", postal_code "NE8 1AB". Lines or commas split it; a UK postcode alone or at the
 * end of a part is taken out; nothing else is interpreted. Null when there are no words.
 */
export function addressFromWords(words: string): AddressParts | null {
  let postcode: string | null = null;
  const parts: string[] = [];
  for (const raw of words.split(/[\n,]+/)) {
    let part = raw.trim();
    if (!part) continue;
    if (!postcode) {
      const whole = normalisePostcode(part);
      if (whole) {
        postcode = whole;
        continue;
      }
      const end = POSTCODE_AT_END.exec(part);
      const found = end ? normalisePostcode(end[1]!) : null;
      if (found) {
        postcode = found;
        part = part.slice(0, end!.index).trim();
        if (!part) continue;
      }
    }
    parts.push(part);
  }
  if (!parts.length && !postcode) return null;
  if (!parts.length) return { address_1: postcode!, address_2: null, postal_code: postcode };
  return { address_1: parts[0]!, address_2: parts.slice(1).join(', ') || null, postal_code: postcode };
}

/** The organisation called exactly `name`, as a full record (so publishing leaves it as it is), if there is one. */
export async function organisationNamed(db: Db, name: string): Promise<OrganizationRecord | null> {
  const row = await db.selectFrom('organization').selectAll().where('name', '=', name).orderBy('id').executeTakeFirst();
  if (!row) return null;
  const service = await db.selectFrom('service').select('id').where('organization_id', '=', row.id).orderBy('id').executeTakeFirst();
  const record = service ? await readRecord(db, service.id) : null;
  if (record) return record.organization;
  const identifiers = await db.selectFrom('organization_identifier').selectAll().where('organization_id', '=', row.id).orderBy('id').execute();
  return {
    id: row.id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    email: row.email,
    website: row.website,
    logo: row.logo,
    uri: row.uri,
    parent_organization_id: row.parent_organization_id,
    attributes: [],
    organization_identifiers: identifiers.map((identifier) => ({
      id: identifier.id,
      identifier_scheme: identifier.identifier_scheme,
      identifier_type: identifier.identifier_type,
      identifier: identifier.identifier,
      attributes: [],
    })),
  };
}

/** The accepted fields of a new-service suggestion: record fields by name, and `new:` parts. */
export type AcceptedNewFields = Map<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The new listing (status active) from the accepted fields; `name` must be among them. */
export async function newServiceRecord(db: Db, accepted: AcceptedNewFields, id: string = newId()): Promise<ServiceRecord> {
  const name = text(accepted.get('name'));
  if (!name) throw new Error('A new listing needs its name.');
  const organisationName = text(accepted.get('new:organisation')) ?? name;
  const organization = (await organisationNamed(db, organisationName)) ?? {
    id: newId(),
    name: organisationName,
    organization_identifiers: [],
    attributes: [],
  };
  const address = addressFromWords(text(accepted.get('new:address')) ?? '');
  const record: Record<string, unknown> = {
    id,
    name,
    status: 'active',
    organization,
    service_at_locations: address
      ? [
          {
            id: newId(),
            location: {
              id: newId(),
              location_type: 'physical',
              addresses: [{ id: newId(), ...address, country: 'GB', address_type: 'physical', attributes: [] }],
              phones: [],
              accessibility: [],
              languages: [],
              attributes: [],
            },
          },
        ]
      : [],
    schedules: [],
    cost_options: [],
    funding: [],
    phones: [],
    contacts: [],
    languages: [],
    service_areas: [],
    attributes: [],
  };
  for (const [field, value] of accepted) {
    if (field === 'name' || field.includes(':')) continue;
    record[field as RecordField] = value;
  }
  return record as unknown as ServiceRecord;
}
