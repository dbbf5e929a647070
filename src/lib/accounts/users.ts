// People with accounts: found by email (kept lower case), given one role, disabled rather than
// deleted; org editors look after named organisations, some of which the panel trusts to publish.
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema, Role, UserAccountRow } from '../db/types';
import { newId } from '../ids';
import { audit } from './audit';
import { can } from './roles';
import { endSessionsOf, type SessionUser } from './sessions';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserAccountRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UserAccountRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createUser(
  db: Db,
  user: { email: string; role: Role; name?: string; passwordHash?: string | null },
  now = new Date(),
): Promise<UserAccountRow> {
  const row: UserAccountRow = {
    id: newId(),
    email: normaliseEmail(user.email),
    name: user.name?.trim() ?? '',
    role: user.role,
    password_hash: user.passwordHash ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    last_sign_in_at: null,
    disabled_at: null,
  };
  await db.insertInto('user_account').values(row).execute();
  return row;
}

export async function listUsers(db: Db): Promise<(UserAccountRow & { organisations: { id: string; name: string }[] })[]> {
  const users = await db.selectFrom('user_account').selectAll().orderBy('disabled_at').orderBy('role').orderBy('email').execute();
  const links = await db
    .selectFrom('organization_editor')
    .innerJoin('organization', 'organization.id', 'organization_editor.organization_id')
    .select(['organization_editor.user_id', 'organization.id', 'organization.name'])
    .orderBy('organization.name')
    .execute();
  return users.map((user) => ({
    ...user,
    organisations: links.filter((link) => link.user_id === user.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Changes a role, ends the person's sessions (their next request signs in afresh) and logs it. */
export async function changeRole(db: Kysely<DatabaseSchema>, userId: string, role: Role, actorId: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('user_account').select(['email', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
    if (user.role === role) return;
    await trx.updateTable('user_account').set({ role, updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await endSessionsOf(trx as unknown as Kysely<DatabaseSchema>, userId);
    await audit(trx, 'role_changed', { actorId, subject: user.email, detail: `${user.role} to ${role}`, now });
  });
}

export async function setDisabled(db: Kysely<DatabaseSchema>, userId: string, disabled: boolean, actorId: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('user_account').select(['email', 'disabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
    if (Boolean(user.disabled_at) === disabled) return;
    await trx
      .updateTable('user_account')
      .set({ disabled_at: disabled ? now.toISOString() : null, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    if (disabled) await endSessionsOf(trx as unknown as Kysely<DatabaseSchema>, userId);
    await audit(trx, disabled ? 'user_disabled' : 'user_enabled', { actorId, subject: user.email, now });
  });
}

/** The organisations an org editor looks after. */
export async function editorOrganisationIds(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('organization_editor').select('organization_id').where('user_id', '=', userId).execute()).map((row) => row.organization_id);
}

export async function isTrustedOrganisation(db: Db, organisationId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('trusted_organization').select('organization_id').where('organization_id', '=', organisationId).executeTakeFirst());
}

/**
 * What this person may do with this listing: 'publish' (panel, admin, or an org editor of a
 * trusted organisation that runs it), 'suggest' (an org editor of an untrusted organisation that
 * runs it), or null (not theirs to edit: they may still suggest a change, like anyone).
 */
export async function editAccess(db: Db, user: SessionUser | null, organisationId: string): Promise<'publish' | 'suggest' | null> {
  if (!user) return null;
  if (can(user.role, 'service:edit-any')) return 'publish';
  if (!can(user.role, 'service:edit-own')) return null;
  const own = await editorOrganisationIds(db, user.id);
  if (!own.includes(organisationId)) return null;
  return (await isTrustedOrganisation(db, organisationId)) ? 'publish' : 'suggest';
}
