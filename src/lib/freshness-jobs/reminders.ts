// The reminder cycle: when a listing's check falls due, its contact gets an email with a one-click
// confirmation link (first, then a reminder at 14 days, then an urgent one when it turns stale),
// and the community panel is told once it is stale. Each stage is sent once per due date.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { longDate, todayInUk, addDays } from '../dates';
import { appConfig, publicUrl as sitePublicUrl } from '../config';
import type { DatabaseSchema, ReminderRow, ReminderTable } from '../db/types';
import { createConfirmationLink, DEFAULT_LINK_DAYS } from './confirmation-links';
import { checkDirectory, type ListedService } from './directory-check';
import type { Mailer } from '../mail/mailer';
import type { FreshnessSettings } from '../freshness/settings';
import { servicePath } from '../service-paths';

export type ReminderStage = ReminderTable['stage'];
export const REMINDER_STAGES: readonly ReminderStage[] = ['first', 'reminder', 'urgent', 'panel'];
/** Days after the due date for the second email; the urgent one goes when the listing turns stale (settings). */
export const REMINDER_DAYS = 14;
/** Where panel messages are addressed when PANEL_EMAIL is not set: they stay in the outbox. */
export const PANEL_OUTBOX_ADDRESS = 'community panel';

const DAY_MS = 86_400_000;
/** A message the mail server refuses is tried on this many runs at most, a day apart; then it is left for the panel. */
export const MAX_SEND_ATTEMPTS = 5;
const RETRY_AFTER_MS = 20 * 3_600_000; // a day, less a little so a daily run at a slightly earlier time still tries

/** One message to write: to the listing's contact, or (stage 'panel') to the panel. */
export interface PlannedReminder {
  serviceId: string;
  serviceName: string;
  stage: ReminderStage;
  dueDate: string;
  assuredDate: string;
  /** The listing's contact for checks; null only for a panel message about a listing with none. */
  contact: string | null;
}

export interface ReminderPlan {
  today: string;
  /** The due date of the check each active listing is waiting on now (by service id). */
  currentDue: Map<string, string>;
  reminders: PlannedReminder[];
  /** Listings due a check that have no email address to send it to. */
  noContact: ListedService[];
}

/**
 * The provider stage due on `today` for a check due on `dueDate`, or null before it falls due.
 * Only the latest is given, so a run missed for a while sends one email, not a backlog.
 */
export function providerStage(today: string, dueDate: string, settings: FreshnessSettings): Exclude<ReminderStage, 'panel'> | null {
  if (today < dueDate) return null;
  if (today >= addDays(dueDate, settings.stale_days_after_due)) return 'urgent';
  if (today >= addDays(dueDate, REMINDER_DAYS)) return 'reminder';
  return 'first';
}

/** Whether the listing is stale by the rules (rules.ts: today after due + stale_days_after_due), so the panel is told. */
export function panelDue(today: string, dueDate: string, settings: FreshnessSettings): boolean {
  return today > addDays(dueDate, settings.stale_days_after_due);
}

/** Who is asked to check a listing: the assurer, else the service's email, else its organisation's. */
export function checkContact(listing: { assurer_email: string | null; email: string | null; organization_email: string | null }): string | null {
  return [listing.assurer_email, listing.email, listing.organization_email].map((address) => address?.trim()).find((address) => address) ?? null;
}

