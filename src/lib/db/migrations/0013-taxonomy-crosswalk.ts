// The taxonomy crosswalk (issue 15): each term of another publisher's taxonomy that an imported
// feed uses, and the category of this directory it stands for (or none yet), with how that was
// decided: by its name, its lay words, its parent's mapping, or by the panel.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('taxonomy_crosswalk')
    // The feed's taxonomy_term id; no foreign key, so a mapping outlives a term's re-import.
    .addColumn('term_id', 'text', (c) => c.primaryKey())
    .addColumn('taxonomy', 'text')
    .addColumn('term_code', 'text')
    .addColumn('term_name', 'text', (c) => c.notNull())
    .addColumn('parent_term_id', 'text')
    // This directory's category code; null while it is not mapped.
    .addColumn('category_code', 'text')
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('name', 'lay_word', 'parent', 'panel', 'none')`))
    .addColumn('decided_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('taxonomy_crosswalk_category').on('taxonomy_crosswalk').column('category_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('taxonomy_crosswalk').execute();
}
