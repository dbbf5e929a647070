// Checking one Open Referral UK service record as another publisher sent it: loose dates and
// times read, repeated objects taken as one, what cannot be filed kept whole, then the schema.
// Every writer checks with this (the importer, the feed pull, the service editor, the review queue).
import { serviceSchema, type ServiceRecord } from './schemas';
import { originalPath, separateRepeats, unknownProperties, type KeptProperties, type Notice } from './kept-properties';
import { normaliseRecord } from './normalise-record';

export interface RecordError {
  /** Position of the record in the file, counting from 0. */
  index: number;
  id: string | null;
  /** Where in the record, e.g. "schedules[0].opens_at". */
  path: string;
  message: string;
}

export function pathText(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '') || '(record)'
  );
}

function idOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

export interface ValidRecord {
  record: ServiceRecord;
  /** What the record sent that has no column, to store and serve back. */
  kept: KeptProperties;
  normalised: Notice[];
  keptWhole: Notice[];
  dropped: Notice[];
  warnings: Notice[];
}

/**
 * Checks one record as sent: loose dates and times read, repeated objects taken as one, what
 * cannot be filed kept whole, then the schema. `termKnown` says whether the directory has a
 * taxonomy term (an attribute naming one it has not is kept whole rather than filed).
 */
export function validateRecord(raw: unknown, index: number, termKnown: (id: string) => boolean = () => true): ValidRecord | { errors: RecordError[] } {
  const error = (path: string, message: string): RecordError => ({ index, id: idOf(raw), path, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { errors: [error('(record)', 'must be an object with fields')] };
  const normalised = normaliseRecord(raw as Record<string, unknown>);
  const separated = separateRepeats(normalised.record, termKnown);
  const result = serviceSchema.safeParse(separated.record);
  if (!result.success || normalised.errors.length) {
    // A value that could not be read is said once, in the reading's words.
    const unread = new Set(normalised.errors.map((notice) => notice.path));
    const schemaErrors = (result.error?.issues ?? []).map((issue) => error(pathText(originalPath(issue.path, separated.positions)), issue.message));
    return { errors: [...normalised.errors.map((notice) => error(notice.path, notice.message)), ...schemaErrors.filter((e) => !unread.has(e.path))] };
  }
  return {
    record: result.data,
    kept: { properties: unknownProperties(result.data), kept: separated.kept, sent: separated.sent },
    normalised: normalised.normalised,
    keptWhole: separated.notices,
    dropped: normalised.dropped,
    warnings: separated.warnings,
  };
}
