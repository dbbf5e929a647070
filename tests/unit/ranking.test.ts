import { describe, expect, it } from 'vitest';
import { isLessAvailable, nameRank, NAME_RANKS, rankBand } from '../../src/lib/search/ranking';

describe('best match', () => {
  it('knows a name searched for, with or without its place, and names holding every word', () => {
    expect(nameRank('walker foodbank', 'Walker Foodbank')).toBe(NAME_RANKS.exact);
    expect(nameRank('grief counselling – jesmond', 'grief counselling')).toBe(NAME_RANKS.exact);
    // Written without its apostrophe, or as one word.
    expect(nameRank("walker men's shed", 'walker mens shed')).toBe(NAME_RANKS.exact);
    expect(nameRank('walker foodbank', 'walker food bank')).toBe(NAME_RANKS.exact);
    expect(nameRank('tyneside community foodbank – heaton', 'foodbank heaton')).toBe(NAME_RANKS.allWords);
    expect(nameRank('heaton walking for health', 'walk heaton')).toBe(NAME_RANKS.allWords);
    expect(nameRank('heaton games afternoon', 'walking heaton')).toBe(NAME_RANKS.other);
    expect(nameRank('anything', 'the')).toBe(NAME_RANKS.other);
  });
  it('counts full, paused and never-checked listings as less available', () => {
    expect(isLessAvailable('accepting', '2026-11-01')).toBe(false);
    expect(isLessAvailable('waiting_list', '2026-11-01')).toBe(false);
    expect(isLessAvailable(null, '2026-11-01')).toBe(false);
    expect(isLessAvailable('full', '2026-11-01')).toBe(true);
    expect(isLessAvailable('paused', '2026-11-01')).toBe(true);
    expect(isLessAvailable('accepting', null)).toBe(true);
  });
  it('orders: exact name; words as typed; not stale; name holds the words; open and checked', () => {
    const band = (over: Partial<Parameters<typeof rankBand>[0]>) =>
      rankBand({ stale: false, nameRank: NAME_RANKS.other, typedMatch: true, lessAvailable: false, ...over });
    const order = [
      band({ nameRank: NAME_RANKS.exact }),
      band({ nameRank: NAME_RANKS.exact, stale: true }),
      band({ nameRank: NAME_RANKS.allWords }),
      band({ nameRank: NAME_RANKS.allWords, lessAvailable: true }),
      band({}),
      band({ lessAvailable: true }),
      band({ stale: true }),
      band({ typedMatch: false }),
      band({ typedMatch: false, lessAvailable: true }),
      band({ typedMatch: false, stale: true }),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });
});
