// People and invitations as an admin manages them (/panel/users): the posted forms (zod), sending
// an invitation (stored, then emailed or left in the outbox), invitations not yet used, and the
// messages that could not be sent, so an admin without email can pass a link on by hand.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appConfig, publicUrl, type Config } from '../config';
import type { DatabaseSchema, InvitationRow, Role } from '../db/types';
import { ROLES } from '../accounts/roles';
import { createInvitation, createPasswordReset, invitationEmail, revokeInvitation } from './invitations';
import { sendMessage } from '../mail/outbox';
import type { Mailer } from '../mail/mailer';

const role = z.enum(ROLES as [Role, ...Role[]], { errorMap: () => ({ message: 'Choose a role.' }) });
const id = z.string().min(1).max(100);

export const peopleFormSchema = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('invite'),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .min(1, 'Enter the email address of the person to invite.')
        .max(254, 'That email address is too long.')
        .email('Enter an email address like name@example.org.'),
      role,
      organisations: z.array(id).max(500),
    }),
    z.object({ action: z.literal('role'), user: id, role }),
    z.object({ action: z.enum(['disable', 'enable', 'reset']), user: id }),
    z.object({ action: z.enum(['revoke', 'resend']), invitation: id }),
  ])
  .superRefine((form, context) => {
    if (form.action === 'invite' && form.role === 'org_editor' && form.organisations.length === 0) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['organisations'], message: 'Choose at least one organisation this person will look after.' });
    }
  });

export type PeopleForm = z.infer<typeof peopleFormSchema>;

/** The posted fields as the schema expects them (organisations may be ticked more than once). */
export function peopleFormFields(form: { get(name: string): unknown; getAll(name: string): unknown[] }): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    action: text('action'),
    email: text('email') ?? '',
    role: text('role'),
    user: text('user'),
    invitation: text('invitation'),
    organisations: form.getAll('organisations').filter((value): value is string => typeof value === 'string' && value !== ''),
  };
}

export interface SentInvitation {
  row: InvitationRow;
  status: 'sent' | 'outbox' | 'failed';
}

/** Makes the invitation and sends its email (or keeps it in the outbox). */
export async function sendInvitation(
  db: Kysely<DatabaseSchema>,
  invitation: { email: string; role: Role; organisationIds: string[]; invitedBy: string; inviterName: string | null; siteUrl: string; mailer?: Mailer | null },
): Promise<SentInvitation> {
  const known = invitation.organisationIds.length
    ? (await db.selectFrom('organization').select('id').where('id', 'in', invitation.organisationIds).execute()).map((row) => row.id)
    : [];
  const { row, path } = await createInvitation(db, {
    email: invitation.email,
    role: invitation.role,
    organizationIds: invitation.role === 'org_editor' ? known : [],
    invitedBy: invitation.invitedBy,
  });
  const message = invitationEmail(row, `${invitation.siteUrl}${path}`, invitation.inviterName);
  const status = await sendMessage(db, { purpose: 'invitation', to: row.email, ...message }, ...(invitation.mailer === undefined ? [] : [invitation.mailer]));
  return { row, status };
}

/** Sends someone with an account a link to choose a new password (or keeps it in the outbox). */
export async function sendPasswordReset(
  db: Kysely<DatabaseSchema>,
  reset: { userId: string; requestedBy: string; requesterName: string | null; siteUrl: string; mailer?: Mailer | null },
): Promise<SentInvitation> {
  const { row, path } = await createPasswordReset(db, { userId: reset.userId, requestedBy: reset.requestedBy });
  const message = invitationEmail(row, `${reset.siteUrl}${path}`, reset.requesterName);
  const status = await sendMessage(db, { purpose: 'password_reset', to: row.email, ...message }, ...(reset.mailer === undefined ? [] : [reset.mailer]));
  return { row, status };
}

/** Sends a fresh invitation in place of an old one (withdrawn, unless already used). */
export async function resendInvitation(
  db: Kysely<DatabaseSchema>,
  invitationId: string,
  by: { actorId: string; inviterName: string | null; siteUrl: string; mailer?: Mailer | null },
): Promise<SentInvitation | null> {
  const old = await db.selectFrom('invitation').selectAll().where('id', '=', invitationId).where('used_at', 'is', null).executeTakeFirst();
  if (!old) return null;
  if (!old.revoked_at) await revokeInvitation(db, old.id, by.actorId);
  return sendInvitation(db, {
    email: old.email,
    role: old.role,
    organisationIds: JSON.parse(old.organization_ids) as string[],
    invitedBy: by.actorId,
    inviterName: by.inviterName,
    siteUrl: by.siteUrl,
    ...(by.mailer === undefined ? {} : { mailer: by.mailer }),
  });
}

/** Invitations neither used nor withdrawn (including ones that have run out), newest first. */
export async function openInvitations(
  db: Kysely<DatabaseSchema>,
): Promise<(InvitationRow & { organisations: string[]; invitedByName: string | null; hasAccount: boolean })[]> {
  const rows = await db
    .selectFrom('invitation')
    .leftJoin('user_account', 'user_account.id', 'invitation.invited_by')
    .selectAll('invitation')
    .select(['user_account.name as inviter_name', 'user_account.email as inviter_email'])
    .where('invitation.used_at', 'is', null)
    .where('invitation.revoked_at', 'is', null)
    .orderBy('invitation.created_at', 'desc')
    .limit(200)
    .execute();
  const organisationIds = [...new Set(rows.flatMap((row) => JSON.parse(row.organization_ids) as string[]))];
  const names = new Map(
    organisationIds.length
      ? (await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', organisationIds).execute()).map((row) => [row.id, row.name])
      : [],
  );
  const emails = [...new Set(rows.map((row) => row.email))];
  const withAccounts = new Set(
    emails.length
      ? (await db.selectFrom('user_account').select('email').where('email', 'in', emails).where('password_hash', 'is not', null).execute()).map(
          (row) => row.email,
        )
      : [],
  );
  return rows.map(({ inviter_name, inviter_email, ...row }) => ({
    ...row,
    hasAccount: withAccounts.has(row.email),
    organisations: (JSON.parse(row.organization_ids) as string[]).map((orgId) => names.get(orgId) ?? orgId),
    invitedByName: inviter_name || inviter_email || null,
  }));
}

/**
 * Messages waiting in the outbox or failed, newest first. An invitation's message is left out once
 * that person has no invitation that still works (accepted, withdrawn or run out), and only the
 * newest is kept when a new link was sent: the others' links are dead.
 */
export async function unsentMessages(db: Kysely<DatabaseSchema>, limit = 50, now = new Date()) {
  const messages = await db
    .selectFrom('outbox_message')
    .select(['id', 'purpose', 'to_address', 'subject', 'body', 'created_at', 'status', 'error'])
    .where('status', 'in', ['outbox', 'failed'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const invited = new Set(
    (
      await db
        .selectFrom('invitation')
        .select('email')
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .execute()
    ).map((row) => row.email),
  );
  // Only the newest invitation message to each person: an older one's link was replaced.
  const seen = new Set<string>();
  return messages.filter((message) => {
    if (message.purpose !== 'invitation') return true;
    if (!invited.has(message.to_address) || seen.has(message.to_address)) return false;
    seen.add(message.to_address);
    return true;
  });
}

/** The site's address for links in emails, by the one rule (publicUrl in src/lib/config.ts). */
export function siteUrl(requestUrl: URL, config: Config = appConfig()): string {
  return publicUrl(config, requestUrl);
}
