// Reviewing a suggestion field by field: the reviewer's decisions (accepted or rejected, with a
// note), the accepted record fields published onto the listing as it is now (or, for a new
// service, a new listing), the suggestion closed, and the person who suggested it told.
import type { App } from '../app';
import type { RecordError } from '../openreferral-schema/validate-record';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { EditConflictError, InvalidRecordError, publishRecord, readRecord, recordVersion, RECORD_FIELDS } from '../editing/publish';
import { sendMessage } from '../mail/outbox';
import { publicUrl as sitePublicUrl } from '../config';
import { newId } from '../ids';
import { newServiceRecord } from './new-service';
import { outcomeMessage } from './outcome-message';
import { readSuggestion, shortId, type StoredField, type StoredSuggestion } from './store';
import { servicePath } from '../service-paths';

export type Decision = 'accepted' | 'rejected';
export interface FieldDecision {
  decision: Decision;
  note: string;
}

/** The key a field's decision is posted under: its id, or "message" for a suggestion that is only a message. */
export const MESSAGE_KEY = 'message';

/** What a reviewer decides on: the suggestion's open fields, or its message when it has no fields. */
export function fieldsToDecide(stored: StoredSuggestion): { key: string; field: StoredField }[] {
  if (!stored.fields.length) {
    const after = stored.suggestion.message ?? 'They did not say what to change.';
    return [{ key: MESSAGE_KEY, field: { id: 0, field: 'note:message', before: null, after, decision: null, note: null, decidedBy: null, decidedAt: null } }];
  }
  return stored.fields.filter((field) => field.decision === null).map((field) => ({ key: String(field.id), field }));
}

const isRecordField = (field: string) => (RECORD_FIELDS as readonly string[]).includes(field);

export interface Reviewer {
  email: string;
}

export type ReviewOutcome =
  | { ok: true; serviceId: string | null; published: string[]; messageStatus: 'sent' | 'outbox' | 'failed' | 'none' }
  | { ok: false; problem: 'closed' | 'gone' | 'conflict' | 'name-needed' | 'undecided' }
  | { ok: false; problem: 'invalid'; errors: RecordError[] };

/**
 * Records every decision and publishes the accepted record fields onto the CURRENT listing (read
 * just before, so nothing anyone changed since is lost). Nothing is recorded when publishing is
 * refused (the listing would not be valid, or someone changed it at that very moment).
 */
