// "Confirm in one click": signed, single-use links that let a provider tell us, without an
// account, whether their service still runs; the form's rules; and recording the answer.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import { longDate, todayInUk } from '../dates';
import type { ConfirmationLinkRow, DatabaseSchema, ServiceTable } from '../db/types';
import { newId } from '../ids';
import { queueSearchChanges } from '../db/search-outbox';
import { appConfig } from '../config';
import { CAPACITY_STATUS, CONFIRMATION_ANSWER } from '../vocabulary';
import { CAPACITY_STATUSES } from '../openreferral-schema/schemas';
import { insertSuggestion } from '../suggestions/store';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export const DEFAULT_LINK_DAYS = 28;
const SECRET_SETTING = 'confirmation_secret';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Links

/**
 * The signing secret: CONFIRMATION_SECRET when set; otherwise one made at random the first time
 * and kept in app_setting, so links sent before a restart still work after it.
 */
export async function confirmationSecret(db: Db, configured = appConfig().CONFIRMATION_SECRET): Promise<string> {
  if (configured) return configured;
  const read = async () => (await db.selectFrom('app_setting').select('value').where('key', '=', SECRET_SETTING).executeTakeFirst())?.value;
  const stored = await read();
  if (stored) return stored;
  // Two processes may get here at once: the first insert wins and both read it back.
  await db
    .insertInto('app_setting')
    .values({ key: SECRET_SETTING, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())!;
}

function sign(secret: string, id: string, expiry: string): string {
  return createHmac('sha256', secret).update(`check.${id}.${expiry}`).digest('base64url');
}

/** Makes a link for a provider to say whether the service still runs: the path "/confirm/<token>". */
export async function createConfirmationLink(
  db: Kysely<DatabaseSchema>,
  serviceId: string,
  options: { now?: Date; days?: number; secret?: string } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const expires = new Date(now.getTime() + (options.days ?? DEFAULT_LINK_DAYS) * DAY_MS);
  const id = randomBytes(16).toString('base64url');
  const expiry = String(Math.floor(expires.getTime() / 1000));
  await db
    .insertInto('confirmation_link')
    .values({
      id,
      service_id: serviceId,
      purpose: 'check',
      created_at: now.toISOString(),
      expires_at: new Date(Number(expiry) * 1000).toISOString(),
      used_at: null,
      used_answer: null,
    })
    .execute();
  return `/confirm/${id}.${expiry}.${sign(await confirmationSecret(db, options.secret), id, expiry)}`;
}

export type LinkProblem = 'malformed' | 'tampered' | 'expired' | 'used' | 'unknown';

export interface LinkedService {
  id: string;
  name: string;
  status: string;
}

export type LinkVerdict =
  | { ok: true; link: ConfirmationLinkRow; service: LinkedService }
  /** For 'expired' and 'used', the service too, so the page can point to its listing. */
  | { ok: false; reason: LinkProblem; service?: LinkedService };

// 16 random bytes, seconds since 1970, and a SHA-256 HMAC, each base64url (or digits).
const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** Is this token one we made, for a link that is still there, unused and in date? */
export async function verifyConfirmationLink(db: Kysely<DatabaseSchema>, token: string, now = new Date(), secret?: string): Promise<LinkVerdict> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, id, expiry, signature] = match as unknown as [string, string, string, string];
  // Compared as text (equal lengths, by the pattern), so a base64url character that differs only
  // in unused bits still counts as different; and in constant time, so timing gives nothing away.
  const expected = sign(await confirmationSecret(db, secret), id, expiry);
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return { ok: false, reason: 'tampered' };

  const link = await db.selectFrom('confirmation_link').selectAll().where('id', '=', id).executeTakeFirst();
  if (!link) return { ok: false, reason: 'unknown' };
  const service = await db.selectFrom('service').select(['id', 'name', 'status']).where('id', '=', link.service_id).executeTakeFirst();
  if (!service) return { ok: false, reason: 'unknown' };
  if (link.used_at) return { ok: false, reason: 'used', service };
  if (Date.parse(link.expires_at) <= now.getTime()) return { ok: false, reason: 'expired', service };
  return { ok: true, link, service };
}

// ---------------------------------------------------------------------------------------------
// The answer and its form

export const CONFIRMATION_ANSWERS = CONFIRMATION_ANSWER.values;
export type ConfirmationAnswerKind = (typeof CONFIRMATION_ANSWERS)[number];
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

