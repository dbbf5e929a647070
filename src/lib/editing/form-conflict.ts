// Two people editing one listing at once. The editor carries the listing as it was opened in the
// form, sealed (signed with a server secret, so a changed copy is refused); when saving finds that
// someone else has published since, each field is sorted into: only you changed it (yours is
// kept), only they did (theirs is kept), or both did (you choose). Nothing is overwritten unseen.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { RECORD_FIELDS, type RecordField } from './publish';
import { sameMeaning } from './form';

/** The listing as a form field: compressed JSON and its signature, "<data>.<signature>". */
export function sealRecord(record: ServiceRecord, secret: string): string {
  const data = gzipSync(Buffer.from(JSON.stringify(record))).toString('base64url');
  return `${data}.${signature(secret, data)}`;
}

/** The listing from a sealed field, or null when it is missing, damaged or was changed. */
export function unsealRecord(sealed: string | null | undefined, secret: string): ServiceRecord | null {
  if (!sealed) return null;
  const [data, signed] = sealed.split('.');
  if (!data || !signed) return null;
  const expected = Buffer.from(signature(secret, data));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(gunzipSync(Buffer.from(data, 'base64url'), { maxOutputLength: 8 * 1024 * 1024 }).toString('utf8')) as ServiceRecord;
  } catch {
    return null;
  }
}

function signature(secret: string, data: string): string {
  return createHmac('sha256', secret).update(`service-editor.${data}`).digest('base64url');
}

export type ConflictKind = 'mine' | 'theirs' | 'both' | 'same';

export interface ConflictField {
  field: RecordField;
  kind: ConflictKind;
  opened: unknown;
  theirs: unknown;
  mine: unknown;
}

/**
 * Every field that you or the other person changed since `opened`: 'mine' (only you), 'theirs'
 * (only them), 'both' (both, differently: you must choose), 'same' (both made the same change).
 */
export function conflictFields(opened: ServiceRecord, theirs: ServiceRecord | null, mine: ServiceRecord): ConflictField[] {
  return RECORD_FIELDS.flatMap((field) => {
    const theirValue = theirs?.[field];
    const iChanged = !sameMeaning(opened[field], mine[field]);
    const theyChanged = !sameMeaning(opened[field], theirValue);
    if (!iChanged && !theyChanged) return [];
    const kind: ConflictKind = iChanged && theyChanged ? (sameMeaning(mine[field], theirValue) ? 'same' : 'both') : iChanged ? 'mine' : 'theirs';
    return [{ field, kind, opened: opened[field] ?? null, theirs: theirValue ?? null, mine: mine[field] ?? null }];
  });
}

export type Choices = Partial<Record<RecordField, 'theirs' | 'mine'>>;

/** Fields changed by both where no choice was made. */
export function missingChoices(fields: ConflictField[], choices: Choices): RecordField[] {
  return fields.filter((field) => field.kind === 'both' && choices[field.field] !== 'theirs' && choices[field.field] !== 'mine').map((field) => field.field);
}

/**
 * Your changes laid over their current listing: your value where only you changed a field, or
 * where both did and you chose yours; theirs everywhere else.
 */
export function mergeRecords(opened: ServiceRecord, theirs: ServiceRecord, mine: ServiceRecord, choices: Choices): ServiceRecord {
  const merged = { ...theirs } as Record<string, unknown>;
  for (const field of conflictFields(opened, theirs, mine)) {
    const useMine = field.kind === 'mine' || (field.kind === 'both' && choices[field.field] === 'mine');
    if (!useMine) continue;
    if (mine[field.field] === undefined) delete merged[field.field];
    else merged[field.field] = mine[field.field];
  }
  return merged as unknown as ServiceRecord;
}
