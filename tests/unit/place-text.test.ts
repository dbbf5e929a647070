// "Where" in a search result: the first place a service runs and how many more, or its areas.
import { describe, expect, it } from 'vitest';
import { placeText } from '../../src/lib/search/search-document';
import { validateRecord } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { service } from '../fixtures/services';
import { uuidFor } from '../../src/lib/ids';

const record = (spec: Parameters<typeof service>[0]): ServiceRecord => {
  const checked = validateRecord(service(spec), 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  return checked.record;
};

const place = (code: string, name: string | null, city: string) => ({
  id: uuidFor('service_at_location', code),
  location: {
    id: uuidFor('location', code),
    location_type: 'physical',
    ...(name ? { name } : {}),
    addresses: [{ id: uuidFor('address', code), address_1: `${code} Road`, city, country: 'GB' }],
  },
});

describe('placeText', () => {
  it('names the place and its town', () => {
    expect(placeText(record({ code: 'a', name: 'Walk' }))).toBe('Walk venue, Newcastle upon Tyne');
  });

  it('uses the first line of the address when the place has no name, and counts the others', () => {
    const text = placeText(
      record({
        code: 'b',
        name: 'Cafe',
        extra: { service_at_locations: [place('b1', null, 'Gateshead'), place('b2', 'Hall', 'Jarrow'), place('b3', 'Library', 'Jarrow')] },
      }),
    );
    expect(text).toBe('b1 Road, Gateshead, and 2 other places');
  });

  it('does not repeat a town already in the name', () => {
    expect(placeText(record({ code: 'c', name: 'X', extra: { service_at_locations: [place('c1', 'Gateshead Library', 'Gateshead')] } }))).toBe(
      'Gateshead Library',
    );
  });

  it('gives the areas covered when there is no place, and nothing for phone or online only', () => {
    expect(
      placeText(
        record({
          code: 'd',
          name: 'Phone line',
          locationType: null,
          extra: {
            service_areas: [
              { id: uuidFor('service_area', 'd'), name: 'Gateshead' },
              { id: uuidFor('service_area', 'd2'), name: 'Newcastle upon Tyne' },
            ],
          },
        }),
      ),
    ).toBe('Covers Gateshead, Newcastle upon Tyne');
    expect(placeText(record({ code: 'e', name: 'Online group', locationType: 'virtual' }))).toBe('');
  });
});
