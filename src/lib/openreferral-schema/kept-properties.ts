// What a feed sends that the directory's tables have no place for, kept so it can be served back
// as it came: properties the standard's objects carry beyond our columns (HSDS fields the UK
// profile lacks, newer versions' fields, a publisher's own), objects repeated inside one record
// (in HSDS one object referred to from several places), and objects we cannot file (a
// service_at_location with no location, an attribute with no known taxonomy term).
// Pure functions: import.ts separates them out, the reader and the API put them back.
import type { z } from 'zod/v4';
import {
  accessibilitySchema,
  addressSchema,
  attributeSchema,
  contactSchema,
  costOptionSchema,
  fundingSchema,
  languageSchema,
  locationSchema,
  organizationIdentifierSchema,
  organizationSchema,
  phoneSchema,
  scheduleSchema,
  serviceAreaSchema,
  serviceAtLocationSchema,
  serviceSchema,
  taxonomyTermSchema,
} from './schemas';

export type Kind =
  | 'service'
  | 'organization'
  | 'organization_identifier'
  | 'service_at_location'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'phone'
  | 'language'
  | 'contact'
  | 'schedule'
  | 'cost_option'
  | 'funding'
  | 'service_area'
  | 'attribute'
  | 'taxonomy_term';

interface Child {
  kind: Kind;
  many: boolean;
}
const many = (kind: Kind): Child => ({ kind, many: true });
const one = (kind: Kind): Child => ({ kind, many: false });

/** The objects of the standard nested in each, in the order they are read (a service's own lists before its places'). */
const CHILDREN: Record<Kind, Record<string, Child>> = {
  service: {
    organization: one('organization'),
    phones: many('phone'),
    contacts: many('contact'),
    schedules: many('schedule'),
    languages: many('language'),
    cost_options: many('cost_option'),
    funding: many('funding'),
    service_areas: many('service_area'),
    attributes: many('attribute'),
    service_at_locations: many('service_at_location'),
  },
  organization: { organization_identifiers: many('organization_identifier'), attributes: many('attribute') },
  organization_identifier: { attributes: many('attribute') },
  service_at_location: { location: one('location'), schedules: many('schedule'), phones: many('phone'), contacts: many('contact') },
  location: {
    addresses: many('address'),
    phones: many('phone'),
    accessibility: many('accessibility'),
    languages: many('language'),
    attributes: many('attribute'),
  },
  address: { attributes: many('attribute') },
  accessibility: { attributes: many('attribute') },
  contact: { phones: many('phone'), attributes: many('attribute') },
  attribute: { taxonomy_term: one('taxonomy_term') },
  phone: {},
  language: {},
  schedule: {},
  cost_option: {},
  funding: {},
  service_area: {},
  taxonomy_term: {},
};

const SCHEMAS: Record<Kind, { shape: Record<string, unknown> }> = {
  service: serviceSchema,
  organization: organizationSchema,
  organization_identifier: organizationIdentifierSchema,
  service_at_location: serviceAtLocationSchema,
  location: locationSchema,
  address: addressSchema,
  accessibility: accessibilitySchema,
  phone: phoneSchema,
  language: languageSchema,
  contact: contactSchema,
  schedule: scheduleSchema,
  cost_option: costOptionSchema,
  funding: fundingSchema,
  service_area: serviceAreaSchema,
  attribute: attributeSchema,
  taxonomy_term: taxonomyTermSchema,
} satisfies Record<Kind, z.ZodObject>;

/** Property names the directory stores for each kind of object; anything else is kept as sent. */
const KNOWN = Object.fromEntries(Object.entries(SCHEMAS).map(([kind, schema]) => [kind, new Set(Object.keys(schema.shape))])) as Record<Kind, Set<string>>;

/** An object kept whole at a place in one of its parent's lists: a copy of one filed elsewhere (ref), or one we cannot file (value). */
export interface KeptObject {
  index: number;
  ref?: string;
  value?: unknown;
}

export interface KeptProperties {
  /** By "kind:id": properties the directory has no column for. */
  properties: Record<string, Record<string, unknown>>;
  /**
   * By "kind:id": values sent that the directory replaces with its own for its own use (an
   * attribute's link_entity and link_id say what it hangs on), served back as sent.
   */
  sent?: Record<string, Record<string, unknown>>;
  /** By the parent's "kind:id", then its list: objects kept whole, at the positions they were sent. */
  kept: Record<string, Record<string, KeptObject[]>>;
}