export const ANSWER_LABELS: Readonly<Record<ConfirmationAnswerKind, string>> = CONFIRMATION_ANSWER.labels;
/** The same words as search and the editor use (src/lib/vocabulary.ts). */
export const CAPACITY_LABELS: Readonly<Record<CapacityStatus, string>> = CAPACITY_STATUS.labels;

export interface ConfirmationAnswer {
  answer: ConfirmationAnswerKind;
  /** For 'running_with_changes': what changed, in the provider's words. */
  changes?: string;
  /** For 'closed': when (YYYY-MM-DD) and, if they said, why. */
  closingDate?: string;
  closingReason?: string;
  /** When its funding ends (YYYY-MM-DD), if they told us. */
  fundingEndDate?: string;
  /** Whether it takes new people now, if they told us. */
  capacity?: { status: CapacityStatus; waitingWeeks?: number | null };
}

export const CHANGES_MAX_LENGTH = 1000;
export const REASON_MAX_LENGTH = 200;
export const MAX_WAITING_WEEKS = 104;

export const CONFIRMATION_FIELDS = ['answer', 'changes', 'closing_date', 'closing_reason', 'funding_end_date', 'capacity_status', 'waiting_weeks'] as const;
export type ConfirmationField = (typeof CONFIRMATION_FIELDS)[number];
export type ConfirmationFormValues = Record<ConfirmationField, string>;
export type ConfirmationErrors = Partial<Record<ConfirmationField, string>>;

export const EMPTY_CONFIRMATION_VALUES: ConfirmationFormValues = {
  answer: '',
  changes: '',
  closing_date: '',
  closing_reason: '',
  funding_end_date: '',
  capacity_status: '',
  waiting_weeks: '',
};

