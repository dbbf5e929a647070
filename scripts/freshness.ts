// npm run freshness -- [--check-links] [--send-reminders] [--json]: how up to date the directory's
// listings are, and which need a call; with --check-links, first checks every listing's website;
// with --send-reminders, emails the contacts of listings due a check (and the panel, once stale).
import { parseArgs } from 'node:util';
import { fail, openDirectory, progressPrinter } from './cli';
import { todayInUk } from '../src/lib/dates';
import { getFreshnessSettings } from '../src/lib/freshness/settings';
import { checkDirectory, FUNDING_LIST_DAYS, type ListedService } from '../src/lib/freshness-jobs/directory-check';
import {
  DEFAULT_PER_SECOND,
  DEFAULT_TIMEOUT_MS,
  checkLinks,
  linkCheckUserAgent,
  linkTargets,
  type LinkCheckReport,
} from '../src/lib/freshness-jobs/link-check';
import { applySearchOutbox } from '../src/lib/search/outbox';
import { FRESHNESS_FLAGS, FRESHNESS_STATUSES } from '../src/lib/freshness/rules';
import { createMailer, type Mailer } from '../src/lib/mail/mailer';
import { MAX_SEND_ATTEMPTS, REMINDER_STAGES, runReminders, type ReminderReport } from '../src/lib/freshness-jobs/reminders';

const USAGE = `Usage: npm run freshness -- [--check-links] [--send-reminders] [--timeout-ms 5000] [--per-second 2] [--json] [--today YYYY-MM-DD]
  Assesses every listing with the freshness rules and lists those that need a call.
  --check-links   first check each listing's website (HEAD, or GET when refused) and record the results
  --timeout-ms    how long to wait for a website to answer (default ${DEFAULT_TIMEOUT_MS})
  --per-second    at most this many website requests a second, one at a time (default ${DEFAULT_PER_SECOND})
  --send-reminders  email the contact of each listing due a check (first, at 14 days, and urgent when
                  it turns stale) and tell the panel once it is stale; each message goes once
  --json          write the full result as JSON to standard output
  --today         judge as on this date (default: today in the UK)
  Set LINK_CHECK_CONTACT to an email or web address for site owners to reach you; it goes in the user agent.
  For reminders: SMTP_URL (e.g. smtp://user:password@mail.example.org:587; without it messages stay in the
  outbox), MAIL_FROM, PANEL_EMAIL (the panel's address) and PUBLIC_URL (the site's address, for links).`;
const LISTED = 20;

let parsed;
try {
  parsed = parseArgs({
    options: {
      'check-links': { type: 'boolean', default: false },
      'send-reminders': { type: 'boolean', default: false },
      'timeout-ms': { type: 'string' },
      'per-second': { type: 'string' },
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values } = parsed;
if (values.help) fail(USAGE);

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) fail(`--${name} must be a number more than 0, not "${text}".`);
  return value;
}
const timeoutMs = positiveNumber('timeout-ms', values['timeout-ms'], DEFAULT_TIMEOUT_MS);
const perSecond = positiveNumber('per-second', values['per-second'], DEFAULT_PER_SECOND);
const today = values.today ?? todayInUk();
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) fail(`--today must be a date like 2026-11-21, not "${today}".`);

let settings;
try {
  settings = getFreshnessSettings();
} catch (error) {
  fail((error as Error).message);
}

const out = (line = '') => process.stdout.write(`${line}\n`);

function printList(title: string, listed: ListedService[]) {
  out(`${title}: ${listed.length}`);
  for (const service of listed.slice(0, LISTED)) out(`  ${service.name} (${service.id}): ${service.reason}`);
  if (listed.length > LISTED) out(`  and ${listed.length - LISTED} more`);
}

let mailer: Mailer | null = null;
if (values['send-reminders']) {
  try {
    mailer = createMailer();
  } catch (error) {
    fail((error as Error).message);
  }
}

// Simulated runs (--today) are judged at noon UK time on that day; otherwise now.
const now = values.today ? new Date(`${today}T12:00:00Z`) : new Date();

const { directory, search } = await openDirectory();
try {
  let links: LinkCheckReport | null = null;
  if (values['check-links']) {
    const targets = await linkTargets(directory.db);
    process.stderr.write(`Checking ${targets.length} websites, at most ${perSecond} a second, as "${linkCheckUserAgent()}".\n`);
    links = await checkLinks(directory.db, targets, { timeoutMs, perSecond, onProgress: progressPrinter('Checking websites') });
    // Each check queued its service for search (the outbox): so that a website failing again shows in search now.
    await applySearchOutbox(directory.db, search, today);
  }

  let reminders: ReminderReport | null = null;
  if (values['send-reminders']) {
    try {
      reminders = await runReminders(directory.db, now, settings, mailer);
    } finally {
      mailer?.close();
    }
  }

  const result = await checkDirectory(directory.db, today, settings, { onProgress: progressPrinter('Assessing listings') });

  if (values.json) {
    out(JSON.stringify({ ...result, linkCheck: links, ...(reminders ? { reminders } : {}) }, null, 2));
  } else {
    const { summary } = result;
    out(`Freshness of ${summary.total} listings on ${summary.today}:`);
    for (const status of FRESHNESS_STATUSES) out(`  ${status}: ${summary.byStatus[status]}`);
    out('By flag:');
    for (const flag of FRESHNESS_FLAGS) out(`  ${flag}: ${summary.byFlag[flag]}`);
    if (links) {
      out(`Websites: ${links.results.length} checked, ${links.ok} working, ${links.failed} not working, ${links.skipped.length} skipped (not http or https).`);
    }
    out();
    printList('Stale listings', result.stale);
    out();
    printList(`Funding ending in the next ${FUNDING_LIST_DAYS} days`, result.fundingEnding);
    if (reminders) {
      out();
      out(`Reminders on ${reminders.today}: ${reminders.reminders.length} new`);
      for (const stage of REMINDER_STAGES) out(`  ${stage}: ${reminders.byStage[stage]}`);
      out(`  sent: ${reminders.sent}, in the outbox: ${reminders.outbox}, failed: ${reminders.failed}`);
      if (reminders.retried.sent || reminders.retried.failed) {
        out(`  earlier messages from the outbox or that had failed: ${reminders.retried.sent} sent now, ${reminders.retried.failed} failed again`);
      }
      if (reminders.givenUp) {
        out(
          `  ${reminders.givenUp} messages failed ${MAX_SEND_ATTEMPTS} times and are no longer tried: the panel sees them in the outbox, to contact those services another way.`,
        );
      }
      if (!reminders.mailerConfigured) {
        out('  SMTP_URL is not set, so nothing was emailed: the messages are in the outbox (reminder rows with status "outbox") for the panel to see.');
      } else if (mailer) {
        out(`  Sent through ${mailer.describe}.`);
      }
      for (const row of reminders.reminders.filter((reminder) => reminder.status === 'failed').slice(0, LISTED)) {
        out(
          `  Could not send to ${row.to_address} (${row.stage}): ${row.error}. It stays recorded with the error and is tried again on each daily run, up to ${MAX_SEND_ATTEMPTS} times.`,
        );
      }
      out();
      printList('Due a check but with no email address', reminders.noContact);
    }
  }
} finally {
  await directory.close();
}
