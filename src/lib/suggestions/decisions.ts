// The review form's decisions, one per field (accepted or rejected, and an optional note),
// checked with zod; every field must have a decision.
import { z } from 'zod';
import type { FieldDecision } from './review';

export const NOTE_MAX_LENGTH = 1000;

export type DecisionValues = Record<string, { decision: string; note: string }>;
export type DecisionErrors = Record<string, string>;

const decisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  note: z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(NOTE_MAX_LENGTH, `Please keep the note to ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`)),
});

export type ParsedDecisions =
  { ok: true; decisions: Record<string, FieldDecision>; values: DecisionValues } | { ok: false; errors: DecisionErrors; values: DecisionValues };

/** Reads `decision-<key>` and `note-<key>` for each field to decide. */
export function parseDecisions(form: URLSearchParams | FormData, fields: readonly { key: string; field: string }[]): ParsedDecisions {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values: DecisionValues = {};
  const errors: DecisionErrors = {};
  const decisions: Record<string, FieldDecision> = {};
  for (const { key, field } of fields) {
    values[key] = { decision: text(`decision-${key}`), note: text(`note-${key}`) };
    const parsed = decisionSchema.safeParse(values[key]);
    if (parsed.success) {
      decisions[key] = parsed.data;
      continue;
    }
    const issue = parsed.error.issues[0]!;
    errors[key] =
      issue.path[0] === 'decision'
        ? field.startsWith('note:')
          ? 'Choose "Done by hand" or "Not needed".'
          : 'Choose whether to accept or reject this change.'
        : issue.message;
  }
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, decisions, values };
}
