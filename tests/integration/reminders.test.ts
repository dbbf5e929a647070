// The reminder cycle on a real scratch SQLite and a real SMTP server on loopback, in simulated
// time: first email on the due date, a reminder at 14 days, an urgent one at 28, the panel after;
// once per stage; a new cycle after an answer; no contact, no SMTP, and SMTP down.
import { startSmtp, type LoopbackSmtp, type ReceivedEmail } from '../fixtures/smtp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { answerConfirmation, verifyConfirmationLink } from '../../src/lib/freshness-jobs/confirmation-links';
import { createMailer, type Mailer } from '../../src/lib/mail/mailer';
import { checkContact, MAX_SEND_ATTEMPTS, PANEL_OUTBOX_ADDRESS, runReminders, type ReminderOptions } from '../../src/lib/freshness-jobs/reminders';
import { getFreshnessSettings } from '../../src/lib/freshness/settings';
import { importRecords } from '../../src/lib/openreferral/import';
import { scratchDirectory, service } from '../fixtures/services';

// Checked on 10 January 2026, so (every 6 months) due on 10 July 2026.
const WALKS = service({
  code: 'remind-walks',
  name: 'Riverside Walking Group',
  assured: '2026-01-10',
  extra: { assurer_email: 'walks@example.org', email: 'hello@example.org' },
});
const SILENT = service({ code: 'remind-silent', name: 'Silent Book Club', assured: '2026-01-10' });
const DUE = '2026-07-10';
const day = (offset: number) => new Date(Date.parse(`${DUE}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(`${day(offset)}T09:00:00Z`);
const settings = getFreshnessSettings();
const OPTIONS: ReminderOptions = { publicUrl: 'https://directory.example.org', panelEmail: '' };

let received: ReceivedEmail[] = [];
let smtp: LoopbackSmtp;
let smtpUrl: string;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtp();
  received = smtp.received;
  smtpUrl = smtp.url;
  mailer = createMailer({ smtpUrl, from: 'Directory <directory@example.org>', timeoutMs: 3000 })!;
});

afterAll(async () => {
  mailer?.close();
  await smtp?.close();
});

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const savedSmtp = process.env.SMTP_URL;

beforeEach(async () => {
  smtp.clear();
  delete process.env.SMTP_URL;
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, [WALKS], { today: '2026-01-10', strict: true });
  expect(report.invalid).toEqual([]);
});

afterEach(async () => {
  await scratch.cleanup();
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

const db = () => scratch.directory.db;
const run = (offset: number, options: ReminderOptions = OPTIONS, withMailer: Mailer | null = mailer) =>
  runReminders(db(), at(offset), settings, withMailer, options);
const rows = () => db().selectFrom('reminder').selectAll().orderBy('created_at').orderBy('stage').execute();
const tokenIn = (body: string) => /https:\/\/directory\.example\.org\/confirm\/([A-Za-z0-9_.-]+)/.exec(body)?.[1];

describe('the reminder cycle', () => {
  it('sends nothing before the check falls due', async () => {
    const report = await run(-1);
    expect(report.reminders).toEqual([]);
    expect(report.noContact).toEqual([]);
    expect(received).toEqual([]);
  });

  it('sends the first email on the due date, with a confirmation link that works, and only once', async () => {
    const report = await run(0);
    expect(report.byStage).toEqual({ first: 1, reminder: 0, urgent: 0, panel: 0 });
    expect(report.sent).toBe(1);
    expect(received).toHaveLength(1);
    const [email] = received;
    expect(email!.to).toEqual(['walks@example.org']); // the assurer before the service's own address
    expect(email!.subject).toContain('Riverside Walking Group');
    expect(email!.body).toContain('Riverside Walking Group');
    expect(email!.body).toContain('10 January 2026');
    const token = tokenIn(email!.body);
    expect(token).toBeDefined();
    const verdict = await verifyConfirmationLink(db(), token!, at(0));
    expect(verdict).toMatchObject({ ok: true, service: { id: WALKS.id } });
    // Valid for 28 days, not longer.
    expect(await verifyConfirmationLink(db(), token!, at(29))).toMatchObject({ ok: false, reason: 'expired' });

    const [row] = await rows();
    expect(row).toMatchObject({ stage: 'first', due_date: DUE, to_address: 'walks@example.org', status: 'sent', error: null, sent_at: at(0).toISOString() });
    expect(row!.link_path).toBe(`/confirm/${token}`);

    const again = await run(0);
    expect(again.reminders).toEqual([]);
    expect(received).toHaveLength(1);
    expect(await rows()).toHaveLength(1);
  });

  it('sends the reminder at 14 days, the urgent one at 28, then tells the panel', async () => {
    await run(0);
    expect((await run(13)).reminders).toEqual([]);
    expect((await run(14)).byStage).toMatchObject({ reminder: 1 });
    expect(received.at(-1)!.subject).toMatch(/^Reminder: .*Riverside Walking Group/);
    expect((await run(20)).reminders).toEqual([]);
    expect((await run(28)).byStage).toMatchObject({ urgent: 1, panel: 0 });
    expect(received.at(-1)!.subject).toMatch(/^Urgent: .*Riverside Walking Group/);
    expect(received.at(-1)!.body).toContain('From 8 August 2026'); // stale the day after the urgent email
    expect(tokenIn(received.at(-1)!.body)).toBeDefined();
    expect(received).toHaveLength(3);

    const stale = await run(29, { ...OPTIONS, panelEmail: 'panel@example.org' });
    expect(stale.byStage).toEqual({ first: 0, reminder: 0, urgent: 0, panel: 1 });
    const panel = received.at(-1)!;
    expect(panel.to).toEqual(['panel@example.org']);
    expect(panel.subject).toContain('Riverside Walking Group');
    expect(panel.body).toContain('walks@example.org');
    expect(panel.body).toContain(`https://directory.example.org/services/${WALKS.id}`);
    expect((await run(40, { ...OPTIONS, panelEmail: 'panel@example.org' })).reminders).toEqual([]);
    expect((await rows()).map((row) => [row.stage, row.status])).toEqual([
      ['first', 'sent'],
      ['reminder', 'sent'],
      ['urgent', 'sent'],
      ['panel', 'sent'],
    ]);
  });

  it('sends one email, not a backlog, when runs were missed', async () => {
    const report = await run(20);
    expect(report.byStage).toEqual({ first: 0, reminder: 1, urgent: 0, panel: 0 });
    expect(received).toHaveLength(1);
  });

  it('keeps the panel message in the outbox when PANEL_EMAIL is not set', async () => {
    const report = await run(29);
    expect(report.byStage).toMatchObject({ urgent: 1, panel: 1 });
    const panel = (await rows()).find((row) => row.stage === 'panel')!;
    expect(panel).toMatchObject({ to_address: PANEL_OUTBOX_ADDRESS, status: 'outbox', sent_at: null });
    expect(received.map((email) => email.to)).toEqual([['walks@example.org']]);
  });

  it('starts over when the provider answers', async () => {
    await run(0);
    await run(14);
    const token = tokenIn(received.at(-1)!.body)!;
    const verdict = await verifyConfirmationLink(db(), token, at(15));
    if (!verdict.ok) throw new Error(verdict.reason);
    await answerConfirmation(db(), verdict.link, { answer: 'running' }, at(15));

    for (const offset of [15, 28, 29, 60]) expect((await run(offset)).reminders).toEqual([]);
    expect(received).toHaveLength(2);
    // Checked on 25 July 2026, so next due on 25 January 2027: a new first email.
    const next = await runReminders(db(), new Date('2027-01-25T09:00:00Z'), settings, mailer, OPTIONS);
    expect(next.byStage).toEqual({ first: 1, reminder: 0, urgent: 0, panel: 0 });
    expect(next.reminders[0]!.due_date).toBe('2027-01-25');
    expect(received).toHaveLength(3);
  });

  it('lists a listing with no email address in the report, and sends it nothing', async () => {
    expect((await importRecords(scratch.directory, scratch.search, [SILENT], { today: '2026-01-10', strict: true })).invalid).toEqual([]);
    const report = await run(0);
    expect(report.noContact).toEqual([expect.objectContaining({ id: SILENT.id, name: 'Silent Book Club' })]);
    expect(report.noContact[0]!.reason).toContain('no email address');
    expect(received.flatMap((email) => email.to)).toEqual(['walks@example.org']);
    expect((await rows()).filter((row) => row.service_id === SILENT.id)).toEqual([]);
    // Once stale, the panel is still told, since nobody could be asked.
    const stale = await run(29, { ...OPTIONS, panelEmail: 'panel@example.org' });
    expect(stale.reminders.filter((row) => row.service_id === SILENT.id).map((row) => row.stage)).toEqual(['panel']);
    expect(received.at(-1)!.body).toContain('no email address');
  });

  it('asks the service, then the organisation, when there is no assurer', () => {
    expect(checkContact({ assurer_email: null, email: 'service@example.org', organization_email: 'org@example.org' })).toBe('service@example.org');
    expect(checkContact({ assurer_email: ' ', email: null, organization_email: 'org@example.org' })).toBe('org@example.org');
    expect(checkContact({ assurer_email: null, email: null, organization_email: null })).toBeNull();
  });
});

