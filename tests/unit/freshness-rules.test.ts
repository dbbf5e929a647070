// Every freshness rule at its edges: the day before, the day of and the day after each date.
import { describe, expect, it } from 'vitest';
import { addMonths, assessFreshness, checkFirstAdvice, howReached, fundingEndDate, reviewMonths, type FreshnessSignals } from '../../src/lib/freshness/rules';
import type { FreshnessSettings } from '../../src/lib/freshness/settings';
import { getFreshnessSettings } from '../../src/lib/freshness/settings';
import { validateRecord } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { service } from '../fixtures/services';
import { uuidFor } from '../../src/lib/ids';

const SETTINGS: FreshnessSettings = {
  review_months: 6,
  review_months_by_category: { 'food-banks': 3 },
  funding_ending_soon_days: 60,
  capacity_months: 3,
  stale_days_after_due: 28,
  failed_link_checks: 2,
};

const PHONE = { id: uuidFor('phone', 'group'), number: '0191 498 0000', type: 'voice' };

/** A group at a place with a phone number, unless `extra` says otherwise. */
function record(extra: Record<string, unknown> = {}, assured: string | null = '2026-06-01'): ServiceRecord {
  const checked = validateRecord(service({ code: 'group', name: 'Group', assured, extra: { phones: [PHONE], ...extra } }), 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  return checked.record;
}
const funding = (end: string | null, code = 'a') => ({ id: uuidFor('funding', code), source: 'Lottery', ...(end ? { end_date: end } : {}) });

const assess = (service: ServiceRecord, today: string, signals?: FreshnessSignals, categories: string[] = []) =>
  assessFreshness(service, categories, today, SETTINGS, signals);
const flagsOf = (service: ServiceRecord, today: string, signals?: FreshnessSignals, categories: string[] = []) =>
  assess(service, today, signals, categories).flags.map((f) => `${f.flag}:${f.severity}`);

describe('funding', () => {
  const funded = record({ funding: [funding('2026-03-31')] }, '2026-01-10');

  it('is ending soon within 60 days of its end, up to and including the end date', () => {
    expect(flagsOf(funded, '2026-01-29')).toEqual([]); // 61 days before
    expect(flagsOf(funded, '2026-01-30')).toEqual(['funding_ending_soon:check']); // 60 days before
    expect(flagsOf(funded, '2026-03-31')).toEqual(['funding_ending_soon:check']); // the end date itself
  });

  it('has lapsed the day after its end when nobody has checked since, and says so plainly', () => {
    const result = assess(funded, '2026-04-01');
    expect(result.status).toBe('stale');
    expect(result.flags[0]).toEqual({
      flag: 'funding_lapsed',
      severity: 'stale',
      sentence: 'Funding for this group was due to end on 31 March 2026. It may have stopped. Phone before you go.',
    });
    expect(result.funding_end_date).toBe('2026-03-31');
  });

  it('has not lapsed when the listing was checked after the funding ended', () => {
    expect(flagsOf(record({ funding: [funding('2026-03-31')] }, '2026-04-01'), '2026-04-02')).toEqual([]);
    // Checked on the end date itself is not "since".
    expect(flagsOf(record({ funding: [funding('2026-03-31')] }, '2026-03-31'), '2026-04-02')).toEqual(['funding_lapsed:stale']);
  });

  it('takes the latest end, and none at all when some funding runs on', () => {
    expect(fundingEndDate(record({ funding: [funding('2026-03-31', 'a'), funding('2027-03-31', 'b')] }))).toBe('2027-03-31');
    expect(fundingEndDate(record({ funding: [funding('2026-03-31', 'a'), funding(null, 'b')] }))).toBeNull();
    expect(fundingEndDate(record())).toBeNull();
  });
});

describe('checks', () => {
  it('is overdue the day after the review falls due, and stale 28 days after that', () => {
    const checked = record({}, '2026-01-15'); // due 2026-07-15
    expect(flagsOf(checked, '2026-07-14')).toEqual([]);
    expect(flagsOf(checked, '2026-07-15')).toEqual([]);
    expect(flagsOf(checked, '2026-07-16')).toEqual(['verification_overdue:check']);
    expect(flagsOf(checked, '2026-08-12')).toEqual(['verification_overdue:check']); // due + 28
    expect(flagsOf(checked, '2026-08-13')).toEqual(['verification_overdue:stale']);
    expect(assess(checked, '2026-08-13').status).toBe('stale');
    expect(assess(checked, '2026-07-14').review_due).toBe('2026-07-15');
  });

  it('uses the shortest interval of its categories', () => {
    expect(reviewMonths(['food', 'food-banks'], SETTINGS)).toBe(3);
    expect(reviewMonths(['walking-groups'], SETTINGS)).toBe(6);
    const checked = record({}, '2026-01-15');
    expect(flagsOf(checked, '2026-04-16', undefined, ['food-banks'])).toEqual(['verification_overdue:check']);
    expect(flagsOf(checked, '2026-04-15', undefined, ['food-banks'])).toEqual([]);
  });

  it('adds months as a calendar does, at the ends of months too', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });

  it('says a listing nobody has checked should be checked', () => {
    expect(assess(record({}, null), '2026-06-01')).toMatchObject({ status: 'check', flags: [{ flag: 'never_verified', severity: 'check' }], review_due: null });
  });
});

