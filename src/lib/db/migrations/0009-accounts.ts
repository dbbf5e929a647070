// Accounts and keeping listings up to date together (issue 6): people and their roles, sessions
// kept in the database (so several app servers share them), single-use invitations, which
// organisations each editor looks after and which are trusted to publish, suggested changes field
// by field, practitioner notes the public never sees, an audit log of sign-ins and role changes,
// and an outbox for the messages the site sends people.
import { sql, type Kysely } from 'kysely';
import { numberedId } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Kept lower case and trimmed, so one person has one account.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'panel', 'org_editor', 'link_worker')`))
    // scrypt, "scrypt$N$r$p$salt$hash"; null until the invitation is accepted.
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    // Never deleted: a person who leaves is disabled, so history still says who did what.
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('user_session')
    // The SHA-256 of the cookie's value: a copy of the database gives no one a session.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // The secret behind this session's form tokens (CSRF).
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('invitation')
    // A random id; the link is "<id>.<expiry>.<signature>" (src/lib/admin/invitations.ts).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'panel', 'org_editor', 'link_worker')`))
    // 'join': make an account; 'reset': choose a new password for an account that has one.
    .addColumn('purpose', 'text', (c) =>
      c
        .notNull()
        .defaultTo('join')
        .check(sql`purpose in ('join', 'reset')`),
    )
    // For org_editor: the organisations they will look after (JSON array of ids).
    .addColumn('organization_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('invited_by', 'text', (c) => c.references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('organization_editor')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addPrimaryKeyConstraint('organization_editor_pk', ['user_id', 'organization_id'])
    .execute();

  // Organisations whose editors publish directly (without review). Kept apart from the HSDS table.
  await db.schema
    .createTable('trusted_organization')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('trusted_at', 'text', (c) => c.notNull())
    .addColumn('trusted_by', 'text', (c) => c.notNull())
    .execute();

  // Sign-ins (and failed ones), sign-outs, invitations, role changes: never updated or deleted.
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', numberedId(db))
    .addColumn('at', 'text', (c) => c.notNull())
    // 'sign_in', 'sign_in_failed', 'sign_out', 'invited', 'invitation_accepted', 'role_changed', ...
    .addColumn('event', 'text', (c) => c.notNull())
    // Who did it (null for someone not signed in), and who or what it was done to.
    .addColumn('actor_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();

  // A suggested new service or change to one: from anyone, a link worker, an org editor whose
  // organisation is not trusted, or a provider's "running, with changes". Never deleted.
  await db.schema
    .createTable('suggestion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('change', 'new')`))
    .addColumn('service_id', 'text', (c) => c.references('service.id'))
    // 'public', 'link_worker', 'org_editor', 'provider_link', ...
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('suggested_by', 'text', (c) => c.references('user_account.id'))
    // Only to tell them the outcome, and only if they chose to give it.
    .addColumn('contact_email', 'text')
    .addColumn('message', 'text')
    // The version of the listing the suggestion was made against (for a reviewer to see what moved since).
    .addColumn('base_version', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'closed')`),
    )
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('suggestion_status').on('suggestion').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('suggestion_field')
    .addColumn('id', 'integer', numberedId(db))
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    // A field of the service record ("name", "schedules", ...), see src/lib/editing/fields.ts.
    .addColumn('field', 'text', (c) => c.notNull())
    // JSON of the value when suggested, and of the value suggested.
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'rejected')`))
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('suggestion_field_suggestion').on('suggestion_field').column('suggestion_id').execute();

  // Team knowledge the public never sees. Archived, never deleted.
  await db.schema
    .createTable('practitioner_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('archived_by', 'text')
    .execute();
  await db.schema.createIndex('practitioner_note_service').on('practitioner_note').columns(['service_id', 'created_at']).execute();

  // Messages to people (invitations, suggestion outcomes): sent through SMTP when it is set up,
  // else kept here for an admin to see.
  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('outbox')
        .check(sql`status in ('outbox', 'sent', 'failed')`),
    )
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Who dealt with a report, and how.
  await db.schema.alterTable('problem_report').addColumn('resolved_by', 'text').execute();
  await db.schema.alterTable('problem_report').addColumn('resolution_note', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('problem_report').dropColumn('resolution_note').execute();
  await db.schema.alterTable('problem_report').dropColumn('resolved_by').execute();
  for (const table of [
    'outbox_message',
    'practitioner_note',
    'suggestion_field',
    'suggestion',
    'audit_event',
    'trusted_organization',
    'organization_editor',
    'invitation',
    'user_session',
    'user_account',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
