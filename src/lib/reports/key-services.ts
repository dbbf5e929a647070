// The starter pack: services the panel marks as "key local services" for a type of help, which
// every signed-in person's start page lists, so what a team knows does not leave with people.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from '../db/types';
import { getTaxonomy } from '../taxonomy/taxonomy';

export const keyServiceSchema = z.object({
  action: z.enum(['mark', 'unmark']),
  category: z
    .string()
    .trim()
    .min(1, 'Choose a type of help.')
    .max(100)
    .refine((id) => getTaxonomy().categoryByCode.has(id), 'Choose a type of help from the list.'),
  service: z.string().trim().min(1, 'Choose a service.').max(100),
});

export type KeyOutcome = { ok: true; action: 'mark' | 'unmark'; name: string } | { ok: false; errors: Record<string, string> };

export async function changeKeyService(db: Kysely<DatabaseSchema>, input: unknown, userId: string, now = new Date()): Promise<KeyOutcome> {
  const parsed = keyServiceSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
    return { ok: false, errors };
  }
  const { action, category, service } = parsed.data;
  return db.transaction().execute(async (trx): Promise<KeyOutcome> => {
    const found = await trx.selectFrom('service').select(['id', 'name']).where('id', '=', service).executeTakeFirst();
    if (!found) return { ok: false, errors: { service: 'That service is not in the directory.' } };
    let changed: boolean;
    if (action === 'mark') {
      const inserted = await trx
        .insertInto('key_service')
        .values({ category_id: category, service_id: service, marked_by: userId, marked_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['category_id', 'service_id']).doNothing())
        .executeTakeFirst();
      changed = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    } else {
      // A mark is a pointer, not a record anyone needs later: unmarking removes it (the history keeps who and when).
      const deleted = await trx.deleteFrom('key_service').where('category_id', '=', category).where('service_id', '=', service).executeTakeFirst();
      changed = Number(deleted.numDeletedRows) > 0;
    }
    if (changed) {
      const email = (await trx.selectFrom('user_account').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? userId;
      await trx
        .insertInto('change_history')
        .values({
          entity: 'key_service',
          entity_id: `${category}:${service}`,
          action: action === 'mark' ? 'create' : 'delete',
          field: 'key_service',
          old_value: action === 'mark' ? null : 'marked',
          new_value: action === 'mark' ? 'marked' : null,
          changed_at: now.toISOString(),
          changed_by: `user ${email}`,
          reason: null,
        })
        .execute();
    }
    return { ok: true, action, name: found.name };
  });
}

export interface KeyServiceGroup {
  categoryId: string;
  categoryName: string;
  services: { id: string; name: string; status: string }[];
}

/** Key services grouped by type of help, in the taxonomy's order, services by name. */
export async function keyServicesByCategory(db: Kysely<DatabaseSchema>, onlyCategory?: string): Promise<KeyServiceGroup[]> {
  let query = db
    .selectFrom('key_service')
    .innerJoin('service', 'service.id', 'key_service.service_id')
    .select(['key_service.category_id', 'service.id', 'service.name', 'service.status']);
  if (onlyCategory) query = query.where('key_service.category_id', '=', onlyCategory);
  const rows = await query.orderBy('service.name').execute();
  const groups: KeyServiceGroup[] = [];
  for (const term of getTaxonomy().categories) {
    const services = rows.filter((row) => row.category_id === term.id).map((row) => ({ id: row.id, name: row.name, status: row.status }));
    if (services.length) groups.push({ categoryId: term.id, categoryName: term.name, services });
  }
  return groups;
}

/** Services whose name has the words in it, for marking (at most 20). */
export async function findServicesByName(db: Kysely<DatabaseSchema>, words: string): Promise<{ id: string; name: string }[]> {
  const text = words.trim().slice(0, 100);
  if (!text) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .selectFrom('service')
      .select(['id', 'name'])
      // lower() on both sides: SQLite's like ignores case, PostgreSQL's does not.
      .where(sql<boolean>`lower(name) like lower(${pattern}) escape '\\'`)
      .orderBy('name')
      .limit(20)
      .execute()
  );
}