describe('times and prices', () => {
  it('flags times only when every schedule has ended, from the day after the last one ends', () => {
    const dated = record({
      schedules: [{ id: uuidFor('schedule', 's'), byday: 'TU', opens_at: '10:00', closes_at: '12:00', valid_to: '2026-06-30', freq: 'WEEKLY' }],
    });
    expect(flagsOf(dated, '2026-06-30')).toEqual([]);
    expect(flagsOf(dated, '2026-07-01')).toEqual(['schedule_expired:check']);
    expect(assess(dated, '2026-07-01').flags[0]!.sentence).toBe('The times we have ended on 30 June 2026. Phone to ask when it runs now.');
    const oneLeft = record({
      schedules: [
        { id: uuidFor('schedule', 's1'), byday: 'TU', valid_to: '2026-06-30', freq: 'WEEKLY' },
        { id: uuidFor('schedule', 's2'), byday: 'WE', freq: 'WEEKLY' },
      ],
    });
    expect(flagsOf(oneLeft, '2026-07-01')).toEqual([]);
  });

  it('flags prices when every price has ended', () => {
    const priced = record({ cost_options: [{ id: uuidFor('cost', 'c'), option: 'Adults', amount: 3, valid_to: '2026-06-30' }] });
    expect(flagsOf(priced, '2026-06-30')).toEqual([]);
    expect(flagsOf(priced, '2026-07-01')).toEqual(['cost_expired:check']);
  });
});

describe('signals from outside the record', () => {
  it('flags an open report, with its date', () => {
    const result = assess(record(), '2026-06-02', { openReports: 1, lastReportDate: '2026-06-02', linkChecks: [] });
    expect(result.status).toBe('check');
    expect(result.flags).toEqual([
      { flag: 'reported_problem', severity: 'check', sentence: 'Someone told us on 2 June 2026 that these details may be wrong. Phone before you go.' },
    ]);
    expect(flagsOf(record(), '2026-06-02', { openReports: 0, linkChecks: [] })).toEqual([]);
  });

  it('calls a website unreachable only when the last two checks failed', () => {
    const checks = (...results: boolean[]) => ({ openReports: 0, linkChecks: results.map((ok) => ({ ok })) });
    expect(flagsOf(record(), '2026-06-02', checks(false))).toEqual([]);
    expect(flagsOf(record(), '2026-06-02', checks(false, true))).toEqual([]);
    expect(flagsOf(record(), '2026-06-02', checks(true, false, false))).toEqual([]);
    expect(flagsOf(record(), '2026-06-02', checks(false, false))).toEqual(['website_unreachable:check']);
  });
});

