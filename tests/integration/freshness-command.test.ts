// npm run freshness as a person (or another tool) runs it, on a real scratch database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { importRecords } from '../../src/lib/openreferral/import';
import { readServices } from '../../src/lib/directory/service-reader';
import { buildSearchDocument } from '../../src/lib/search/search-document';
import { FRESHNESS_FLAGS, NO_SIGNALS, addMonths, assessFreshness, type FreshnessSignals } from '../../src/lib/freshness/rules';
import { getFreshnessSettings } from '../../src/lib/freshness/settings';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import type { DirectoryFreshness } from '../../src/lib/freshness-jobs/directory-check';
import { scratchDirectory, service } from '../fixtures/services';
import { databaseEnv } from '../fixtures/dialect';

// The command judges as of today in the UK, so the fixtures are dated from it.
const today = todayInUk();
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const funding = (code: string, end: string) => ({ funding: [{ id: uuidFor('funding', code), source: 'Lottery', end_date: end }] });

const fixtures = [
  service({ code: 'fresh-ok', name: 'Fresh Walking Group', categories: ['social-groups'], assured: inDays(-10) }),
  service({ code: 'fresh-old', name: 'Old Knitting Circle', categories: ['social-groups'], assured: addMonths(today, -12) }),
  service({ code: 'fresh-never', name: 'Never Checked Choir', assured: null }),
  service({ code: 'fresh-food', name: 'Food Bank Due A Call', categories: ['food-banks'], assured: addMonths(inDays(-10), -3) }),
  service({ code: 'fresh-ending', name: 'Funding Ending Soon Lunch Club', assured: inDays(-5), extra: funding('fresh-ending', inDays(30)) }),
  service({ code: 'fresh-ending-later', name: 'Funding Ending Later Art Club', assured: inDays(-5), extra: funding('fresh-ending-later', inDays(80)) }),
  service({ code: 'fresh-lapsed', name: 'Lapsed Funding Drop-in', assured: addMonths(today, -3), extra: funding('fresh-lapsed', inDays(-20)) }),
  service({ code: 'fresh-reported', name: 'Reported Cafe', assured: inDays(-3) }),
  service({ code: 'fresh-site-down', name: 'Website Down Garden', assured: inDays(-3), extra: { url: 'http://127.0.0.1:9/' } }),
  service({ code: 'fresh-closed', name: 'Closed For Now Pantry', assured: inDays(-3), status: 'temporarily closed' }),
];

let databasePath: string;
let cleanup: () => Promise<void>;
let expected: { byStatus: Record<string, number>; byFlag: Record<string, number>; stale: string[] };

beforeAll(async () => {
  const scratch = await scratchDirectory();
  databasePath = scratch.location;
  cleanup = scratch.cleanup;
  const { directory, search } = scratch;
  const report = await importRecords(directory, search, fixtures, { strict: true, source: 'test', today });
  expect(report.written).toBe(fixtures.length);
  const reported = fixtures.find((fixture) => fixture.name === 'Reported Cafe')!.id;
  const siteDown = fixtures.find((fixture) => fixture.name === 'Website Down Garden')!.id;
  await directory.db
    .insertInto('problem_report')
    .values({
      id: 'report-1',
      service_id: reported,
      kind: 'closed',
      message: null,
      contact_email: null,
      created_at: `${inDays(-1)}T10:00:00Z`,
    })
    .execute();
  await directory.db
    .insertInto('link_check')
    .values(
      [1, 2].map((n) => ({
        service_id: siteDown,
        url: 'http://127.0.0.1:9/',
        checked_at: `${inDays(-n)}T03:00:00Z`,
        ok: 0,
        status_code: null,
        error: 'connect ECONNREFUSED',
      })),
    )
    .execute();

  // What the rules say, worked out here from the records and the signals put in above.
  const signals: Record<string, FreshnessSignals> = {
    [reported]: { openReports: 1, lastReportDate: inDays(-1), linkChecks: [] },
    [siteDown]: { openReports: 0, lastReportDate: null, linkChecks: [{ ok: false }, { ok: false }] },
  };
  const records = await readServices(
    directory.db,
    fixtures.map((fixture) => fixture.id),
  );
  const byStatus: Record<string, number> = { ok: 0, check: 0, stale: 0 };
  const byFlag: Record<string, number> = Object.fromEntries(FRESHNESS_FLAGS.map((flag) => [flag, 0]));
  const stale: string[] = [];
  for (const record of records) {
    const recordSignals = signals[record.id] ?? NO_SIGNALS;
    const categories = buildSearchDocument(record, today, recordSignals).fields.categories;
    const freshness = assessFreshness(record, categories, today, getFreshnessSettings(), recordSignals);
    byStatus[freshness.status]!++;
    for (const { flag } of freshness.flags) byFlag[flag]!++;
    if (freshness.status === 'stale') stale.push(record.name);
  }
  expected = { byStatus, byFlag, stale: stale.sort() };
});

afterAll(async () => {
  await cleanup?.();
});

function freshness(args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'freshness', '--', ...args], {
    env: { ...process.env, ...databaseEnv(databasePath) },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run freshness', () => {
  it('writes the whole result as JSON, with the counts the rules give', () => {
    const result = freshness(['--json']);
    expect(result.stderr).toContain('Assessing listings: 100% (10 of 10)');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as DirectoryFreshness & { linkCheck: unknown };
    expect(output.summary).toEqual({ today, total: fixtures.length, byStatus: expected.byStatus, byFlag: expected.byFlag });
    expect(output.services).toHaveLength(fixtures.length);
    expect(output.stale.map((listed) => listed.name).sort()).toEqual(expected.stale);
    expect(output.fundingEnding.map((listed) => listed.name)).toEqual(['Funding Ending Soon Lunch Club', 'Funding Ending Later Art Club']);
    expect(output.linkCheck).toBeNull();
    // The fixtures cover each status and the flags they were made for.
    expect(expected.byStatus).toEqual({ ok: 2, check: 6, stale: 2 });
    for (const flag of [
      'temporarily_closed',
      'funding_lapsed',
      'reported_problem',
      'verification_overdue',
      'never_verified',
      'website_unreachable',
      'funding_ending_soon',
    ]) {
      expect(expected.byFlag[flag], flag).toBeGreaterThan(0);
    }
  });

  it('prints a summary and the listings that need a call', () => {
    const result = freshness([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Freshness of 10 listings on ${today}:`);
    expect(result.stdout).toContain(`  stale: ${expected.byStatus.stale}`);
    expect(result.stdout).toContain(`  website_unreachable: ${expected.byFlag.website_unreachable}`);
    expect(result.stdout).toContain(`Stale listings: ${expected.stale.length}`);
    const lapsed = fixtures.find((fixture) => fixture.name === 'Lapsed Funding Drop-in')!;
    expect(result.stdout).toMatch(new RegExp(`  Lapsed Funding Drop-in \\(${lapsed.id}\\): Funding for this group was due to end on`));
    expect(result.stdout).toContain('Funding ending in the next 90 days: 2');
  });

  it('says plainly what is wrong with an option', () => {
    const result = freshness(['--per-second', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--per-second must be a number more than 0, not "lots".');
  });
});
