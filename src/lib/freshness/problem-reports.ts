// Problems with a listing reported by the public ("Report a problem" on every service page): the
// form's rules and messages, storing a report, and counting the open ones for the freshness rules.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { todayInUk } from '../dates';
import type { DatabaseSchema } from '../db/types';
import { queueSearchChanges } from '../db/search-outbox';

export const PROBLEM_KINDS = ['closed', 'full', 'details_wrong', 'moved', 'other'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const WRONG_DETAILS = ['times', 'place', 'cost', 'contact', 'who_for', 'how_to_start', 'other'] as const;
export type WrongDetail = (typeof WRONG_DETAILS)[number];

export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = {
  closed: 'It has closed or stopped running',
  full: 'It is full or not taking new people',
  details_wrong: 'Some of the details are wrong',
  moved: 'It has moved to a new place',
  other: 'Something else',
};

export const WRONG_DETAIL_LABELS: Record<WrongDetail, string> = {
  times: 'Days or times',
  place: 'Where it happens',
  cost: 'Cost',
  contact: 'Phone number, email or website',
  who_for: 'Who it is for',
  how_to_start: 'How to join or be referred',
  other: 'Something else',
};

export const MESSAGE_MAX_LENGTH = 1000;
export const EMAIL_MAX_LENGTH = 200;

/** The form's fields, in the order they appear. */
export const PROBLEM_REPORT_FIELDS = ['kind', 'details', 'message', 'contact_email'] as const;
export type ProblemReportField = (typeof PROBLEM_REPORT_FIELDS)[number];
export type ProblemReportErrors = Partial<Record<ProblemReportField, string>>;

/** What the person sent, as text, to show back to them after a mistake. */
export interface ProblemReportFormValues {
  kind: string;
  details: string[];
  message: string;
  contact_email: string;
}

export const EMPTY_FORM_VALUES: ProblemReportFormValues = { kind: '', details: [], message: '', contact_email: '' };

const MESSAGES = {
  kind: 'Choose what is wrong with this information.',
  details: 'Choose from the details listed.',
  messageTooLong: (length: number) =>
    `Your message has ${length.toLocaleString('en-GB')} characters. Please shorten it to ${MESSAGE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
  messageForOther: 'Tell us what is wrong.',
  messageForMoved: 'Tell us where it has moved to. If you do not know, write "not known".',
  emailInvalid: 'Enter an email address like name@example.com, or leave this empty.',
  emailTooLong: `Your email address must be ${EMAIL_MAX_LENGTH} characters or fewer.`,
} as const;

/** Browsers send a typed line break as CR LF; counted as one character, as the person typed it. */
function normaliseMessage(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const message = value.replace(/\r\n?/g, '\n');
  return message.trim() === '' ? undefined : message;
}

function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : value.trim();
}

/** The message the person must give for this kind of problem, if it is missing; else undefined. */
export function missingMessageError(kind: unknown, message: string | undefined): string | undefined {
  if (message !== undefined) return undefined;
  if (kind === 'other') return MESSAGES.messageForOther;
  if (kind === 'moved') return MESSAGES.messageForMoved;
  return undefined;
}

export const problemReportFormSchema = z
  .object({
    kind: z.enum(PROBLEM_KINDS, { errorMap: () => ({ message: MESSAGES.kind }) }),
    details: z.array(z.enum(WRONG_DETAILS, { errorMap: () => ({ message: MESSAGES.details }) })).default([]),
    // Kept as typed (only line breaks made plain): never tidied, shortened or guessed at.
    message: z.preprocess(
      normaliseMessage,
      z
        .string()
        .superRefine((message, ctx) => {
          if (message.length > MESSAGE_MAX_LENGTH) ctx.addIssue({ code: z.ZodIssueCode.custom, message: MESSAGES.messageTooLong(message.length) });
        })
        .optional(),
    ),
    contact_email: z.preprocess(blankToUndefined, z.string().max(EMAIL_MAX_LENGTH, MESSAGES.emailTooLong).email(MESSAGES.emailInvalid).optional()),
  })
  .superRefine((report, ctx) => {
    const message = missingMessageError(report.kind, report.message);
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['message'], message });
  })
  // Which details are wrong means something only for "some of the details are wrong".
  .transform((report) => ({
    ...report,
    details: report.kind === 'details_wrong' ? [...new Set(report.details)] : [],
  }));

export type ProblemReportInput = z.output<typeof problemReportFormSchema>;

export type ParsedProblemReport =
  { ok: true; report: ProblemReportInput; values: ProblemReportFormValues } | { ok: false; errors: ProblemReportErrors; values: ProblemReportFormValues };

/** The form's values from a posted body (a repeated field counts once; files count as nothing). */
export function formValuesFrom(form: FormData | URLSearchParams): ProblemReportFormValues {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    kind: text(form.get('kind')),
    details: form.getAll('details').map(text).filter(Boolean),
    message: text(form.get('message')),
    contact_email: text(form.get('contact_email')),
  };
}

/** Checks the form; on a mistake, one message per field, written for the person. */
export function parseProblemReport(values: ProblemReportFormValues): ParsedProblemReport {
  const parsed = problemReportFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, report: parsed.data, values };
  const errors: ProblemReportErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ProblemReportField;
    if (PROBLEM_REPORT_FIELDS.includes(field)) errors[field] ??= issue.message;
  }
  // zod skips the whole-form check when a field is wrong; say everything at once instead.
  errors.message ??= missingMessageError(values.kind, normaliseMessage(values.message) as string | undefined);
  if (!errors.message) delete errors.message;
  return { ok: false, errors, values };
}

/** The service a report would be about: its id and name, or undefined when there is none. */
export async function serviceToReport(db: Kysely<DatabaseSchema>, serviceId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('service').select(['id', 'name']).where('id', '=', serviceId).executeTakeFirst();
}

/** Stores one report as open; returns its id. Nothing about the person but the email they chose to give. */
export async function saveProblemReport(db: Kysely<DatabaseSchema>, serviceId: string, input: ProblemReportInput, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('problem_report')
      .values({
        id,
        service_id: serviceId,
        kind: input.kind,
        details: JSON.stringify(input.details),
        message: input.message ?? null,
        contact_email: input.contact_email ?? null,
        created_at: now.toISOString(),
        status: 'open',
        resolved_at: null,
      })
      .execute();
    // Results say a problem was reported: the listing's search document is built again.
    await queueSearchChanges(trx, [serviceId]);
  });
  return id;
}

export interface OpenReports {
  openReports: number;
  /** The UK date (YYYY-MM-DD) of the newest open report. */
  lastReportDate: string;
}

/**
 * Open reports per service (every service with any, or only those asked about), with the date of
 * the newest: what the freshness rule `reported_problem` needs.
 */
export async function openReportCounts(db: Kysely<DatabaseSchema>, serviceIds?: readonly string[]): Promise<Map<string, OpenReports>> {
  const counts = new Map<string, OpenReports>();
  const query = db
    .selectFrom('problem_report')
    .select((eb) => ['service_id', eb.fn.countAll<number>().as('open_reports'), eb.fn.max('created_at').as('newest')])
    .where('status', '=', 'open')
    .groupBy('service_id');
  const add = (rows: { service_id: string; open_reports: number | string | bigint; newest: string | null }[]) => {
    for (const row of rows) {
      counts.set(row.service_id, {
        openReports: Number(row.open_reports),
        lastReportDate: todayInUk(new Date(row.newest ?? 0)),
      });
    }
  };
  if (!serviceIds) {
    add(await query.execute());
    return counts;
  }
  const ids = [...new Set(serviceIds)];
  // In batches, to stay well under SQLite's limit on bound values.
  for (let start = 0; start < ids.length; start += 500) {
    add(await query.where('service_id', 'in', ids.slice(start, start + 500)).execute());
  }
  return counts;
}