describe('status and capacity', () => {
  it('says a temporarily closed service needs a call', () => {
    const closed = validateRecord(service({ code: 'closed', name: 'Closed', status: 'temporarily closed', assured: '2026-06-01' }), 0);
    if (!('record' in closed)) throw new Error('invalid');
    expect(flagsOf(closed.record, '2026-06-02')).toEqual(['temporarily_closed:check']);
  });

  it('mentions space for new people not updated for three months, without changing the status', () => {
    const full = record({ capacity_status: 'waiting_list', capacity_updated: '2026-03-01' });
    expect(flagsOf(full, '2026-06-01')).toEqual([]);
    expect(assess(full, '2026-06-02')).toMatchObject({ status: 'ok', flags: [{ flag: 'capacity_unknown', severity: 'info' }] });
    expect(flagsOf(record({ capacity_status: 'full' }), '2026-06-02')).toEqual(['capacity_unknown:info']);
    expect(flagsOf(record(), '2026-06-02')).toEqual([]); // no capacity given: nothing to be out of date
  });

  it('is ok with nothing to say, and lists several flags in order of importance', () => {
    expect(assess(record(), '2026-06-02')).toMatchObject({ status: 'ok', flags: [] });
    const many = record({ funding: [funding('2026-03-31')] }, '2025-01-01');
    expect(flagsOf(many, '2026-06-02', { openReports: 2, linkChecks: [] })).toEqual([
      'funding_lapsed:stale',
      'reported_problem:check',
      'verification_overdue:stale',
    ]);
  });
});

describe('settings', () => {
  it('loads content/freshness/settings.json with its defaults', () => {
    const settings = getFreshnessSettings();
    expect(settings.review_months).toBe(6);
    expect(settings.funding_ending_soon_days).toBe(60);
    expect(settings.review_months_by_category['food-banks']).toBe(3);
  });
});

describe('warnings worded for how the service is reached', () => {
  const advice = (extra: Record<string, unknown>, locationType?: 'virtual' | null) => {
    const checked = validateRecord(service({ code: 'line', name: 'Line', assured: null, extra, ...(locationType !== undefined ? { locationType } : {}) }), 0);
    if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
    return assessFreshness(checked.record, [], '2026-06-01', SETTINGS).flags[0]!.sentence;
  };

  it('says "Phone before you go" only to a place with a phone number', () => {
    expect(advice({ phones: [PHONE] })).toBe('Nobody has checked these details yet. Phone before you go.');
    expect(advice({ email: 'hello@example.org' })).toBe('Nobody has checked these details yet. Contact them before you go.');
    expect(advice({})).toBe('Nobody has checked these details yet. Ask someone who knows it, or a link worker, before you go.');
  });

  it('never tells someone to "go" to a phone line', () => {
    const line = advice({ phones: [PHONE], delivery_modes: ['phone'] }, null);
    expect(line).toBe('Nobody has checked these details yet. The number may have changed.');
    expect(line).not.toMatch(/before you go/);
    expect(checkFirstAdvice({ inPerson: false, hasPhone: false, hasOtherContact: true })).toBe('Check with them that it is still running.');
  });

  it("counts a place's own phone and a contact's phone as a phone", () => {
    const checked = validateRecord(
      service({
        code: 'x',
        name: 'X',
        assured: null,
        extra: { contacts: [{ id: uuidFor('contact', 'x'), name: 'Sam', phones: [{ ...PHONE, id: uuidFor('phone', 'x') }] }] },
      }),
      0,
    );
    if (!('record' in checked)) throw new Error('invalid');
    expect(howReached(checked.record)).toMatchObject({ inPerson: true, hasPhone: true });
  });
});