/** The posted fields as text (the last of each), to check and to show back after a mistake. */
export function confirmationValuesFrom(form: URLSearchParams | FormData): ConfirmationFormValues {
  const values = { ...EMPTY_CONFIRMATION_VALUES };
  for (const field of CONFIRMATION_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/** "2026-11-12", "12/11/2026" or "12-11-2026" as YYYY-MM-DD, when it is a real date. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  let parts: [number, number, number] | null = null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const blank = (value: string) => value.trim() === '';
const lines = (value: string) => value.replace(/\r\n?/g, '\n').trim();
const dateText = z.string().transform((value, ctx) => {
  if (blank(value)) return undefined;
  const date = parseDate(value);
  if (!date) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Enter a real date, for example 12/11/2026.' });
  return date ?? undefined;
});

const formSchema = z.object({
  answer: z.enum(CONFIRMATION_ANSWERS, { errorMap: () => ({ message: 'Choose whether it is still running.' }) }),
  changes: z
    .string()
    .transform(lines)
    .pipe(z.string().max(CHANGES_MAX_LENGTH, `Please keep what has changed to ${CHANGES_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`)),
  closing_date: dateText,
  closing_reason: z
    .string()
    .transform(lines)
    .pipe(z.string().max(REASON_MAX_LENGTH, `Please keep the reason to ${REASON_MAX_LENGTH} characters or fewer.`)),
  funding_end_date: dateText,
  capacity_status: z.union([z.literal(''), z.enum(CAPACITY_STATUSES)], { errorMap: () => ({ message: 'Choose from the options listed.' }) }),
  waiting_weeks: z
    .string()
    .trim()
    .refine((value) => value === '' || (/^\d{1,3}$/.test(value) && Number(value) <= MAX_WAITING_WEEKS), {
      message: `Enter the number of weeks as a whole number from 0 to ${MAX_WAITING_WEEKS}, or leave this empty.`,
    }),
});

/** Mistakes that depend on more than one field, found from what was sent even when other fields are wrong. */
function crossFieldErrors(values: ConfirmationFormValues): ConfirmationErrors {
  const errors: ConfirmationErrors = {};
  if (values.answer === 'running_with_changes' && blank(values.changes)) errors.changes = 'Tell us what has changed.';
  if (values.answer === 'closed' && blank(values.closing_date)) {
    errors.closing_date = 'Enter the date it closed, for example 12/11/2026. If you are not sure, give your best guess.';
  }
  if (!blank(values.waiting_weeks) && blank(values.capacity_status)) {
    errors.capacity_status = 'Choose whether it is taking new people, or leave the waiting time empty.';
  }
  return errors;
}

export type ConfirmationParse = { ok: true; answer: ConfirmationAnswer } | { ok: false; values: ConfirmationFormValues; errors: ConfirmationErrors };

/** Checks the posted form; each mistake is said in words for the field it is about. */
export function parseConfirmationForm(values: ConfirmationFormValues): ConfirmationParse {
  const result = formSchema.safeParse(values);
  const errors: ConfirmationErrors = {};
  for (const issue of result.success ? [] : result.error.issues) errors[issue.path[0] as ConfirmationField] ??= issue.message;
  for (const [field, message] of Object.entries(crossFieldErrors(values))) errors[field as ConfirmationField] ??= message;
  if (!result.success || Object.keys(errors).length) return { ok: false, values, errors };
  const form = result.data;
  const answer: ConfirmationAnswer = { answer: form.answer };
  if (form.answer === 'running_with_changes') answer.changes = form.changes;
  if (form.answer === 'closed') {
    answer.closingDate = form.closing_date!;
    if (form.closing_reason) answer.closingReason = form.closing_reason;
  }
  if (form.funding_end_date) answer.fundingEndDate = form.funding_end_date;
  if (form.capacity_status) {
    answer.capacity = { status: form.capacity_status, waitingWeeks: form.waiting_weeks === '' ? null : Number(form.waiting_weeks) };
  }
  return { ok: true, answer };
}

/** The alert a closed service shows: "Closed on 12 November 2026: funding ended". */
export function closedAlert(closingDate: string, reason?: string): string {
  return `Closed on ${longDate(closingDate)}${reason ? `: ${reason.replace(/\s+/g, ' ').replace(/[.\s]+$/, '')}` : ''}`;
}

/** What was recorded, in sentences for the thank-you page. */
export function recordedSentences(answer: ConfirmationAnswer, today: string): string[] {
  const sentences = {
    running: `${longDate(today)}: it is still running and its details are right.`,
    running_with_changes: 'It is still running, and some details have changed. We will check your changes and update the listing.',
    paused: 'It is paused for now. The listing now says it is closed for the time being.',
    closed: answer.closingDate ? `It has closed for good. The listing now says: "${closedAlert(answer.closingDate, answer.closingReason)}".` : '',
  };
  const said = [sentences[answer.answer]];
  if (answer.fundingEndDate) said.push(`Its funding ends on ${longDate(answer.fundingEndDate)}.`);
  if (answer.capacity) {
    const weeks = answer.capacity.waitingWeeks;
    said.push(
      `Taking new people now? ${CAPACITY_LABELS[answer.capacity.status]}${weeks != null ? `, with a wait of about ${weeks} ${weeks === 1 ? 'week' : 'weeks'}` : ''}.`,
    );
  }
  return said.filter(Boolean);
}

export class LinkAlreadyUsedError extends Error {
  constructor() {
    super('This confirmation link has already been used');
  }
}

export interface FieldChange {
  entity: string;
  entityId: string;
  /** 'update', or 'create' for a row added (HSDS last_action_type). */
  action: 'update' | 'create';
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ConfirmationOutcome {
  changes: FieldChange[];
  /** For 'running_with_changes': the suggestion (in the review queue) that carries what changed. */
  suggestionId: string | null;
}

const text = (value: string | number | null | undefined): string | null => (value == null ? null : String(value));

/**
 * Records a provider's answer in one transaction: the service's own fields, its funding and
 * capacity if given, a change_history row for every field that changed, and the link marked
 * used (refused with LinkAlreadyUsedError if another request used it first).
 *
 * The service's record_hash is left as it is, on purpose: it is the hash of the feed's record as
 * last imported, not of the row, and only tells the importer whether the feed changed. Kept, an
 * import of the same feed record leaves the provider's answer in place; when the feed's record
 * does change, the import rewrites the row from the feed as it always does (and this answer is
 * still in change_history). Clearing it would make the next import undo the answer at once.
 */
export async function answerConfirmation(
  db: Kysely<DatabaseSchema>,
  link: ConfirmationLinkRow,
  answer: ConfirmationAnswer,
  now = new Date(),
): Promise<ConfirmationOutcome> {
  const today = todayInUk(now);
  const changedAt = now.toISOString();
  const changedBy = `provider link ${link.id}`;
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('confirmation_link')
      .set({ used_at: changedAt, used_answer: answer.answer })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new LinkAlreadyUsedError();

    const service = await trx
      .selectFrom('service')
      .select(['id', 'status', 'assured_date', 'alert', 'capacity_status', 'waiting_weeks', 'capacity_updated'])
      .where('id', '=', link.service_id)
      .executeTakeFirstOrThrow();
    const changes: FieldChange[] = [];
    const reasons: Record<string, string> = {};

    const update: Partial<Record<'status' | 'assured_date' | 'alert' | 'capacity_status' | 'waiting_weeks' | 'capacity_updated', string | number | null>> = {};
    const set = (field: keyof typeof update, value: string | number | null, reason: string) => {
      if (text(service[field]) === text(value)) return;
      update[field] = value;
      reasons[field] = reason;
      changes.push({ entity: 'service', entityId: service.id, action: 'update', field, oldValue: text(service[field]), newValue: text(value) });
    };

    if (answer.answer === 'running') {
      set('assured_date', today, 'The provider confirmed it is still running and nothing has changed.');
    } else if (answer.answer === 'paused') {
      set('status', 'temporarily closed', 'The provider said it is paused for now.');
      set('assured_date', today, 'The provider said it is paused for now.');
    } else if (answer.answer === 'closed') {
      const alert = closedAlert(answer.closingDate ?? today, answer.closingReason);
      set('status', 'defunct', alert);
      set('alert', alert, alert);
    }
    // 'running_with_changes' does not assure the details: they are known to be out of date until
    // someone has made the changes.
    if (answer.capacity) {
      const reason = 'The provider told us whether it is taking new people.';
      set('capacity_status', answer.capacity.status, reason);
      set('waiting_weeks', answer.capacity.waitingWeeks ?? null, reason);
      set('capacity_updated', today, reason);
    }
    if (Object.keys(update).length)
      await trx
        .updateTable('service')
        .set(update as Updateable<ServiceTable>)
        .where('id', '=', service.id)
        .execute();
    // Search shows the answer (checked today, paused, closed, taking people or not) once it is applied.
    await queueSearchChanges(trx, [service.id], changedAt);

    if (answer.fundingEndDate) {
      const reason = 'The provider told us when its funding ends.';
      // The latest funding: one with no end date yet, else the one ending last.
      const funding = await trx
        .selectFrom('funding')
        .select(['id', 'end_date'])
        .where('service_id', '=', service.id)
        .orderBy((eb) => eb('end_date', 'is', null), 'desc')
        .orderBy('end_date', 'desc')
        .orderBy('position', 'desc')
        .executeTakeFirst();
      if (!funding) {
        const id = newId();
        await trx
          .insertInto('funding')
          .values({ id, service_id: service.id, source: null, start_date: null, end_date: answer.fundingEndDate, position: 0 })
          .execute();
        changes.push({ entity: 'funding', entityId: id, action: 'create', field: 'end_date', oldValue: null, newValue: answer.fundingEndDate });
        reasons[`funding:${id}`] = reason;
      } else if (funding.end_date !== answer.fundingEndDate) {
        await trx.updateTable('funding').set({ end_date: answer.fundingEndDate }).where('id', '=', funding.id).execute();
        changes.push({
          entity: 'funding',
          entityId: funding.id,
          action: 'update',
          field: 'end_date',
          oldValue: funding.end_date,
          newValue: answer.fundingEndDate,
        });
        reasons[`funding:${funding.id}`] = reason;
      }
    }

    let suggestionId: string | null = null;
    if (answer.answer === 'running_with_changes') {
      // The provider's words go to the panel's review queue as a suggestion to read and make by hand.
      suggestionId = newId();
      await insertSuggestion(trx, suggestionId, changedAt, {
        kind: 'change',
        serviceId: service.id,
        source: 'provider_link',
        message: answer.changes ?? '',
        fields: [],
      });
    }

    if (changes.length) {
      await trx
        .insertInto('change_history')
        .values(
          changes.map((change) => ({
            entity: change.entity,
            entity_id: change.entityId,
            action: change.action,
            field: change.field,
            old_value: change.oldValue,
            new_value: change.newValue,
            changed_at: changedAt,
            changed_by: changedBy,
            reason: reasons[change.entity === 'service' ? change.field : `funding:${change.entityId}`] ?? null,
          })),
        )
        .execute();
    }
    return { changes, suggestionId };
  });
}
