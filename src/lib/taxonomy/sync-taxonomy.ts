// Writes the taxonomy from content/ into the taxonomy tables, so attributes can point at it.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY, getTaxonomy } from './taxonomy';

export async function syncTaxonomy(db: Kysely<DatabaseSchema>): Promise<void> {
  const taxonomy = getTaxonomy();
  await db.transaction().execute(async (trx) => {
    for (const t of [CATEGORY_TAXONOMY, ACCESSIBILITY_TAXONOMY]) {
      const row = { id: t.id, name: t.name, description: t.description, uri: null, version: t.version };
      await trx
        .insertInto('taxonomy')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    }
    const terms = [
      ...taxonomy.categories.map((term) => ({
        id: term.uuid,
        code: term.id,
        name: term.name,
        description: term.description,
        parent_id: term.parent ? taxonomy.categoryByCode.get(term.parent)!.uuid : null,
        taxonomy: CATEGORY_TAXONOMY.code,
        taxonomy_id: CATEGORY_TAXONOMY.id,
        term_uri: null,
        language: 'en',
      })),
      ...taxonomy.accessibility.map((term) => ({
        id: term.uuid,
        code: term.id,
        name: term.name,
        description: term.description,
        parent_id: null,
        taxonomy: ACCESSIBILITY_TAXONOMY.code,
        taxonomy_id: ACCESSIBILITY_TAXONOMY.id,
        term_uri: null,
        language: 'en',
      })),
    ];
    for (const term of terms) {
      await trx
        .insertInto('taxonomy_term')
        .values(term)
        .onConflict((oc) => oc.column('id').doUpdateSet(term))
        .execute();
    }
  });
}
