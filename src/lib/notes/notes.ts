// Practitioner notes: what a team knows about a service that the public never sees ("ring Jo
// first, she meets new people at the door"). About the service, never about a client: text that
// looks like it holds an NHS number, a date of birth or a National Insurance number is refused.
// Archived (by the author, the panel or an admin), never deleted.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from '../db/types';
import type { SessionUser } from '../accounts/sessions';
import { newId } from '../ids';

export const NOTE_MAX_LENGTH = 1000;

export type IdentifierKind = 'nhs_number' | 'date_of_birth' | 'national_insurance';

export const IDENTIFIER_MESSAGES: Record<IdentifierKind, string> = {
  nhs_number:
    "This note looks like it holds an NHS number (10 digits). Notes are about the service, never about a client: take the number out and try again. If it is the service's phone number, write it as they do, starting with 0.",
  date_of_birth: "This note looks like it holds someone's date of birth. Notes are about the service, never about a client: take it out and try again.",
  national_insurance:
    'This note looks like it holds a National Insurance number. Notes are about the service, never about a client: take it out and try again.',
};

/** Only digits, with a UK "+44" or "44" in front turned back into 0, for comparing phone numbers. */
function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.startsWith('44') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

// Ten digits on their own, together or spaced (or hyphened) 3-3-4, the way NHS numbers are written.
const NHS_NUMBER = /(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;
// "DOB", "D.O.B.", "date of birth", "born on", "born 3 May", "born 03/05/1990".
const DATE_OF_BIRTH = /\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s*date|born\s+on\b|born\s+\d)/i;
// Two letters (not D, F, I, Q, U, V; the second not O), six digits, A to D; spaces allowed as printed.
const NATIONAL_INSURANCE = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i;

/**
 * Which personal identifier, if any, the text looks like it holds. A run of ten digits is allowed
 * when it is one of the service's own phone numbers (or a number written with +44 in front).
 */
export function personalIdentifierIn(text: string, servicePhones: readonly string[] = []): IdentifierKind | null {
  const phones = servicePhones.map(phoneDigits).filter((digits) => digits.length >= 7);
  for (const match of text.matchAll(NHS_NUMBER)) {
    const digits = match.slice(1, 4).join('');
    const before = text.slice(Math.max(0, (match.index ?? 0) - 8), match.index ?? 0);
    if (/(?:\+\s?44|\(0\))\s*$/.test(before)) continue;
    if (phones.some((phone) => phone.endsWith(digits) || phone === `0${digits}` || phone === digits)) continue;
    return 'nhs_number';
  }
  if (DATE_OF_BIRTH.test(text)) return 'date_of_birth';
  if (NATIONAL_INSURANCE.test(text)) return 'national_insurance';
  return null;
}

/** The posted note form: add a note, or archive one. `servicePhones` are the listing's own numbers. */
export function noteFormSchema(servicePhones: readonly string[] = []) {
  return z.discriminatedUnion('action', [
    z.object({
      action: z.literal('add'),
      body: z
        .string()
        .transform((text) => text.replace(/\r\n?/g, '\n').trim())
        .pipe(
          z
            .string()
            .min(1, 'Write your note in the box first.')
            .max(NOTE_MAX_LENGTH, `A note can have at most ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters. Please make it shorter.`)
            .superRefine((text, context) => {
              const kind = personalIdentifierIn(text, servicePhones);
              if (kind) context.addIssue({ code: z.ZodIssueCode.custom, message: IDENTIFIER_MESSAGES[kind] });
            }),
        ),
    }),
    z.object({
      action: z.literal('archive'),
      note: z.string().min(1).max(100),
    }),
  ]);
}

export type NoteForm = z.infer<ReturnType<typeof noteFormSchema>>;

export interface PractitionerNote {
  id: string;
  body: string;
  createdAt: string;
  authorId: string;
  authorName: string;
}

/** The notes on a listing that are not archived, newest first, with their authors' names. */
export async function listNotes(db: Kysely<DatabaseSchema>, serviceId: string): Promise<PractitionerNote[]> {
  const rows = await db
    .selectFrom('practitioner_note')
    .innerJoin('user_account', 'user_account.id', 'practitioner_note.author_id')
    .select([
      'practitioner_note.id',
      'practitioner_note.body',
      'practitioner_note.created_at',
      'practitioner_note.author_id',
      'user_account.name',
      'user_account.email',
    ])
    .where('practitioner_note.service_id', '=', serviceId)
    .where('practitioner_note.archived_at', 'is', null)
    .orderBy('practitioner_note.created_at', 'desc')
    .orderBy('practitioner_note.id')
    .execute();
  return rows.map((row) => ({ id: row.id, body: row.body, createdAt: row.created_at, authorId: row.author_id, authorName: row.name || row.email }));
}

export async function addNote(db: Kysely<DatabaseSchema>, note: { serviceId: string; authorId: string; body: string; now?: Date }): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('practitioner_note')
      .values({
        id,
        service_id: note.serviceId,
        author_id: note.authorId,
        body: note.body,
        created_at: (note.now ?? new Date()).toISOString(),
        archived_at: null,
        archived_by: null,
      })
      .execute();
  });
  return id;
}

/** Its author may archive a note, and so may the panel and admins. */
export function mayArchiveNote(user: SessionUser, note: Pick<PractitionerNote, 'authorId'>): boolean {
  return note.authorId === user.id || user.role === 'panel' || user.role === 'admin';
}

/** Archives one note of this listing; says why not when it cannot. The row is kept. */
export async function archiveNote(
  db: Kysely<DatabaseSchema>,
  request: { serviceId: string; noteId: string; user: SessionUser; now?: Date },
): Promise<'archived' | 'not-found' | 'not-allowed'> {
  return db.transaction().execute(async (trx) => {
    const note = await trx
      .selectFrom('practitioner_note')
      .select(['id', 'author_id', 'archived_at'])
      .where('id', '=', request.noteId)
      .where('service_id', '=', request.serviceId)
      .executeTakeFirst();
    if (!note || note.archived_at) return 'not-found';
    if (!mayArchiveNote(request.user, { authorId: note.author_id })) return 'not-allowed';
    await trx
      .updateTable('practitioner_note')
      .set({ archived_at: (request.now ?? new Date()).toISOString(), archived_by: request.user.id })
      .where('id', '=', note.id)
      .execute();
    return 'archived';
  });
}

/** Carries a refused note from the notes route to the service page it re-renders (Astro rewrite). */
export interface NoteDraft {
  body: string;
  error: string;
}
const DRAFT = Symbol.for('directory.noteDraft');

export function setNoteDraft(locals: object, draft: NoteDraft): void {
  (locals as Record<symbol, unknown>)[DRAFT] = draft;
}

export function noteDraftOf(locals: object): NoteDraft | undefined {
  return (locals as Record<symbol, unknown>)[DRAFT] as NoteDraft | undefined;
}