export const EMPTY_KEPT: KeptProperties = { properties: {}, kept: {} };

export interface Notice {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const idOf = (value: unknown): string | null => (isObject(value) && typeof value.id === 'string' && value.id.trim() ? value.id : null);

/** JSON with keys in order, so two copies of one object compare equal however they were written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export interface SeparatedRecord {
  /** The record without the objects kept whole: what the schema checks and the tables hold. */
  record: Json;
  kept: KeptProperties['kept'];
  sent: NonNullable<KeptProperties['sent']>;
  /** Objects kept whole, and why, for the import's summary. */
  notices: Notice[];
  /** Repeated ids whose copies disagree: the first is kept. */
  warnings: Notice[];
  /** Where each list of the separated record came from: its path there -> original positions. */
  positions: Map<string, number[]>;
}

/**
 * Takes out of a raw record the objects that are repeated (same kind and id) and those the
 * directory cannot file, recording where each was, so the record can be checked and stored
 * once and served back as sent. `termKnown` says whether a taxonomy term id is in the directory.
 */
export function separateRepeats(raw: Json, termKnown: (id: string) => boolean): SeparatedRecord {
  const seen = new Map<string, { json: string; path: string; value: Json }>();
  const kept: KeptProperties['kept'] = {};
  const notices: Notice[] = [];
  const warnings: Notice[] = [];
  const positions = new Map<string, number[]>();
  const sent: NonNullable<KeptProperties['sent']> = {};
  const keep = (parent: string, list: string, entry: KeptObject) => {
    ((kept[parent] ??= {})[list] ??= []).push(entry);
  };

  const unfiled = (kind: Kind, item: Json): string | null => {
    if (kind === 'service_at_location' && !isObject(item.location)) {
      return 'has no location, so it is kept and served back as sent but not shown as a place';
    }
    if (kind === 'attribute' && !isObject(item.taxonomy_term)) {
      const termId = typeof item.taxonomy_term_id === 'string' ? item.taxonomy_term_id : null;
      if (!termId) return 'has no taxonomy term, so it is kept and served back as sent but not used to file the service';
      if (!termKnown(termId)) {
        return `names taxonomy term "${termId}", which is not in the directory and not given in the file, so it is kept and served back as sent but not used to file the service`;
      }
    }
    return null;
  };

  const walk = (value: Json, kind: Kind, path: string, strippedPath: string): Json => {
    const out: Json = { ...value };
    const selfKey = `${kind}:${idOf(value) ?? ''}`;
    for (const [key, child] of Object.entries(CHILDREN[kind])) {
      const given = value[key];
      if (!child.many) {
        if (!isObject(given)) continue;
        const childKey = `${child.kind}:${idOf(given)}`;
        const first = idOf(given) ? seen.get(childKey) : undefined;
        if (first) {
          // One object (a place, a term) named again: the same one, or the first if they disagree.
          if (first.json !== canonicalJson(given)) {
            warnings.push({ path: join(path, key), message: `has the same id as ${first.path} but different content; the first is kept` });
          }
          out[key] = first.value;
          continue;
        }
        const walked = walk(given, child.kind, join(path, key), join(strippedPath, key));
        if (idOf(given)) seen.set(childKey, { json: canonicalJson(given), path: join(path, key), value: walked });
        out[key] = walked;
        continue;
      }
      if (!Array.isArray(given)) continue;
      const list: unknown[] = [];
      const from: number[] = [];
      given.forEach((item, index) => {
        const itemPath = join(path, key);
        const id = idOf(item);
        if (!isObject(item) || !id) {
          from.push(index);
          list.push(item); // the schema says what is wrong with it
          return;
        }
        const reason = unfiled(child.kind, item);
        if (reason) {
          keep(selfKey, key, { index, value: item });
          notices.push({ path: `${itemPath}[${index}]`, message: reason });
          return;
        }
        const childKey = `${child.kind}:${id}`;
        const first = seen.get(childKey);
        if (first) {
          if (first.json !== canonicalJson(item)) {
            warnings.push({
              path: `${itemPath}[${index}]`,
              message: `has the same id as ${first.path} but different content; the first is kept and served in both places`,
            });
          }
          keep(selfKey, key, { index, ref: childKey });
          return;
        }
        if (child.kind === 'attribute') {
          // The directory files an attribute under what it hangs on; what the feed said is served back.
          const said: Json = {};
          if (item.link_entity != null && item.link_entity !== kind) said.link_entity = item.link_entity;
          if (item.link_id != null && item.link_id !== idOf(value)) said.link_id = item.link_id;
          if (Object.keys(said).length) sent[childKey] = said;
        }
        const walked = walk(item, child.kind, `${itemPath}[${index}]`, `${join(strippedPath, key)}[${list.length}]`);
        seen.set(childKey, { json: canonicalJson(item), path: `${itemPath}[${index}]`, value: walked });
        from.push(index);
        list.push(walked);
      });
      out[key] = list;
      if (from.some((original, i) => original !== i)) positions.set(join(strippedPath, key), from);
    }
    return out;
  };

  const record = walk(raw, 'service', '', '');
  return { record, kept, sent, notices, warnings, positions };
}

