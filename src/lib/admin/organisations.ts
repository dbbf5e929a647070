// Organisations as the panel manages them (/panel/organisations): found by name a page at a time,
// each with its editors and whether it is trusted to publish; trusting, and adding or removing
// editors, each in one transaction with its audit entry.
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { audit } from '../accounts/audit';
import { STAND_IN_ORGANIZATION_NAME } from '../openreferral-schema/normalise-record';

export const ORGANISATIONS_PAGE_SIZE = 25;

export interface ManagedOrganisation {
  id: string;
  name: string;
  services: number;
  trusted: boolean;
  editors: { id: string; name: string; email: string; disabled: boolean }[];
}

/** Organisations whose name holds `search` (any case), by name, one page of them. */
export async function organisationsPage(
  db: Kysely<DatabaseSchema>,
  query: { search?: string; page?: number; pageSize?: number } = {},
): Promise<{ organisations: ManagedOrganisation[]; total: number; page: number; pages: number }> {
  const pageSize = query.pageSize ?? ORGANISATIONS_PAGE_SIZE;
  const search = query.search?.trim().toLowerCase() ?? '';
  let base = db.selectFrom('organization');
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where(sql<boolean>`lower(organization.name) like ${pattern} escape '\\'`);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = await base
    .select(['organization.id', 'organization.name'])
    .select((eb) =>
      eb
        .selectFrom('service')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('service.organization_id', '=', 'organization.id')
        .as('services'),
    )
    .orderBy(sql`lower(organization.name)`)
    .orderBy('organization.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = rows.map((row) => row.id);
  const trusted = new Set(
    ids.length
      ? (await db.selectFrom('trusted_organization').select('organization_id').where('organization_id', 'in', ids).execute()).map((row) => row.organization_id)
      : [],
  );
  const editors = ids.length
    ? await db
        .selectFrom('organization_editor')
        .innerJoin('user_account', 'user_account.id', 'organization_editor.user_id')
        .select(['organization_editor.organization_id', 'user_account.id', 'user_account.name', 'user_account.email', 'user_account.disabled_at'])
        .where('organization_editor.organization_id', 'in', ids)
        .orderBy('user_account.email')
        .execute()
    : [];
  // Stand-ins all have one name: each is told apart by its listings, so an editor is added to the right one.
  const standInIds = rows.filter((row) => row.name === STAND_IN_ORGANIZATION_NAME).map((row) => row.id);
  const standInServices = standInIds.length
    ? await db.selectFrom('service').select(['organization_id', 'name']).where('organization_id', 'in', standInIds).orderBy('name').execute()
    : [];
  const nameOf = (row: { id: string; name: string }) => {
    if (row.name !== STAND_IN_ORGANIZATION_NAME) return row.name;
    const names = standInServices.filter((service) => service.organization_id === row.id).map((service) => service.name);
    if (!names.length) return row.name;
    return `${row.name}, for ${names[0]}${names.length > 1 ? ` and ${names.length - 1} other${names.length > 2 ? 's' : ''}` : ''}`;
  };
  return {
    organisations: rows.map((row) => ({
      id: row.id,
      name: nameOf(row),
      services: Number(row.services ?? 0),
      trusted: trusted.has(row.id),
      editors: editors
        .filter((editor) => editor.organization_id === row.id)
        .map((editor) => ({ id: editor.id, name: editor.name, email: editor.email, disabled: Boolean(editor.disabled_at) })),
    })),
    total,
    page,
    pages,
  };
}

/** Everyone with the organisation editor role, to choose from when adding an editor. */
export async function organisationEditors(db: Kysely<DatabaseSchema>): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .selectFrom('user_account')
    .select(['id', 'name', 'email'])
    .where('role', '=', 'org_editor')
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
}

export type OrganisationChange =
  { action: 'trust' | 'untrust'; organisationId: string } | { action: 'add-editor' | 'remove-editor'; organisationId: string; userId: string };

/** Makes the change, with its audit entry, in one transaction; a plain-words reason when it cannot. */
export async function changeOrganisation(
  db: Kysely<DatabaseSchema>,
  change: OrganisationChange,
  actorId: string,
  now = new Date(),
): Promise<{ ok: true; done: string } | { ok: false; error: string }> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organization').select(['id', 'name']).where('id', '=', change.organisationId).executeTakeFirst();
    if (!organisation) return { ok: false as const, error: 'That organisation was not found. It may have been removed.' };
    const at = now.toISOString();
    switch (change.action) {
      case 'trust': {
        const added = await trx
          .insertInto('trusted_organization')
          .values({ organization_id: organisation.id, trusted_at: at, trusted_by: actorId })
          .onConflict((oc) => oc.column('organization_id').doNothing())
          .executeTakeFirst();
        if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0)
          await audit(trx, 'organisation_trusted', { actorId, subject: organisation.name, detail: organisation.id, now });
        return { ok: true as const, done: 'trusted' };
      }
      case 'untrust': {
        const removed = await trx.deleteFrom('trusted_organization').where('organization_id', '=', organisation.id).executeTakeFirst();
        if (Number(removed.numDeletedRows) > 0)
          await audit(trx, 'organisation_untrusted', { actorId, subject: organisation.name, detail: organisation.id, now });
        return { ok: true as const, done: 'untrusted' };
      }
      case 'add-editor': {
        const user = await trx.selectFrom('user_account').select(['id', 'email', 'role', 'disabled_at']).where('id', '=', change.userId).executeTakeFirst();
        if (!user || user.disabled_at) return { ok: false as const, error: 'Choose a person from the list.' };
        if (user.role !== 'org_editor')
          return { ok: false as const, error: `${user.email} is not an organisation editor. Change their role on the people page first.` };
        const added = await trx
          .insertInto('organization_editor')
          .values({ user_id: user.id, organization_id: organisation.id, added_at: at, added_by: actorId })
          .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
          .executeTakeFirst();
        if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) await audit(trx, 'editor_added', { actorId, subject: user.email, detail: organisation.name, now });
        return { ok: true as const, done: 'editor-added' };
      }
      case 'remove-editor': {
        const user = await trx.selectFrom('user_account').select(['id', 'email']).where('id', '=', change.userId).executeTakeFirst();
        if (!user) return { ok: false as const, error: 'That person was not found.' };
        const removed = await trx
          .deleteFrom('organization_editor')
          .where('user_id', '=', user.id)
          .where('organization_id', '=', organisation.id)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) > 0) await audit(trx, 'editor_removed', { actorId, subject: user.email, detail: organisation.name, now });
        return { ok: true as const, done: 'editor-removed' };
      }
    }
  });
}
