import { describe, expect, it } from 'vitest';
import { costOptionText, money, summariseCost } from '../../src/lib/directory/cost';

const today = '2026-11-21';

describe('cost in words and bands', () => {
  it('formats money', () => {
    expect(money(3)).toBe('£3');
    expect(money(2.5)).toBe('£2.50');
    expect(money(1.5, 'EUR')).toBe('EUR 1.50');
  });
  it('says free', () => {
    expect(summariseCost([{ option: 'Free', amount: 0 }], today)).toEqual({ bands: ['free'], lowest: 0, text: 'Free' });
  });
  it('says pay what you can, with the suggestion', () => {
    const cost = summariseCost([{ option: 'Pay what you can', amount_description: 'Suggested donation £2' }], today);
    expect(cost).toEqual({ bands: ['pwyc'], lowest: 0, text: 'Pay what you can (suggested donation £2)' });
  });
  it('names concessions', () => {
    const cost = summariseCost(
      [
        { option: 'Standard', amount: 5, amount_description: 'per session' },
        { option: 'Concessions', amount: 2.5, amount_description: 'per session, for people on benefits' },
      ],
      today,
    );
    expect(cost.bands).toEqual(['concessions']);
    expect(cost.lowest).toBe(2.5);
    expect(cost.text).toBe('£5 per session, £2.50 concessions');
  });
  it('gives a single price', () => {
    expect(summariseCost([{ option: 'Per class', amount: 1.5, amount_description: 'per class' }], today)).toEqual({
      bands: [],
      lowest: 1.5,
      text: '£1.50 per class',
    });
  });
  it('says when the cost is not known', () => {
    expect(summariseCost([], today)).toEqual({ bands: [], lowest: null, text: 'Cost not given: please ask' });
  });
  it('uses the fees text when there are no cost options', () => {
    expect(summariseCost([], today, 'Small charge for materials').text).toBe('Small charge for materials');
  });
  it('does not call two ordinary prices concessions', () => {
    const cost = summariseCost(
      [
        { option: 'Adult', amount: 5 },
        { option: 'Family ticket', amount: 12 },
      ],
      today,
    );
    expect(cost.bands).toEqual([]);
    expect(cost.lowest).toBe(5);
  });
  it('counts free for some people as a concession', () => {
    expect(
      summariseCost(
        [
          { option: 'Standard', amount: 4 },
          { option: 'Free for carers', amount: 0 },
        ],
        today,
      ).bands,
    ).toEqual(['free', 'concessions']);
  });
  it('ignores prices that have not started yet', () => {
    const cost = summariseCost(
      [
        { option: 'Free from June', amount: 0, valid_from: '2027-06-01' },
        { option: 'Per session', amount: 8 },
      ],
      today,
    );
    expect(cost).toEqual({ bands: [], lowest: 8, text: '£8' });
  });
  it('does not compare prices in another currency with a budget in pounds', () => {
    expect(summariseCost([{ option: 'Entry', amount: 3, currency: 'EUR' }], today)).toEqual({ bands: [], lowest: null, text: 'EUR 3' });
  });
  it('ignores expired prices', () => {
    const cost = summariseCost(
      [
        { option: 'Old price', amount: 9, valid_to: '2025-12-31' },
        { option: 'Free', amount: 0 },
      ],
      today,
    );
    expect(cost).toEqual({ bands: ['free'], lowest: 0, text: 'Free' });
  });
});

describe('costOptionText', () => {
  it('says each price option in words, never £0 and free only once', () => {
    expect(costOptionText({ option: 'Adults', amount: 3, currency: 'GBP' })).toBe('Adults: £3');
    expect(costOptionText({ option: 'Concessions', amount: 1.5, amount_description: 'if you get benefits' })).toBe('Concessions: £1.50, if you get benefits');
    expect(costOptionText({ option: 'Carers', amount: 0, amount_description: 'free for carers' })).toBe('Carers: free for carers');
    expect(costOptionText({ option: 'Under 18s', amount: 0 })).toBe('Under 18s: free');
    expect(costOptionText({ amount: 2, amount_description: 'each session' })).toBe('£2, each session');
    expect(costOptionText({ amount: 0 })).toBe('Free');
    expect(costOptionText({ option: 'Donations welcome' })).toBe('Donations welcome');
  });
});
