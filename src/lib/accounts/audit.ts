// The audit log: sign-ins, failed sign-ins, sign-outs, invitations and role changes. Never
// updated or deleted. Addresses are never stored; a failed sign-in records the email typed.
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/types';

export type AuditEvent =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_throttled'
  | 'sign_out'
  | 'invited'
  | 'invitation_revoked'
  | 'invitation_accepted'
  | 'role_changed'
  | 'user_disabled'
  | 'user_enabled'
  | 'editor_added'
  | 'editor_removed'
  | 'organisation_trusted'
  | 'organisation_untrusted'
  | 'admin_created'
  | 'password_reset_sent'
  | 'password_reset';

export async function audit(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  event: AuditEvent,
  entry: { actorId?: string | null; subject?: string | null; detail?: string | null; now?: Date } = {},
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at: (entry.now ?? new Date()).toISOString(),
      event,
      actor_id: entry.actorId ?? null,
      subject: entry.subject ?? null,
      detail: entry.detail ?? null,
    })
    .execute();
}
