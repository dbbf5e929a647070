// The handout's text and easy-read versions: every session, each address once (not "Dunston
// Library, Dunston Library, ..."), every phone, and easy read as one short sentence a line.
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/lib/openreferral/import';
import { handoutEntry } from '../../src/lib/shortlists/handout';
import { handoutText } from '../../src/lib/shortlists/handout-text';
import { easyReadLines } from '../../src/lib/shortlists/easy-read';
import { uuidFor } from '../../src/lib/ids';
import { service } from '../fixtures/services';

const record = (() => {
  const fixture = service({
    code: 'knit',
    name: 'Dunston Knit and Natter',
    assured: '2026-10-01',
    description: 'A relaxed knitting group for anyone who wants company. Bring your own wool or borrow ours.',
    schedules: [
      { byday: 'MO', opens_at: '10:00', closes_at: '12:00' },
      { byday: 'TH', opens_at: '18:00', closes_at: '20:00' },
    ],
    routes: ['self', 'drop_in'],
    places: [{ name: 'Dunston Library', latitude: 54.95, longitude: -1.64, postcode: 'NE11 9QL' }],
    extra: {
      phones: [
        { id: uuidFor('phone', 'knit'), number: '0191 498 0222' },
        { id: uuidFor('phone', 'knit-text'), number: '07700 900222', type: 'text' },
      ],
    },
  }) as unknown as { service_at_locations: { location: { addresses: { address_1: string }[] } }[] };
  fixture.service_at_locations[0]!.location.addresses[0]!.address_1 = 'Dunston Library, 40 Market Lane';
  const checked = validateRecord(fixture, 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  return checked.record;
})();
const entry = handoutEntry(record, '2026-11-01');

describe('the handout text version', () => {
  it('names the place once, then its address', () => {
    expect(entry.places[0]!.name).toBe('Dunston Library');
    expect(entry.places[0]!.address).toMatch(/^40 Market Lane, /);
  });

  it('has every session, the address, how to start and every phone', () => {
    const text = handoutText([entry], 'http://localhost:4321/l/abc', '2026-11-01');
    expect(text).toMatch(/^When: Mondays, 10am to 12 noon$/m);
    expect(text).toMatch(/^When: Thursdays, 6pm to 8pm$/m);
    expect(text).toMatch(/^Where: Dunston Library, 40 Market Lane, .*NE11 9QL$/m);
    expect(text).not.toContain('Dunston Library, Dunston Library');
    expect(text).toContain('To start: Just turn up');
    expect(text).toContain('Phone: 0191 498 0222');
    expect(text).toContain('Text: 07700 900222');
    expect(text.trim().split('\n').at(-2)).toBe('All details: http://localhost:4321/l/abc');
  });
});

describe('the easy-read version', () => {
  it('is one short sentence a line, each with a picture', () => {
    const lines = easyReadLines(entry);
    expect(lines.map((line) => line.picture)).toEqual(['what', 'when', 'when', 'cost', 'where', 'turn-up', 'phone', 'text', 'checked']);
    expect(lines[0]!.text).toBe('A relaxed knitting group for anyone who wants company.');
    expect(lines.find((line) => line.picture === 'turn-up')!.text).toBe('You can just turn up.');
    expect(lines.find((line) => line.picture === 'text')!.phone).toEqual({ number: '07700 900222', text: true });
    for (const line of lines) expect(line.text.split(/[.!?]\s/).length, line.text).toBeLessThanOrEqual(2);
  });
});
