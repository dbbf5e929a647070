// Dates and times in the loose forms feeds send them: read when there is no doubt, into the form
// the directory stores, saying what changed; refused, with the reason, when there is doubt.
import { describe, expect, it } from 'vitest';
import { readDate, readTime } from '../../src/lib/openreferral-schema/lenient-values';
import { normaliseRecord } from '../../src/lib/openreferral-schema/normalise-record';

describe('readDate', () => {
  it.each([
    ['2023-03-15', '2023-03-15', false],
    ['2023-3-5', '2023-03-05', true],
    ['15/03/2023', '2023-03-15', true],
    ['03/15/2023', '2023-03-15', true],
    ['15.03.2023', '2023-03-15', true],
    ['15-03-2023', '2023-03-15', true],
    ['04/04/2023', '2023-04-04', true],
    ['15 March 2023', '2023-03-15', true],
    ['15th Mar 2023', '2023-03-15', true],
    ['March 15, 2023', '2023-03-15', true],
    ['Sept 1 2023', '2023-09-01', true],
  ])('reads %s as %s', (given, value, changed) => {
    expect(readDate(given)).toMatchObject({ ok: true, value, changed });
  });

  it('cuts a date-time to its date, saying the time is not kept', () => {
    expect(readDate('2023-03-15T10:30:00Z')).toEqual({
      ok: true,
      value: '2023-03-15',
      changed: true,
      note: expect.stringContaining('time given with it is not kept'),
    });
  });

  it.each([
    ['03/04/2023', 'could be 3 april or 4 march'],
    ['31/02/2023', 'not a real calendar date'],
    ['2023-02-30', 'not a real calendar date'],
    ['15 Marchember 2023', 'not a date written as YYYY-MM-DD'],
    ['last Tuesday', 'not a date written as YYYY-MM-DD'],
    ['23/03/15', 'not a date written as YYYY-MM-DD'],
  ])('refuses %s (%s)', (given, reason) => {
    const reading = readDate(given);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.message.toLowerCase()).toContain(reason.toLowerCase());
  });
});

describe('readTime', () => {
  it.each(['09:00', '17:30:00', '10:00:00.5', '09:00Z', '09:00+01:00', '24:00'])('keeps %s exactly as sent', (given) => {
    expect(readTime(given)).toEqual({ ok: true, value: given, changed: false });
  });

  it.each([
    ['9:00', '09:00'],
    ['9.30', '09:30'],
    ['9:05:30', '09:05:30'],
    ['0930', '09:30'],
    ['9am', '09:00'],
    ['9 a.m.', '09:00'],
    ['5:30pm', '17:30'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['noon', '12:00'],
    ['12 noon', '12:00'],
    ['midnight', '00:00'],
  ])('reads %s as %s', (given, value) => {
    expect(readTime(given)).toEqual({ ok: true, value, changed: true });
  });

  it.each(['25:00', '9:60', '13pm', '0pm', 'morning', '9-5', ''])('refuses %j', (given) => {
    expect(readTime(given).ok).toBe(false);
  });
});

describe('normaliseRecord', () => {
  it('reads the dates and times of a record, everywhere they are, and says each change', () => {
    const { record, normalised, errors } = normaliseRecord({
      id: 's1',
      name: 'Club',
      status: 'active',
      organization: { id: 'o1', name: 'Org' },
      assured_date: '15/03/2023',
      capacity_updated: '2026-11-01T09:00:00Z',
      schedules: [{ id: 'sc1', opens_at: '9:00', closes_at: '17:00:00', valid_from: '1 April 2026' }],
      cost_options: [{ id: 'c1', valid_to: '31/03/2027' }],
      funding: [{ id: 'f1', end_date: '2027-3-31' }],
      service_at_locations: [{ id: 'sal1', location: { id: 'l1' }, schedules: [{ id: 'sc2', opens_at: '10am' }] }],
    });
    expect(errors).toEqual([]);
    expect(normalised.map((notice) => notice.path)).toEqual([
      'assured_date',
      'capacity_updated',
      'schedules[0].valid_from',
      'schedules[0].opens_at',
      'cost_options[0].valid_to',
      'funding[0].end_date',
      'service_at_locations[0].schedules[0].opens_at',
    ]);
    expect(normalised[1]!.message).toBe(
      'was "2026-11-01T09:00:00Z", read as the date 2026-11-01; the time given with it is not kept, as this field holds a date',
    );
    expect(record).toMatchObject({
      assured_date: '2023-03-15',
      capacity_updated: '2026-11-01',
      schedules: [{ opens_at: '09:00', closes_at: '17:00:00', valid_from: '2026-04-01' }],
      cost_options: [{ valid_to: '2027-03-31' }],
      funding: [{ end_date: '2027-03-31' }],
      service_at_locations: [{ schedules: [{ opens_at: '10:00' }] }],
    });
  });

  it("says which value could not be read, in the reading's words", () => {
    const { errors } = normaliseRecord({
      id: 's1',
      organization: { id: 'o1', name: 'Org' },
      assured_date: '03/04/2023',
      schedules: [{ id: 'sc1', opens_at: 'after lunch' }],
    });
    expect(errors).toEqual([
      { path: 'assured_date', message: expect.stringContaining('could be 3 April or 4 March') },
      { path: 'schedules[0].opens_at', message: 'is "after lunch", which is not a time written as HH:MM' },
    ]);
  });
});
