import { describe, expect, it } from 'vitest';
import { clockText, describeSchedule, describeSchedules, scheduleCoverage, parseByDay } from '../../src/lib/directory/schedule-text';

describe('clock times in words', () => {
  it.each([
    ['10:00', '10am'],
    ['09:30', '9:30am'],
    ['12:00', '12 noon'],
    ['00:00', 'midnight'],
    ['17:45', '5:45pm'],
    ['13:00', '1pm'],
  ])('%s is %s', (time, words) => expect(clockText(time)).toBe(words));
});

describe('schedules in words', () => {
  it('says a weekly session plainly', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' })).toBe('Tuesdays, 10am to 12 noon');
  });
  it('joins several days', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'MO,TH', opens_at: '18:00', closes_at: '20:00' })).toBe('Mondays and Thursdays, 6pm to 8pm');
  });
  it('names weekday ranges', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' })).toBe('Monday to Friday, 9am to 5pm');
  });
  it('says 24 hours, every day for crisis lines', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' })).toBe('Every day, 24 hours');
  });
  it('words monthly rules', () => {
    expect(describeSchedule({ freq: 'MONTHLY', byday: '2TH', opens_at: '14:00', closes_at: '16:00' })).toBe('Second Thursday of the month, 2pm to 4pm');
    expect(describeSchedule({ freq: 'MONTHLY', byday: '-1FR' })).toBe('Last Friday of the month');
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '1,15' })).toBe('On the 1st and 15th of the month');
  });
  it('words fortnightly sessions', () => {
    expect(describeSchedule({ freq: 'WEEKLY', interval: 2, byday: 'WE', opens_at: '13:00', closes_at: '15:00' })).toBe('Every other Wednesday, 1pm to 3pm');
  });
  it('falls back to the description when there is no rule', () => {
    expect(describeSchedule({ description: 'Ring to book a time' })).toBe('Ring to book a time');
  });
  it('adds dates and notes', () => {
    expect(
      describeSchedule(
        { freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '11:00', valid_from: '2027-01-09', description: 'Term time only.' },
        '2026-11-21',
      ),
    ).toBe('From 9 January 2027: Saturdays, 10am to 11am. Term time only');
  });
  it('leaves out schedules that have ended', () => {
    const text = describeSchedules(
      [
        { freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00', valid_to: '2026-01-01' },
        { freq: 'WEEKLY', byday: 'FR', opens_at: '10:00', closes_at: '11:00' },
      ],
      '2026-11-21',
    );
    expect(text).toBe('Fridays, 10am to 11am');
  });
});

describe('what days and parts of the day a schedule covers', () => {
  it('parses iCal days with ordinals', () => {
    expect(parseByDay('2TH,-1FR,mo')).toEqual([
      { day: 3, ordinal: '2' },
      { day: 4, ordinal: '-1' },
      { day: 0, ordinal: null },
    ]);
  });
  it('marks a Tuesday morning', () => {
    const { days, sessions } = scheduleCoverage([{ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' }], '2026-11-21');
    expect(days).toEqual(['tue']);
    expect(sessions).toEqual(['tue morning']);
  });
  it('needs half an hour inside a part of the day to count', () => {
    const { sessions } = scheduleCoverage([{ freq: 'WEEKLY', byday: 'MO', opens_at: '11:45', closes_at: '17:15' }], '2026-11-21');
    expect(sessions).toEqual(['mon afternoon']); // afternoon only: 15 minutes of morning and of evening do not count
  });
  it('ignores schedules that have not started yet', () => {
    expect(scheduleCoverage([{ freq: 'WEEKLY', byday: 'SU', opens_at: '18:00', closes_at: '20:00', valid_from: '2027-03-01' }], '2026-11-21')).toEqual({
      days: [],
      sessions: [],
    });
  });
  it('ignores expired schedules', () => {
    expect(scheduleCoverage([{ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00', valid_to: '2025-01-01' }], '2026-11-21')).toEqual({
      days: [],
      sessions: [],
    });
  });
});
