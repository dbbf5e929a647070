// Joining by invitation: a signed, single-use, expiring link ("/invite/<id>.<expiry>.<signature>")
// sent by email. Accepting it sets a name and password and makes (or completes) the account. The
// same kind of link, with purpose 'reset', lets someone who has forgotten their password choose a
// new one (an administrator sends it, or `npm run create-admin` for a locked-out administrator).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { longDate } from '../dates';
import type { DatabaseSchema, InvitationRow, Role } from '../db/types';
import { confirmationSecret } from '../freshness-jobs/confirmation-links';
import { audit } from '../accounts/audit';
import { hashPassword } from '../accounts/passwords';
import { ROLE_NAMES } from '../accounts/roles';
import { createUser, findUserByEmail, normaliseEmail } from '../accounts/users';

export const INVITATION_DAYS = 7;
/** A link to choose a new password works for less time than an invitation. */
export const RESET_DAYS = 2;
const DAY_MS = 86_400_000;
const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function sign(secret: string, id: string, expiry: string): string {
  return createHmac('sha256', secret).update(`invite.${id}.${expiry}`).digest('base64url');
}

export class AlreadyHasAccountError extends Error {
  constructor(email: string) {
    super(`${email} already has an account. Change their role on the people page instead.`);
  }
}

export interface NewInvitation {
  email: string;
  role: Role;
  organizationIds?: string[];
  invitedBy: string | null;
  now?: Date;
  days?: number;
}

/** Stores an invitation and returns it with its link path, "/invite/<token>". */
export async function createInvitation(db: Kysely<DatabaseSchema>, invitation: NewInvitation): Promise<{ row: InvitationRow; path: string }> {
  const now = invitation.now ?? new Date();
  const email = normaliseEmail(invitation.email);
  const existing = await findUserByEmail(db, email);
  if (existing?.password_hash) throw new AlreadyHasAccountError(email);
  const id = randomBytes(16).toString('base64url');
  const expiry = String(Math.floor((now.getTime() + (invitation.days ?? INVITATION_DAYS) * DAY_MS) / 1000));
  const row: InvitationRow = {
    id,
    email,
    role: invitation.role,
    purpose: 'join',
    organization_ids: JSON.stringify(invitation.organizationIds ?? []),
    invited_by: invitation.invitedBy,
    created_at: now.toISOString(),
    expires_at: new Date(Number(expiry) * 1000).toISOString(),
    used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    // Only the newest invitation to a person works: an earlier one (perhaps with another role) is withdrawn.
    await trx
      .updateTable('invitation')
      .set({ revoked_at: now.toISOString() })
      .where('email', '=', email)
      .where('purpose', '=', 'join')
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.insertInto('invitation').values(row).execute();
    await audit(trx, 'invited', { actorId: invitation.invitedBy, subject: email, detail: invitation.role, now });
  });
  return { row, path: `/invite/${id}.${expiry}.${sign(await confirmationSecret(db), id, expiry)}` };
}

/** A link for someone with an account to choose a new password (ends their sessions when used). */
export async function createPasswordReset(
  db: Kysely<DatabaseSchema>,
  reset: { userId: string; requestedBy: string | null; now?: Date; days?: number },
): Promise<{ row: InvitationRow; path: string }> {
  const now = reset.now ?? new Date();
  const user = await db.selectFrom('user_account').select(['email', 'role']).where('id', '=', reset.userId).executeTakeFirstOrThrow();
  const id = randomBytes(16).toString('base64url');
  const expiry = String(Math.floor((now.getTime() + (reset.days ?? RESET_DAYS) * DAY_MS) / 1000));
  const row: InvitationRow = {
    id,
    email: user.email,
    role: user.role,
    purpose: 'reset',
    organization_ids: '[]',
    invited_by: reset.requestedBy,
    created_at: now.toISOString(),
    expires_at: new Date(Number(expiry) * 1000).toISOString(),
    used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    // Any earlier link of the same kind stops working: only the newest can be used.
    await trx
      .updateTable('invitation')
      .set({ revoked_at: now.toISOString() })
      .where('email', '=', user.email)
      .where('purpose', '=', 'reset')
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.insertInto('invitation').values(row).execute();
    await audit(trx, 'password_reset_sent', { actorId: reset.requestedBy, subject: user.email, now });
  });
  return { row, path: `/invite/${id}.${expiry}.${sign(await confirmationSecret(db), id, expiry)}` };
}

export type InvitationProblem = 'malformed' | 'tampered' | 'unknown' | 'expired' | 'used' | 'revoked';
export type InvitationVerdict = { ok: true; invitation: InvitationRow } | { ok: false; reason: InvitationProblem };

