// The taxonomy crosswalk as kept in the database (taxonomy_crosswalk): new terms of imported feeds
// mapped as they arrive, the mapping read for search, listed for the panel, changed by it, and
// written out (src/lib/panel/crosswalk-csv.ts).
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { queueSearchChanges } from '../db/search-outbox';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY, getTaxonomy } from './taxonomy';
import { mapTerms, type Crosswalk, type CrosswalkDecision, type CrosswalkMethod, type ForeignTerm } from './crosswalk';

type Db = Kysely<DatabaseSchema>;

/** Every mapped term and its category: what search documents, filters and reports read. */
export async function loadCrosswalk(db: Db): Promise<Crosswalk> {
  const rows = await db.selectFrom('taxonomy_crosswalk').select(['term_id', 'category_code']).where('category_code', 'is not', null).execute();
  const taxonomy = getTaxonomy();
  // A category since taken out of content/taxonomy maps to nothing rather than to an unknown code.
  return new Map(rows.filter((row) => taxonomy.categoryByCode.has(row.category_code!)).map((row) => [row.term_id, row.category_code!]));
}

/** Is this term one of ours (categories or accessibility), by id or by naming our taxonomy? */
function isOurs(term: { id: string; taxonomy?: string | null | undefined; taxonomy_id?: string | null | undefined }): boolean {
  const taxonomy = getTaxonomy();
  if (taxonomy.categoryByUuid.has(term.id) || taxonomy.accessibilityByUuid.has(term.id)) return true;
  const ours = [CATEGORY_TAXONOMY, ACCESSIBILITY_TAXONOMY];
  return ours.some((t) => term.taxonomy_id === t.id || term.taxonomy === t.code);
}

/** The terms of other taxonomies that records' services carry (not their places' accessibility terms). */
export function foreignTermsOf(records: ServiceRecord[]): ForeignTerm[] {
  const found = new Map<string, ForeignTerm>();
  for (const record of records) {
    for (const attribute of record.attributes) {
      const term = attribute.taxonomy_term;
      if (!term?.name || isOurs(term) || found.has(term.id)) continue;
      found.set(term.id, {
        id: term.id,
        name: term.name,
        code: term.code ?? null,
        taxonomy: term.taxonomy ?? term.taxonomy_id ?? null,
        parentId: term.parent_id ?? null,
      });
    }
  }
  return [...found.values()];
}

/**
 * Maps the terms of other taxonomies that these records bring and the crosswalk does not have yet
 * (a term already there keeps its mapping, whoever made it). Their parents, when the directory
 * has them, come too, so a term can follow the one it sits under. Runs inside the import's write.
 */