/** What should be sent on the day of `now`; reads the database, writes nothing. */
export async function planReminders(db: Kysely<DatabaseSchema>, now: Date, settings: FreshnessSettings): Promise<ReminderPlan> {
  const today = todayInUk(now);
  // The due dates exactly as the freshness rules work them out (with each listing's categories).
  const directory = await checkDirectory(db, today, settings);
  const dueById = new Map(directory.services.map((listing) => [listing.id, listing.freshness.review_due]));
  const listings = await db
    .selectFrom('service')
    .innerJoin('organization', 'organization.id', 'service.organization_id')
    .select(['service.id', 'service.name', 'service.assured_date', 'service.assurer_email', 'service.email', 'organization.email as organization_email'])
    .where('service.status', '=', 'active')
    .where('service.assured_date', 'is not', null)
    .orderBy('service.name')
    .orderBy('service.id')
    .execute();
  const stored = await db.selectFrom('reminder').select(['service_id', 'due_date', 'stage']).execute();
  const already = new Set(stored.map((row) => `${row.service_id} ${row.due_date} ${row.stage}`));

  const reminders: PlannedReminder[] = [];
  const noContact: ListedService[] = [];
  for (const listing of listings) {
    const dueDate = dueById.get(listing.id);
    if (!dueDate || !listing.assured_date) continue;
    const contact = checkContact(listing);
    const planned = (stage: ReminderStage): PlannedReminder => ({
      serviceId: listing.id,
      serviceName: listing.name,
      stage,
      dueDate,
      assuredDate: listing.assured_date!,
      contact,
    });
    const stage = providerStage(today, dueDate, settings);
    if (stage && !contact) {
      noContact.push({
        id: listing.id,
        name: listing.name,
        reason: `Its check fell due on ${longDate(dueDate)}, but it has no email address (assurer, service or organisation).`,
      });
    } else if (stage && !already.has(`${listing.id} ${dueDate} ${stage}`)) {
      reminders.push(planned(stage));
    }
    if (panelDue(today, dueDate, settings) && !already.has(`${listing.id} ${dueDate} panel`)) reminders.push(planned('panel'));
  }
  const currentDue = new Map(
    listings.flatMap((listing) => {
      const due = dueById.get(listing.id);
      return due ? [[listing.id, due] as const] : [];
    }),
  );
  return { today, currentDue, reminders, noContact };
}

export interface WrittenEmail {
  subject: string;
  body: string;
}

/** The words of one message. `linkUrl` is the confirmation link (provider stages) or the listing's page (panel). */
export function writeReminder(reminder: PlannedReminder, linkUrl: string, linkExpires: string, settings: FreshnessSettings): WrittenEmail {
  const name = reminder.serviceName;
  const checked = longDate(reminder.assuredDate);
  const staleFrom = longDate(addDays(reminder.dueDate, settings.stale_days_after_due + 1));
  const ask = [
    'Please tell us whether it is still running. It takes one click, and you do not need an account:',
    '',
    linkUrl,
    '',
    `The link works once, until ${longDate(linkExpires)}. If something has changed, the form lets you tell us what.`,
    'If you are not the right person to ask, please pass this email on to someone who is.',
  ];
  const sign = ['', 'Thank you,', 'The community directory team'];
  switch (reminder.stage) {
    case 'first':
      return {
        subject: `Is ${name} still running? Please check its listing`,
        body: [
          'Hello,',
          '',
          `${name} is listed in our community directory, which link workers and GP practices use to suggest local groups and services to people.`,
          `We last checked its details on ${checked}, and they are now due another check.`,
          '',
          ...ask,
          ...sign,
        ].join('\n'),
      };
    case 'reminder':
      return {
        subject: `Reminder: is ${name} still running?`,
        body: [
          'Hello,',
          '',
          `We are still waiting to hear whether ${name} is running. Its details were last checked on ${checked}, and were due another check on ${longDate(reminder.dueDate)}.`,
          '',
          ...ask,
          ...sign,
        ].join('\n'),
      };
    case 'urgent':
      return {
        subject: `Urgent: please confirm ${name} is still running`,
        body: [
          'Hello,',
          '',
          `We have not been able to check ${name} since ${checked}.`,
          `From ${staleFrom}, its listing will warn people that it may have stopped running, so fewer people may be referred to it.`,
          '',
          ...ask,
          ...sign,
        ].join('\n'),
      };
    case 'panel':
      return {
        subject: `${name} has not been checked: please follow it up`,
        body: [
          'Hello,',
          '',
          `${name} has not been checked since ${checked}. Its check fell due on ${longDate(reminder.dueDate)}, and its listing now warns people that it may have stopped running.`,
          reminder.contact
            ? `We emailed ${reminder.contact} and had no answer. Please phone them, or find out another way whether it still runs.`
            : 'It has no email address, so nobody has been asked. Please find out another way whether it still runs, and add a contact if you can.',
          '',
          `Its listing: ${linkUrl}`,
          ...sign,
        ].join('\n'),
      };
  }
}