export async function reviewSuggestion(
  app: App,
  suggestionId: string,
  decisions: ReadonlyMap<string, FieldDecision>,
  reviewer: Reviewer,
  now = new Date(),
): Promise<ReviewOutcome> {
  const { directory, search } = app;
  const db = directory.db;
  const stored = await readSuggestion(db, suggestionId);
  if (!stored || stored.suggestion.status !== 'open') return { ok: false, problem: 'closed' };
  const toDecide = fieldsToDecide(stored);
  if (toDecide.some(({ key }) => !decisions.has(key))) return { ok: false, problem: 'undecided' };
  const accepted = toDecide.filter(({ key }) => decisions.get(key)!.decision === 'accepted').map(({ field }) => field);
  const changedBy = `user ${reviewer.email}`;
  const reason = `Suggestion ${shortId(stored.suggestion.id)} from ${stored.suggestion.source}`;

  // Claimed first (closed, by this reviewer), so a double click or two reviewers at once cannot
  // both publish: the one that claims it goes on; if publishing then fails, it is opened again.
  const at = now.toISOString();
  const claim = await db
    .updateTable('suggestion')
    .set({ status: 'closed', closed_at: at, closed_by: reviewer.email })
    .where('id', '=', suggestionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(claim.numUpdatedRows) !== 1) return { ok: false, problem: 'closed' };
  const reopen = () =>
    db
      .updateTable('suggestion')
      .set({ status: 'open', closed_at: null, closed_by: null })
      .where('id', '=', suggestionId)
      .where('closed_at', '=', at)
      .where('closed_by', '=', reviewer.email)
      .execute();

  let serviceId = stored.suggestion.service_id;
  let published: string[] = [];
  let added = false;
  const refused = async (outcome: ReviewOutcome): Promise<ReviewOutcome> => {
    await reopen();
    return outcome;
  };
  try {
    if (stored.suggestion.kind === 'change') {
      const toPublish = accepted.filter((field) => isRecordField(field.field));
      if (toPublish.length) {
        if (!serviceId) return await refused({ ok: false, problem: 'gone' });
        const current = await readRecord(db, serviceId);
        if (!current) return await refused({ ok: false, problem: 'gone' });
        const next: Record<string, unknown> = { ...current };
        for (const field of toPublish) next[field.field] = field.after;
        const result = await publishRecord(directory, search, next as ServiceRecord, { expectedVersion: recordVersion(current), changedBy, reason, now });
        published = result.changes.map((change) => change.field);
      }
    } else {
      const parts = accepted.filter((field) => !field.field.startsWith('note:'));
      if (parts.length) {
        const name = parts.find((field) => field.field === 'name');
        if (!name) return await refused({ ok: false, problem: 'name-needed' });
        const record = await newServiceRecord(db, new Map(parts.map((field) => [field.field, field.after])), newId());
        const result = await publishRecord(directory, search, record, { expectedVersion: null, changedBy, reason, now });
        serviceId = result.record.id;
        published = result.changes.map((change) => change.field);
        added = true;
      }
    }
  } catch (error) {
    await reopen();
    if (error instanceof InvalidRecordError) return { ok: false, problem: 'invalid', errors: error.errors };
    if (error instanceof EditConflictError) return { ok: false, problem: 'conflict' };
    throw error;
  }

  const closed = await db.transaction().execute(async (trx) => {
    const update = await trx
      .updateTable('suggestion')
      .set({ service_id: serviceId })
      .where('id', '=', suggestionId)
      .where('closed_at', '=', at)
      .where('closed_by', '=', reviewer.email)
      .executeTakeFirst();
    if (Number(update.numUpdatedRows) !== 1) return false;
    for (const { key, field } of toDecide) {
      const { decision, note } = decisions.get(key)!;
      const values = { decision, note: note.trim() || null, decided_by: reviewer.email, decided_at: at };
      if (key === MESSAGE_KEY) {
        await trx
          .insertInto('suggestion_field')
          .values({
            suggestion_id: suggestionId,
            field: field.field,
            old_value: 'null',
            new_value: JSON.stringify(field.after),
            ...values,
          })
          .execute();
      } else {
        await trx.updateTable('suggestion_field').set(values).where('id', '=', field.id).where('suggestion_id', '=', suggestionId).execute();
      }
    }
    return true;
  });
  if (!closed) return { ok: false, problem: 'closed' };

  let messageStatus: 'sent' | 'outbox' | 'failed' | 'none' = 'none';
  const to = stored.suggestion.contact_email;
  if (to) {
    const decided = toDecide.map(({ key, field }) => ({ ...field, ...decisions.get(key)! }));
    const publicUrl = sitePublicUrl();
    const title =
      stored.suggestion.kind === 'new'
        ? stored.title
        : ((
            await db
              .selectFrom('service')
              .select('name')
              .where('id', '=', serviceId ?? '')
              .executeTakeFirst()
          )?.name ?? stored.title);
    const message = outcomeMessage({
      title,
      suggestedAt: stored.suggestion.created_at,
      fields: decided,
      added,
      listingUrl: serviceId && (stored.suggestion.kind === 'change' || added) ? `${publicUrl}${servicePath(serviceId)}` : null,
    });
    messageStatus = await sendMessage(db, { purpose: 'suggestion_outcome', to, ...message });
  }
  return { ok: true, serviceId, published, messageStatus };
}
