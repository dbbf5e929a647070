// addDays: calendar days on YYYY-MM-DD dates, the same across the clocks changing and leap days.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates';

describe('addDays', () => {
  it('counts calendar days forward and back, across months, years and leap days', () => {
    expect(addDays('2026-01-10', 0)).toBe('2026-01-10');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-10', 90)).toBe('2026-04-10');
  });

  it('is not moved by the UK clocks changing (last Sunday of March and of October)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});
