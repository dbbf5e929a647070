// npm run create-admin -- <email> [--name "Name"] [--send]: makes (or re-invites) an administrator.
// Prints a single-use link, valid for 7 days, where they choose their own password, so no
// password is ever typed on a command line or kept in shell history. The link starts with
// PUBLIC_URL, else the HOST and PORT the server is started with (publicUrl in src/lib/config.ts). With --send (and SMTP_URL
// set) the link is also emailed to them.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fail, openDirectory } from './cli';
import { audit } from '../src/lib/accounts/audit';
import { AlreadyHasAccountError, createInvitation, createPasswordReset, INVITATION_DAYS, invitationEmail, RESET_DAYS } from '../src/lib/admin/invitations';
import { createUser, findUserByEmail, normaliseEmail } from '../src/lib/accounts/users';
import { publicUrl } from '../src/lib/config';
import { sendMessage } from '../src/lib/mail/outbox';
import { createMailer } from '../src/lib/mail/mailer';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, send: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  process.stdout.write('Usage: npm run create-admin -- <email> [--name "Their name"] [--send]\n');
  process.exit(values.help ? 0 : 2);
}
const email = normaliseEmail(positionals[0]!);
if (!z.string().email().safeParse(email).success) fail(`"${positionals[0]}" is not an email address. Give one like jo@example.org.`);

const { directory } = await openDirectory();
try {
  const existing = await findUserByEmail(directory.db, email);
  if (existing?.password_hash) {
    // A locked-out administrator (the only one, perhaps): a link to choose a new password.
    if (existing.role !== 'admin')
      fail(`${email} already has an account as ${existing.role}. An administrator can send them a new password link from the People page.`);
    if (existing.disabled_at) fail(`${email} is disabled. Another administrator can enable it from the People page.`);
    const { path } = await createPasswordReset(directory.db, { userId: existing.id, requestedBy: null });
    const url = `${publicUrl()}${path}`;
    process.stdout.write(
      [`${email} is already an administrator. To choose a new password, open this link within ${RESET_DAYS} days (it works once):`, '', url, ''].join('\n'),
    );
  } else {
    if (!existing) {
      await createUser(directory.db, { email, role: 'admin', name: values.name ?? '' });
      await audit(directory.db, 'admin_created', { subject: email, detail: 'by npm run create-admin' });
    }
    const { row, path } = await createInvitation(directory.db, { email, role: 'admin', invitedBy: null });
    const url = `${publicUrl()}${path}`;
    process.stdout.write(
      [
        `An administrator account is ready for ${email}.`,
        `To finish, open this link within ${INVITATION_DAYS} days and choose a password (it works once):`,
        '',
        url,
        '',
      ].join('\n'),
    );
    if (values.send) {
      const mailer = createMailer();
      if (!mailer) fail('--send needs SMTP_URL to be set. The link above still works: pass it on yourself.');
      const status = await sendMessage(directory.db, { purpose: 'invitation', to: email, ...invitationEmail(row, url, null) }, mailer);
      mailer.close();
      process.stdout.write(status === 'sent' ? `Emailed to ${email}.\n` : `Could not email it (${status}); pass the link on yourself.\n`);
    }
  }
} catch (error) {
  if (error instanceof AlreadyHasAccountError) fail(error.message);
  throw error;
} finally {
  await directory.close();
}