/** A path in the separated record ("phones[0].id") as a path in the record as sent ("phones[2].id"). */
export function originalPath(path: readonly PropertyKey[], positions: Map<string, number[]>): (string | number)[] {
  const out: (string | number)[] = [];
  let stripped = '';
  for (const part of path) {
    if (typeof part === 'number') {
      const from = positions.get(stripped);
      out.push(from?.[part] ?? part);
      stripped = `${stripped}[${part}]`;
    } else {
      out.push(String(part));
      stripped = join(stripped, String(part));
    }
  }
  return out;
}

/** Visits every object of the standard in a record, with its kind. */
function visit(value: unknown, kind: Kind, each: (object: Json, kind: Kind) => void): void {
  if (!isObject(value)) return;
  each(value, kind);
  for (const [key, child] of Object.entries(CHILDREN[kind])) {
    const given = value[key];
    if (child.many && Array.isArray(given)) given.forEach((item) => visit(item, child.kind, each));
    else if (!child.many) visit(given, child.kind, each);
  }
}

/** The properties of a checked record's objects that the directory has no column for, by "kind:id". */
export function unknownProperties(record: object): KeptProperties['properties'] {
  const properties: KeptProperties['properties'] = {};
  visit(record, 'service', (object, kind) => {
    const id = idOf(object);
    if (!id) return;
    const extra = Object.entries(object).filter(([key]) => !KNOWN[kind].has(key));
    if (extra.length) properties[`${kind}:${id}`] = { ...properties[`${kind}:${id}`], ...Object.fromEntries(extra) };
  });
  return properties;
}

/**
 * Puts kept properties back on a record's objects (in place), never over a value the directory
 * holds; and the values sent that the directory replaced for its own use, as sent.
 */
export function restoreProperties<T extends object>(record: T, kept: Pick<KeptProperties, 'properties' | 'sent'>): T {
  const { properties, sent = {} } = kept;
  if (!Object.keys(properties).length && !Object.keys(sent).length) return record;
  visit(record, 'service', (object, kind) => {
    const key = `${kind}:${idOf(object)}`;
    for (const [name, value] of Object.entries(properties[key] ?? {})) if (!(name in object)) object[name] = structuredClone(value);
    for (const [name, value] of Object.entries(sent[key] ?? {})) object[name] = structuredClone(value);
  });
  return record;
}

/**
 * A copy of the record with the objects kept whole put back where they were sent: copies of
 * repeated objects as the directory now holds them (left out if the directory no longer has
 * them), unfiled ones as they came.
 */
export function restoreKeptObjects<T extends object>(record: T, kept: KeptProperties['kept']): T {
  if (!Object.keys(kept).length) return record;
  const copy = structuredClone(record);
  const byKey = new Map<string, Json>();
  visit(copy, 'service', (object, kind) => {
    const key = `${kind}:${idOf(object)}`;
    if (!byKey.has(key)) byKey.set(key, object);
  });
  const parents: [Json, Kind][] = [];
  visit(copy, 'service', (object, kind) => parents.push([object, kind]));
  for (const [object, kind] of parents) {
    const lists = kept[`${kind}:${idOf(object)}`];
    if (!lists) continue;
    for (const [key, entries] of Object.entries(lists)) {
      const list = Array.isArray(object[key]) ? [...(object[key] as unknown[])] : [];
      for (const entry of [...entries].sort((a, b) => a.index - b.index)) {
        const value = entry.ref ? byKey.get(entry.ref) : entry.value;
        if (value === undefined) continue;
        list.splice(Math.min(entry.index, list.length), 0, structuredClone(value));
      }
      object[key] = list;
    }
  }
  return copy;
}

export function isEmptyKept(kept: KeptProperties): boolean {
  return !Object.keys(kept.properties).length && !Object.keys(kept.kept).length && !Object.keys(kept.sent ?? {}).length;
}
