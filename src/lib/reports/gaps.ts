// The gap register: where there is nothing to refer to. Panel members raise a gap (area, type of
// help, a short description of the gap, never of a person) and move it on: raised, acknowledged,
// being worked on, resolved (optionally naming the new service that filled it). Every status
// change is kept in change_history (entity 'gap'). Gaps are never deleted.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema, GapStatus } from '../db/types';
import { newId } from '../ids';
import { areaById } from '../geo/areas';
import { getTaxonomy } from '../taxonomy/taxonomy';

export const GAP_STATUSES: readonly GapStatus[] = ['raised', 'acknowledged', 'being_worked_on', 'resolved'];
export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  raised: 'Raised',
  acknowledged: 'Acknowledged',
  being_worked_on: 'Being worked on',
  resolved: 'Resolved',
};
export const DESCRIPTION_MAX = 500;

export const raiseGapSchema = z.object({
  area: z
    .string()
    .trim()
    .min(1, 'Choose the area where the gap is.')
    .max(100)
    .refine((id) => areaById(id) !== undefined, 'Choose an area from the list.'),
  category: z
    .string()
    .trim()
    .min(1, 'Choose the type of help that is missing.')
    .max(100)
    .refine((id) => getTaxonomy().categoryByCode.has(id), 'Choose a type of help from the list.'),
  description: z
    .string()
    .trim()
    .min(1, 'Describe the gap in a sentence or two.')
    .max(DESCRIPTION_MAX, `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`),
});

export const changeStatusSchema = z.object({
  gap: z.string().trim().min(1).max(100),
  status: z.enum(['raised', 'acknowledged', 'being_worked_on', 'resolved'], { errorMap: () => ({ message: 'Choose a status from the list.' }) }),
  filled_by: z.string().trim().max(100).default(''),
});

export type GapOutcome = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

function errorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
  return errors;
}

export async function raiseGap(db: Kysely<DatabaseSchema>, input: unknown, user: { id: string; email: string }, now = new Date()): Promise<GapOutcome> {
  const parsed = raiseGapSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const id = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('gap')
      .values({
        id,
        area_id: parsed.data.area,
        category_id: parsed.data.category,
        description: parsed.data.description,
        raised_by: user.id,
        raised_at: at,
        status: 'raised',
        status_changed_at: at,
        status_changed_by: user.id,
        filled_by_service_id: null,
      })
      .execute();
    await trx
      .insertInto('change_history')
      .values({
        entity: 'gap',
        entity_id: id,
        action: 'create',
        field: 'status',
        old_value: null,
        new_value: 'raised',
        changed_at: at,
        changed_by: `user ${user.email}`,
        reason: null,
      })
      .execute();
  });
  return { ok: true, id };
}

/** Moves a gap on to a later status (never back), recording the change in change_history. */
export async function changeGapStatus(db: Kysely<DatabaseSchema>, input: unknown, user: { id: string; email: string }, now = new Date()): Promise<GapOutcome> {
  const parsed = changeStatusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const { gap: id, status, filled_by: filledBy } = parsed.data;
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<GapOutcome> => {
    const gap = await trx.selectFrom('gap').selectAll().where('id', '=', id).executeTakeFirst();
    if (!gap) return { ok: false, errors: { gap: 'That gap is not in the register.' } };
    if (GAP_STATUSES.indexOf(status) <= GAP_STATUSES.indexOf(gap.status)) {
      return { ok: false, errors: { status: `This gap is already “${GAP_STATUS_LABELS[gap.status]}”. Choose a later status.` } };
    }
    if (filledBy && status !== 'resolved') return { ok: false, errors: { filled_by: 'Only a resolved gap can name the service that filled it.' } };
    if (filledBy && !(await trx.selectFrom('service').select('id').where('id', '=', filledBy).executeTakeFirst())) {
      return { ok: false, errors: { filled_by: 'That service is not in the directory. Check its id.' } };
    }
    await trx
      .updateTable('gap')
      .set({
        status,
        status_changed_at: at,
        status_changed_by: user.id,
        ...(filledBy ? { filled_by_service_id: filledBy } : {}),
      })
      .where('id', '=', id)
      .execute();
    const changedBy = `user ${user.email}`;
    await trx
      .insertInto('change_history')
      .values({
        entity: 'gap',
        entity_id: id,
        action: 'update',
        field: 'status',
        old_value: gap.status,
        new_value: status,
        changed_at: at,
        changed_by: changedBy,
        reason: null,
      })
      .execute();
    if (filledBy) {
      await trx
        .insertInto('change_history')
        .values({
          entity: 'gap',
          entity_id: id,
          action: 'update',
          field: 'filled_by_service_id',
          old_value: gap.filled_by_service_id,
          new_value: filledBy,
          changed_at: at,
          changed_by: changedBy,
          reason: null,
        })
        .execute();
    }
    return { ok: true, id };
  });
}

export interface GapView {
  id: string;
  areaId: string;
  categoryId: string;
  description: string;
  status: GapStatus;
  raisedAt: string;
  raisedBy: string;
  statusChangedAt: string;
  filledBy: { id: string; name: string } | null;
}

export async function listGaps(db: Kysely<DatabaseSchema>): Promise<GapView[]> {
  const rows = await db
    .selectFrom('gap')
    .leftJoin('user_account', 'user_account.id', 'gap.raised_by')
    .leftJoin('service', 'service.id', 'gap.filled_by_service_id')
    .select([
      'gap.id',
      'gap.area_id',
      'gap.category_id',
      'gap.description',
      'gap.status',
      'gap.raised_at',
      'gap.status_changed_at',
      'gap.filled_by_service_id',
      'user_account.name as raiser_name',
      'user_account.email as raiser_email',
      'service.name as service_name',
    ])
    .orderBy('gap.raised_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    areaId: row.area_id,
    categoryId: row.category_id,
    description: row.description,
    status: row.status,
    raisedAt: row.raised_at,
    raisedBy: row.raiser_name || row.raiser_email || 'Unknown',
    statusChangedAt: row.status_changed_at,
    filledBy: row.filled_by_service_id ? { id: row.filled_by_service_id, name: row.service_name ?? row.filled_by_service_id } : null,
  }));
}