export interface ReminderOptions {
  /** The site's public address, for links in emails: by default publicUrl() (src/lib/config.ts). */
  publicUrl?: string;
  /** Where panel messages go: PANEL_EMAIL, else they stay in the outbox. */
  panelEmail?: string;
}

/** Writes each planned message as a reminder row in the outbox, each with a fresh confirmation link. */
export async function storeReminders(
  db: Kysely<DatabaseSchema>,
  plan: ReminderPlan,
  now: Date,
  settings: FreshnessSettings,
  options: ReminderOptions = {},
): Promise<ReminderRow[]> {
  const publicUrl = (options.publicUrl ?? sitePublicUrl()).replace(/\/+$/, '');
  const panelEmail = options.panelEmail ?? appConfig().PANEL_EMAIL ?? '';
  const linkExpires = todayInUk(new Date(now.getTime() + DEFAULT_LINK_DAYS * DAY_MS));
  const rows: ReminderRow[] = [];
  for (const reminder of plan.reminders) {
    const linkPath =
      reminder.stage === 'panel' ? servicePath(reminder.serviceId) : await createConfirmationLink(db, reminder.serviceId, { now, days: DEFAULT_LINK_DAYS });
    const { subject, body } = writeReminder(reminder, `${publicUrl}${linkPath}`, linkExpires, settings);
    const row: ReminderRow = {
      id: randomUUID(),
      service_id: reminder.serviceId,
      stage: reminder.stage,
      due_date: reminder.dueDate,
      to_address: reminder.stage === 'panel' ? panelEmail || PANEL_OUTBOX_ADDRESS : reminder.contact!,
      subject,
      body,
      link_path: linkPath,
      created_at: now.toISOString(),
      status: 'outbox',
      sent_at: null,
      error: null,
      attempts: 0,
      last_attempt_at: null,
    };
    // Another run may have stored this stage a moment ago: then it is theirs to send.
    const inserted = await db
      .insertInto('reminder')
      .values(row)
      .onConflict((oc) => oc.columns(['service_id', 'due_date', 'stage']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) rows.push(row);
  }
  return rows;
}

/** Sends each row that has a real address; records the time sent, or the error. Never throws for a failed message. */
export async function sendReminders(db: Kysely<DatabaseSchema>, rows: ReminderRow[], mailer: Mailer | null, now: Date): Promise<ReminderRow[]> {
  if (!mailer) return rows;
  const result: ReminderRow[] = [];
  for (const row of rows) {
    if (row.to_address === PANEL_OUTBOX_ADDRESS) {
      result.push(row);
      continue;
    }
    let update: Pick<ReminderRow, 'status' | 'sent_at' | 'error' | 'attempts' | 'last_attempt_at'>;
    const tried = { attempts: row.attempts + 1, last_attempt_at: now.toISOString() };
    try {
      await mailer.send({ to: row.to_address, subject: row.subject, text: row.body });
      update = { status: 'sent', sent_at: now.toISOString(), error: null, ...tried };
    } catch (error) {
      update = { status: 'failed', sent_at: null, error: (error as Error).message || String(error), ...tried };
    }
    await db.updateTable('reminder').set(update).where('id', '=', row.id).execute();
    result.push({ ...row, ...update });
  }
  return result;
}

export interface ReminderReport {
  today: string;
  /** Whether an SMTP server was configured; without one every message stays in the outbox. */
  mailerConfigured: boolean;
  /** Messages stored this run, by stage. */
  byStage: Record<ReminderStage, number>;
  sent: number;
  outbox: number;
  failed: number;
  reminders: ReminderRow[];
  /** Earlier messages from the outbox, or that had failed, sent again this run. */
  retried: { sent: number; failed: number };
  /** Messages not sent that are no longer tried: refused MAX_SEND_ATTEMPTS times (the panel sees them in the outbox). */
  givenUp: number;
  noContact: ListedService[];
}

/** Plans, stores and sends the day's reminders. */
export async function runReminders(
  db: Kysely<DatabaseSchema>,
  now: Date,
  settings: FreshnessSettings,
  mailer: Mailer | null,
  options: ReminderOptions = {},
): Promise<ReminderReport> {
  const plan = await planReminders(db, now, settings);
  const stored = await storeReminders(db, plan, now, settings, options);
  const reminders = await sendReminders(db, stored, mailer, now);
  // Messages kept in the outbox (no SMTP then) or that failed go now, once there is a mailer.
  const unsent = mailer
    ? await db
        .selectFrom('reminder')
        .selectAll()
        .where('status', 'in', ['outbox', 'failed'])
        .where('to_address', '!=', PANEL_OUTBOX_ADDRESS)
        .where('id', 'not in', stored.length ? stored.map((row) => row.id) : [''])
        .execute()
    : [];
  const unsentServices = [...new Set(unsent.map((row) => row.service_id))];
  const allStages = unsentServices.length
    ? await db.selectFrom('reminder').select(['service_id', 'due_date', 'stage']).where('service_id', 'in', unsentServices).execute()
    : [];
  const { retry, givenUp } = worthRetrying(unsent as ReminderRow[], allStages, plan.currentDue, now);
  const retried = await sendReminders(db, retry, mailer, now);
  const byStage = Object.fromEntries(REMINDER_STAGES.map((stage) => [stage, 0])) as Record<ReminderStage, number>;
  for (const row of reminders) byStage[row.stage]++;
  const count = (status: ReminderRow['status']) => reminders.filter((row) => row.status === status).length;
  return {
    today: plan.today,
    mailerConfigured: mailer !== null,
    byStage,
    sent: count('sent'),
    outbox: count('outbox'),
    failed: count('failed'),
    reminders,
    noContact: plan.noContact,
    retried: { sent: retried.filter((row) => row.status === 'sent').length, failed: retried.filter((row) => row.status === 'failed').length },
    givenUp,
  };
}

const STAGE_ORDER: Record<ReminderStage, number> = { first: 0, reminder: 1, urgent: 2, panel: 3 };

/**
 * Which unsent messages to try again: only the latest provider stage of a check that is still
 * waiting (not one the provider has since answered, or the listing closed, or a later stage
 * replaced), at most once a day, and at most MAX_SEND_ATTEMPTS times in all.
 */
export function worthRetrying(
  unsent: ReminderRow[],
  /** Every stored message (any status) of the listings concerned. */
  stored: Pick<ReminderRow, 'service_id' | 'due_date' | 'stage'>[],
  currentDue: Map<string, string>,
  now: Date,
): { retry: ReminderRow[]; givenUp: number } {
  const latest = new Map<string, number>();
  for (const row of [...stored, ...unsent]) {
    if (row.stage === 'panel') continue;
    const key = `${row.service_id} ${row.due_date}`;
    latest.set(key, Math.max(latest.get(key) ?? -1, STAGE_ORDER[row.stage]));
  }
  let givenUp = 0;
  const retry = unsent.filter((row) => {
    // A provider's message is pointless once the check is answered or a later stage replaced it;
    // the panel's own message (when PANEL_EMAIL is set) is replaced by nothing.
    if (row.stage !== 'panel') {
      if (currentDue.get(row.service_id) !== row.due_date) return false;
      if (latest.get(`${row.service_id} ${row.due_date}`) !== STAGE_ORDER[row.stage]) return false;
    }
    if (row.attempts >= MAX_SEND_ATTEMPTS) {
      givenUp++;
      return false;
    }
    return !row.last_attempt_at || now.getTime() - Date.parse(row.last_attempt_at) >= RETRY_AFTER_MS;
  });
  return { retry, givenUp };
}
