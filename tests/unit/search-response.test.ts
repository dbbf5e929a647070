// The JSON shape of a result: where it is, and how far, from the searched place.
import { describe, expect, it } from 'vitest';
import { toResponseResult } from '../../src/lib/search/search-response';
import { buildSearchDocument } from '../../src/lib/search/search-document';
import { validateRecord } from '../../src/lib/openreferral/import';
import { service, TODAY } from '../fixtures/services';

const documentOf = (spec: Parameters<typeof service>[0]) => {
  const checked = validateRecord(service(spec), 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  const { fields: _fields, ...shown } = buildSearchDocument(checked.record, TODAY);
  return shown;
};

const HEATON = { latitude: 54.9783, longitude: -1.5886 };

describe('toResponseResult', () => {
  const clubs = documentOf({
    code: 'clubs',
    name: 'Chess clubs',
    places: [
      { name: 'Elswick Library', latitude: 54.9647, longitude: -1.6469 },
      { name: 'Heaton Community Centre', latitude: 54.979, longitude: -1.589 },
      { name: 'Walker Library', latitude: 54.97, longitude: -1.537 },
    ],
  });

  it('names the nearest of several places when there is a searched place', () => {
    const result = toResponseResult(clubs, { distanceKm: 0.08, reach: 'place' }, HEATON);
    expect(result.where).toBe('Heaton Community Centre, the nearest of its 3 places');
    expect(result.distance_text).toBe('0.1 km, about a 2 minute walk');
    expect(result.reach).toBe('place');
  });

  it('names the first place and counts the others without one', () => {
    const result = toResponseResult(clubs);
    expect(result.where).toBe('Elswick Library, Newcastle upon Tyne, and 2 other places');
    expect(result).toMatchObject({ distance_km: null, distance_text: null, reach: null });
    expect(result.places.map((place) => place.name)).toEqual(['Elswick Library', 'Heaton Community Centre', 'Walker Library']);
  });
});
