// npm run simulate:freshness -- [--listings 1000] [--days 365] [--seed 1] [--answer-rate 0.6] [--start YYYY-MM-DD] [--review-months N] [--json]:
// a year of a directory decaying and being checked (src/lib/freshness/simulation.ts), measured each month against the targets.
import { parseArgs } from 'node:util';
import { getFreshnessSettings } from '../src/lib/freshness/settings';
import { simulateFreshness, type SimulationResult } from '../src/lib/freshness/simulation';
import { table, thousands } from './bench/stats';
import { fail } from './cli';

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    seed: { type: 'string', default: '1' },
    'answer-rate': { type: 'string', default: '0.6' },
    start: { type: 'string', default: '2026-01-01' },
    'review-months': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(
    'Usage: npm run simulate:freshness -- [--listings 1000] [--days 365] [--seed 1] [--answer-rate 0.6] [--start 2026-01-01] [--review-months N] [--json]\n',
  );
  process.exit(0);
}

function whole(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number of at least ${min}, not "${text}".`);
  return value;
}
const answerRate = Number(values['answer-rate']);
if (!(answerRate >= 0 && answerRate <= 1)) fail(`--answer-rate must be a share between 0 and 1 (such as 0.6), not "${values['answer-rate']}".`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start)) fail(`--start must be a date written YYYY-MM-DD, not "${values.start}".`);

// --review-months: try another review interval for every category (content/freshness/settings.json is left alone).
const settings = { ...getFreshnessSettings() };
if (values['review-months'] !== undefined) {
  const months = whole('review-months', values['review-months'], 1);
  settings.review_months = months;
  settings.review_months_by_category = Object.fromEntries(Object.entries(settings.review_months_by_category).map(([code, m]) => [code, Math.min(m, months)]));
}

const began = performance.now();
const result = simulateFreshness({
  listings: whole('listings', values.listings, 1),
  days: whole('days', values.days, 1),
  seed: whole('seed', values.seed, 0),
  answerRate,
  start: values.start,
  settings,
});
const seconds = (performance.now() - began) / 1000;

if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...result, seconds: Number(seconds.toFixed(2)) }, null, 2)}\n`);
} else {
  process.stdout.write(report(result, seconds));
}
process.exit(0);

function report({ options, months, totals, targets, pass }: SimulationResult, seconds: number): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const rows = months.map((m) => [
    m.date,
    thousands(m.shown),
    percent(m.coveredShare),
    thousands(m.check),
    thousands(m.stale),
    thousands(m.closedShown),
    thousands(m.closedShownOk),
    thousands(m.outOfDateShownOk),
    thousands(m.archived),
  ]);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  return [
    `Freshness simulation: ${thousands(options.listings)} listings, ${options.days} days from ${options.start}, seed ${options.seed}, answer rate ${options.answerRate}`,
    '',
    table(['month end', 'shown', 'checked or flagged', 'check', 'stale', 'closed, shown', 'closed, shown ok', 'out of date, shown ok', 'archived'], rows, [
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
    ]),
    '',
    `In the world: ${totals.closures} silent closures, ${totals.fundingStops} stopped when funding ended (${totals.fundingEnds} found new funding), ` +
      `${totals.moves} moves, ${totals.capacityChanges} changes in space, ${totals.temporaryClosures} temporary closures.`,
    `The directory: ${thousands(totals.emails)} emails, ${thousands(totals.answers)} answers, ${totals.reports} reports, ` +
      `${totals.websiteFlags} websites found not working, ${totals.panelChecks} panel checks.`,
    '',
    `${verdict(targets.coveredShare.pass)}  shown listings checked in time or flagged: worst month ${percent(targets.coveredShare.worst)} (target at least ${percent(targets.coveredShare.target)})`,
    `${verdict(targets.closedShownOk.pass)}  closed services still shown with no warning: worst month ${targets.closedShownOk.worst} (target ${targets.closedShownOk.target})`,
    '',
    pass ? 'All targets met.' : 'TARGETS NOT MET: see FAIL above. (Exit code is 0; this is a measurement, not a test.)',
    `Ran in ${seconds.toFixed(2)} s.`,
    '',
  ].join('\n');
}