describe('without a working mail server', () => {
  it('keeps every message in the outbox when SMTP_URL is not set', async () => {
    expect(createMailer()).toBeNull();
    const report = await run(0, OPTIONS, createMailer());
    expect(report).toMatchObject({ mailerConfigured: false, sent: 0, outbox: 1, failed: 0 });
    expect(await rows()).toEqual([expect.objectContaining({ stage: 'first', to_address: 'walks@example.org', status: 'outbox', sent_at: null, error: null })]);
    expect(received).toEqual([]);
    // Stored, so not written again the same day.
    expect((await run(0, OPTIONS, null)).reminders).toEqual([]);
    // Once SMTP is set up, the next run sends what waited in the outbox.
    const later = await run(1, OPTIONS, mailer);
    expect(later.retried).toEqual({ sent: 1, failed: 0 });
    expect(received.map((message) => message.to)).toEqual([['walks@example.org']]);
    expect(await rows()).toEqual([expect.objectContaining({ stage: 'first', status: 'sent', error: null })]);
  });

  it('records the error and carries on when the SMTP server is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, timeoutMs: 2000 })!;
    try {
      const report = await run(0, OPTIONS, down);
      expect(report).toMatchObject({ mailerConfigured: true, sent: 0, failed: 1 });
      const [row] = await rows();
      expect(row).toMatchObject({ status: 'failed', sent_at: null });
      expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      down.close();
    }
    expect(received).toEqual([]);
    // When the server is back, the failed message is sent on the next run.
    expect((await run(1, OPTIONS, mailer)).retried).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('tries a refused message once a day, gives up after five tries, and says so', async () => {
    const down = await mailerToClosedPort();
    try {
      expect(await run(0, OPTIONS, down)).toMatchObject({ failed: 1, givenUp: 0 });
      // The same day again: not tried (once a day).
      expect((await run(0, OPTIONS, down)).retried).toEqual({ sent: 0, failed: 0 });
      for (let offset = 1; offset < MAX_SEND_ATTEMPTS; offset++) {
        expect((await run(offset, OPTIONS, down)).retried, `day ${offset}`).toEqual({ sent: 0, failed: 1 });
      }
      expect(await rows()).toEqual([expect.objectContaining({ stage: 'first', status: 'failed', attempts: MAX_SEND_ATTEMPTS })]);
      const after = await run(MAX_SEND_ATTEMPTS, OPTIONS, mailer);
      expect(after).toMatchObject({ retried: { sent: 0, failed: 0 }, givenUp: 1 });
      expect(received).toEqual([]);
    } finally {
      down.close();
    }
  });

  it('does not send an old stage once a later one has gone, nor a question the provider has answered', async () => {
    const down = await mailerToClosedPort();
    try {
      await run(0, OPTIONS, down);
    } finally {
      down.close();
    }
    // Day 14 with the mail server back: the reminder goes; the failed first email is not sent as well.
    const later = await run(14, OPTIONS, mailer);
    expect(later).toMatchObject({ sent: 1, retried: { sent: 0, failed: 0 } });
    expect(received.map((message) => message.subject)).toEqual(['Reminder: is Riverside Walking Group still running?']);

    // The provider answers the reminder; the reminder row is then made to look failed: an answered
    // check is never asked again, whatever its messages' state.
    const token = tokenIn(received[0]!.body)!;
    const verdict = await verifyConfirmationLink(db(), token, at(15));
    if (!verdict.ok) throw new Error(verdict.reason);
    await answerConfirmation(db(), verdict.link, { answer: 'running' }, at(15));
    await db().updateTable('reminder').set({ status: 'failed', sent_at: null, error: 'test' }).where('stage', '=', 'reminder').execute();
    smtp.clear();
    expect((await run(16, OPTIONS, mailer)).retried).toEqual({ sent: 0, failed: 0 });
    expect(received).toEqual([]);
  });
});

async function mailerToClosedPort(): Promise<Mailer> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, timeoutMs: 2000 })!;
}