export async function mapImportedTerms(db: Db, records: ServiceRecord[], now = new Date().toISOString()): Promise<CrosswalkDecision[]> {
  const carried = foreignTermsOf(records);
  if (!carried.length) return [];
  const known = new Map(
    (await db.selectFrom('taxonomy_crosswalk').select(['term_id', 'category_code']).execute()).map((row) => [row.term_id, { categoryCode: row.category_code }]),
  );
  const terms = new Map(carried.filter((term) => !known.has(term.id)).map((term) => [term.id, term]));
  if (!terms.size) return [];
  // Parents the directory holds (from this feed or an earlier one) that the crosswalk lacks.
  let wanted = [...terms.values()].map((term) => term.parentId).filter((id): id is string => Boolean(id) && !terms.has(id!) && !known.has(id!));
  while (wanted.length) {
    const rows = await db
      .selectFrom('taxonomy_term')
      .select(['id', 'name', 'code', 'taxonomy', 'taxonomy_id', 'parent_id'])
      .where('id', 'in', wanted)
      .execute();
    const next: string[] = [];
    for (const row of rows) {
      if (isOurs(row) || terms.has(row.id)) continue;
      terms.set(row.id, { id: row.id, name: row.name, code: row.code, taxonomy: row.taxonomy ?? row.taxonomy_id, parentId: row.parent_id });
      if (row.parent_id && !terms.has(row.parent_id) && !known.has(row.parent_id)) next.push(row.parent_id);
    }
    wanted = next;
  }
  const decisions = mapTerms([...terms.values()], known);
  for (const decision of decisions) {
    const term = terms.get(decision.termId)!;
    await db
      .insertInto('taxonomy_crosswalk')
      .values({
        term_id: term.id,
        taxonomy: term.taxonomy ?? null,
        term_code: term.code ?? null,
        term_name: term.name,
        parent_term_id: term.parentId ?? null,
        category_code: decision.categoryCode,
        method: decision.method,
        decided_by: null,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('term_id').doNothing())
      .execute();
  }
  return decisions;
}

export interface CrosswalkRow {
  termId: string;
  taxonomy: string | null;
  termCode: string | null;
  termName: string;
  parentTermId: string | null;
  parentName: string | null;
  categoryCode: string | null;
  method: CrosswalkMethod;
  decidedBy: string | null;
  updatedAt: string;
  /** How many services carry the term. */
  services: number;
}

/** Every term of the crosswalk, unmapped ones first, then by taxonomy and name, with how many services carry each. */
export async function listCrosswalk(db: Db): Promise<CrosswalkRow[]> {
  const rows = await db.selectFrom('taxonomy_crosswalk').selectAll().execute();
  const counts = new Map(
    (
      await db
        .selectFrom('attribute')
        .select(['taxonomy_term_id'])
        .select((eb) => eb.fn.count<number>('link_id').distinct().as('services'))
        .where('link_entity', '=', 'service')
        .where('taxonomy_term_id', 'in', rows.length ? rows.map((row) => row.term_id) : [''])
        .groupBy('taxonomy_term_id')
        .execute()
    ).map((row) => [row.taxonomy_term_id, Number(row.services)]),
  );
  const names = new Map(rows.map((row) => [row.term_id, row.term_name]));
  return rows
    .map((row) => ({
      termId: row.term_id,
      taxonomy: row.taxonomy,
      termCode: row.term_code,
      termName: row.term_name,
      parentTermId: row.parent_term_id,
      parentName: row.parent_term_id ? (names.get(row.parent_term_id) ?? null) : null,
      categoryCode: row.category_code,
      method: row.method,
      decidedBy: row.decided_by,
      updatedAt: row.updated_at,
      services: counts.get(row.term_id) ?? 0,
    }))
    .sort(
      (a, b) =>
        Number(a.categoryCode !== null) - Number(b.categoryCode !== null) ||
        (a.taxonomy ?? '').localeCompare(b.taxonomy ?? '') ||
        a.termName.localeCompare(b.termName, 'en-GB'),
    );
}

/** serviceIds: the services carrying the changed terms, queued for search in the same transaction. */
export type MappingChange = { ok: true; termIds: string[]; termName: string; serviceIds: string[] } | { ok: false; error: string };

/**
 * The panel maps a term to a category (or to none). Terms below it that follow it (mapped by
 * their parent, or not mapped) follow it again. Returns every term whose mapping changed, and the
 * services carrying them, queued for search in the same transaction (src/lib/db/search-outbox.ts):
 * the caller applies the outbox, or the next start does.
 */
export async function changeMapping(
  db: Db,
  termId: string,
  categoryCode: string | null,
  userId: string,
  now = new Date().toISOString(),
): Promise<MappingChange> {
  if (categoryCode !== null && !getTaxonomy().categoryByCode.has(categoryCode)) return { ok: false, error: 'Choose a type of help from the list.' };
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('taxonomy_crosswalk').selectAll().execute();
    const term = rows.find((row) => row.term_id === termId);
    if (!term) return { ok: false as const, error: 'That term is not in the crosswalk. It may have been changed since the page was opened: reload it.' };
    const changed: string[] = [];
    const set = async (id: string, code: string | null, method: CrosswalkMethod, by: string | null) => {
      await trx.updateTable('taxonomy_crosswalk').set({ category_code: code, method, decided_by: by, updated_at: now }).where('term_id', '=', id).execute();
      changed.push(id);
    };
    await set(termId, categoryCode, categoryCode === null ? 'none' : 'panel', userId);
    // Children that follow their parent, level by level.
    const follow = async (parentId: string, code: string | null, seen: Set<string>) => {
      for (const child of rows.filter((row) => row.parent_term_id === parentId && !seen.has(row.term_id))) {
        seen.add(child.term_id);
        if (child.method !== 'parent' && child.method !== 'none') continue;
        if (child.category_code !== code) await set(child.term_id, code, code === null ? 'none' : 'parent', null);
        await follow(child.term_id, code, seen);
      }
    };
    await follow(termId, categoryCode, new Set([termId]));
    // Their services' search documents show the new category: queued with the change itself.
    const serviceIds = await servicesCarrying(trx, changed);
    await queueSearchChanges(trx, serviceIds, now);
    return { ok: true as const, termIds: changed, termName: term.term_name, serviceIds };
  });
}

/** The services that carry any of these terms, for indexing them again. */
export async function servicesCarrying(db: Db, termIds: string[]): Promise<string[]> {
  if (!termIds.length) return [];
  const rows = await db
    .selectFrom('attribute')
    .select('link_id')
    .distinct()
    .where('link_entity', '=', 'service')
    .where('taxonomy_term_id', 'in', termIds)
    .execute();
  return rows.map((row) => row.link_id);
}