export async function verifyInvitation(db: Kysely<DatabaseSchema>, token: string, now = new Date()): Promise<InvitationVerdict> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, id, expiry, signature] = match as unknown as [string, string, string, string];
  const expected = sign(await confirmationSecret(db), id, expiry);
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return { ok: false, reason: 'tampered' };
  const invitation = await db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!invitation) return { ok: false, reason: 'unknown' };
  if (invitation.used_at) return { ok: false, reason: 'used' };
  if (invitation.revoked_at) return { ok: false, reason: 'revoked' };
  if (Date.parse(invitation.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, invitation };
}

export class InvitationUsedError extends Error {
  constructor() {
    super('This invitation has already been used.');
  }
}

/** Uses the invitation (once, even when two requests race) and returns the new account's id. */
export async function acceptInvitation(
  db: Kysely<DatabaseSchema>,
  invitation: InvitationRow,
  answer: { name: string; password: string },
  now = new Date(),
): Promise<string> {
  const passwordHash = await hashPassword(answer.password);
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('invitation')
      .set({ used_at: now.toISOString() })
      .where('id', '=', invitation.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new InvitationUsedError();
    if (invitation.purpose === 'reset') {
      const existing = await findUserByEmail(trx, invitation.email);
      if (!existing || existing.disabled_at) throw new InvitationUsedError();
      await trx
        .updateTable('user_account')
        .set({ password_hash: passwordHash, updated_at: now.toISOString(), ...(answer.name.trim() ? { name: answer.name.trim() } : {}) })
        .where('id', '=', existing.id)
        .execute();
      await trx.deleteFrom('user_session').where('user_id', '=', existing.id).execute();
      await audit(trx, 'password_reset', { actorId: existing.id, subject: invitation.email, now });
      return existing.id;
    }
    let user = await findUserByEmail(trx, invitation.email);
    if (user?.password_hash) throw new AlreadyHasAccountError(invitation.email);
    if (user) {
      await trx
        .updateTable('user_account')
        .set({
          name: answer.name.trim(),
          role: invitation.role,
          password_hash: passwordHash,
          updated_at: now.toISOString(),
          disabled_at: null,
        })
        .where('id', '=', user.id)
        .execute();
    } else {
      user = await createUser(trx, { email: invitation.email, role: invitation.role, name: answer.name, passwordHash }, now);
    }
    const organisationIds = JSON.parse(invitation.organization_ids) as string[];
    for (const organisationId of organisationIds) {
      await trx
        .insertInto('organization_editor')
        .values({ user_id: user.id, organization_id: organisationId, added_at: now.toISOString(), added_by: invitation.invited_by })
        .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
        .execute();
    }
    await audit(trx, 'invitation_accepted', { actorId: user.id, subject: invitation.email, detail: invitation.role, now });
    return user.id;
  });
}

export async function revokeInvitation(db: Kysely<DatabaseSchema>, id: string, actorId: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('invitation').select(['email']).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    if (!row) return;
    await trx.updateTable('invitation').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
    await audit(trx, 'invitation_revoked', { actorId, subject: row.email, now });
  });
}

export function invitationEmail(
  invitation: Pick<InvitationRow, 'role' | 'expires_at'> & { purpose?: InvitationRow['purpose'] },
  url: string,
  inviterName: string | null,
): { subject: string; body: string } {
  if (invitation.purpose === 'reset') {
    return {
      subject: 'Choose a new password for the community directory',
      body: [
        'Hello,',
        '',
        `${inviterName ? `${inviterName} has sent you` : 'Here is'} a link to choose a new password for your account on the community directory:`,
        '',
        url,
        '',
        `The link works once, until ${longDate(invitation.expires_at.slice(0, 10))}. Choosing a new password signs you out everywhere else.`,
        'If you did not ask for this, you can ignore it: your password stays as it is.',
        '',
        'Thank you,',
        'The community directory team',
      ].join('\n'),
    };
  }
  return {
    subject: 'You are invited to help keep the community directory up to date',
    body: [
      'Hello,',
      '',
      `${inviterName ? `${inviterName} has invited you` : 'You have been invited'} to join the community directory as: ${ROLE_NAMES[invitation.role]}.`,
      '',
      'To accept, open this link and choose a password:',
      '',
      url,
      '',
      `The link works once, until ${longDate(invitation.expires_at.slice(0, 10))}. If you were not expecting this, you can ignore it.`,
      '',
      'Thank you,',
      'The community directory team',
    ].join('\n'),
  };
}
