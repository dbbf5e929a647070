// The freshness simulation: repeatable, with realistic decay, and a measure that can fail.
import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../src/lib/freshness/rules';
import { getFreshnessSettings } from '../../src/lib/freshness/settings';
import { simulateFreshness, type AssessFreshness } from '../../src/lib/freshness/simulation';

const settings = getFreshnessSettings();
const run = (options: Omit<Parameters<typeof simulateFreshness>[0], 'settings'> = {}) => simulateFreshness({ settings, ...options });

describe('simulateFreshness', () => {
  it('gives the same result for the same seed, and another for another seed', () => {
    expect(run({ seed: 7 })).toEqual(run({ seed: 7 }));
    expect(run({ seed: 8 }).months).not.toEqual(run({ seed: 7 }).months);
  });

  it('decays at about the rates asked for, over a year at 1,000 listings', () => {
    const { totals, months } = run();
    expect(months).toHaveLength(12);
    expect(totals.closures).toBeGreaterThanOrEqual(55); // 8% of 1,000 = 80
    expect(totals.closures).toBeLessThanOrEqual(105);
    expect(totals.fundingStops + totals.fundingEnds).toBeGreaterThanOrEqual(250); // 30% of 1,000 = 300, some ending on the last day
    expect(totals.fundingStops).toBeGreaterThanOrEqual(110); // half of those
    expect(totals.fundingStops).toBeLessThanOrEqual(190);
    expect(totals.moves).toBeGreaterThanOrEqual(25); // 5% = 50
    expect(totals.moves).toBeLessThanOrEqual(80);
  });

  it('changes the world the same way whatever the directory does', () => {
    const world = ({ closures, fundingEnds, fundingStops, moves, capacityChanges, temporaryClosures }: ReturnType<typeof run>['totals']) => ({
      closures,
      fundingEnds,
      fundingStops,
      moves,
      capacityChanges,
      temporaryClosures,
    });
    expect(world(run({ answerRate: 0 }).totals)).toEqual(world(run({ answerRate: 1 }).totals));
  });

  it('still warns when nobody answers: the share stays high and stale flags catch closed services once checks fall due', () => {
    // No reports and no websites either, so nothing but the review dates can bring a listing up to date.
    const { months, totals } = run({ answerRate: 0, rates: { reportShare: 0, websiteShare: 0 } });
    expect(totals.answers).toBe(0);
    for (const month of months) expect(month.coveredShare).toBeGreaterThanOrEqual(0.98);
    // By the end every listing has passed its review date, so closed ones are flagged, not 'ok'.
    expect(months.slice(-2).map((m) => m.closedShownOk)).toEqual([0, 0]);
    // Before that, a service that closes between checks looks fine until its check falls due
    // (unless someone reports it): the rules cannot see a silent closure earlier.
    expect(Math.max(...months.slice(0, 5).map((m) => m.closedShownOk))).toBeGreaterThan(0);
  });

  it('fails the measure when the rules are turned off', () => {
    const noRules: AssessFreshness = (service) =>
      ({
        status: 'ok',
        flags: [],
        assured_date: service.assured_date ?? null,
        funding_end_date: null,
        review_due: null,
      }) satisfies Freshness;
    const result = run({ assess: noRules });
    expect(result.pass).toBe(false);
    expect(result.targets.coveredShare.pass).toBe(false);
    expect(result.targets.closedShownOk.worst).toBeGreaterThan(run().targets.closedShownOk.worst);
  });

  it('catches some silent closures through website checks, which the panel then follows up', () => {
    const without = run({ rates: { websiteShare: 0 } });
    const withChecks = run();
    expect(without.totals.websiteFlags).toBe(0);
    expect(withChecks.totals.websiteFlags).toBeGreaterThan(10);
    const unwarned = (result: ReturnType<typeof run>) => result.months.reduce((sum, month) => sum + month.closedShownOk, 0);
    expect(unwarned(withChecks)).toBeLessThan(unwarned(without));
    // The world is the same with or without the checks.
    expect(withChecks.totals.closures).toBe(without.totals.closures);
  });
});
