// Postcodes as people type them: every UK shape, any case and spacing, districts alone, and refusals.
import { describe, expect, it } from 'vitest';
import { normalisePostcode, parsePostcode } from '../../src/lib/geo/postcode';

describe('parsePostcode', () => {
  it('reads a full postcode with any spacing and any case', () => {
    const expected = { kind: 'full', postcode: 'NE4 5TG', outward: 'NE4', inward: '5TG' };
    for (const text of ['NE4 5TG', 'ne45tg', ' ne4  5tg ', 'Ne4\t5Tg', 'N E 4 5 T G', 'NE4\u00a05TG']) {
      expect(parsePostcode(text), text).toEqual(expected);
    }
  });

  it('accepts every standard shape of UK postcode', () => {
    const shapes: [string, string, string][] = [
      ['M1 1AE', 'M1', '1AE'], // A9 9AA
      ['B33 8TH', 'B33', '8TH'], // A99 9AA
      ['CR2 6XH', 'CR2', '6XH'], // AA9 9AA
      ['DN55 1PT', 'DN55', '1PT'], // AA99 9AA
      ['W1A 1HQ', 'W1A', '1HQ'], // A9A 9AA
      ['EC1A 1BB', 'EC1A', '1BB'], // AA9A 9AA
      ['NE10 8DQ', 'NE10', '8DQ'],
      ['DH3 1UQ', 'DH3', '1UQ'],
    ];
    for (const [postcode, outward, inward] of shapes) {
      expect(parsePostcode(postcode.replace(' ', '').toLowerCase())).toEqual({ kind: 'full', postcode, outward, inward });
    }
  });

  it('accepts GIR 0AA', () => {
    expect(parsePostcode('gir0aa')).toEqual({ kind: 'full', postcode: 'GIR 0AA', outward: 'GIR', inward: '0AA' });
  });

  it('reads a postcode district alone', () => {
    expect(parsePostcode('ne4')).toEqual({ kind: 'district', outward: 'NE4' });
    expect(parsePostcode(' NE10 ')).toEqual({ kind: 'district', outward: 'NE10' });
    expect(parsePostcode('sw1a')).toEqual({ kind: 'district', outward: 'SW1A' });
    expect(parsePostcode('M1')).toEqual({ kind: 'district', outward: 'M1' });
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      '   ',
      'NE',
      'Elswick',
      'NE4 5',
      'NE4 5T',
      'NE4 5TGG',
      'NE4 55G',
      '4NE 5TG',
      'NEW4 5TG',
      'NE4 5T6',
      'NE4-5TG',
      'N E4',
      '54.97,-1.61',
      'GIR',
      'NE123 4AB',
      'SW1AA',
    ]) {
      expect(parsePostcode(text), JSON.stringify(text)).toBeNull();
    }
  });
});

describe('normalisePostcode', () => {
  it('gives the normal form of a full postcode, and null for a district or anything else', () => {
    expect(normalisePostcode('ne1  7ru')).toBe('NE1 7RU');
    expect(normalisePostcode('NE1')).toBeNull();
    expect(normalisePostcode('nowhere')).toBeNull();
  });
});
