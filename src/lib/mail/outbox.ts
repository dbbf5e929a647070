// Messages to people (invitations, the outcome of a suggestion): stored in outbox_message, then
// sent through SMTP when SMTP_URL is set. Without it they wait there for an admin to see and pass on.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { createMailer, type Mailer } from './mailer';

export interface Message {
  purpose: 'invitation' | 'suggestion_outcome' | string;
  to: string;
  subject: string;
  body: string;
}

let sharedMailer: Mailer | null | undefined;

/** The server's mailer, made once from SMTP_URL; null when it is not set. */
export function serverMailer(): Mailer | null {
  if (sharedMailer === undefined) sharedMailer = createMailer();
  return sharedMailer;
}

/** Stores the message and, with a mailer, sends it; never throws for a failed send. Returns the status. */
export async function sendMessage(
  db: Kysely<DatabaseSchema>,
  message: Message,
  mailer: Mailer | null = serverMailer(),
  now = new Date(),
): Promise<'sent' | 'outbox' | 'failed'> {
  const id = randomUUID();
  await db
    .insertInto('outbox_message')
    .values({
      id,
      purpose: message.purpose,
      to_address: message.to,
      subject: message.subject,
      body: message.body,
      created_at: now.toISOString(),
      sent_at: null,
      error: null,
    })
    .execute();
  if (!mailer) return 'outbox';
  try {
    await mailer.send({ to: message.to, subject: message.subject, text: message.body });
    await db.updateTable('outbox_message').set({ status: 'sent', sent_at: new Date().toISOString(), attempts: 1 }).where('id', '=', id).execute();
    return 'sent';
  } catch (error) {
    await db
      .updateTable('outbox_message')
      .set({ status: 'failed', error: (error as Error).message || String(error), attempts: 1 })
      .where('id', '=', id)
      .execute();
    return 'failed';
  }
}
