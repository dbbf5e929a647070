// "Near" on a real SQLite file: postcodes from the directory's addresses, districts, area names, points, and each failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { getAreas } from '../../src/lib/geo/areas';
import { resolveNear } from '../../src/lib/geo/near';
import { preparePlaces } from '../../src/lib/geo/prepare-places';
import { lookupDistrict, lookupPostcode, rebuildDirectoryPostcodes } from '../../src/lib/geo/postcode-table';
import { uuidFor } from '../../src/lib/ids';
import { distanceKm } from '../../src/lib/geo/distance';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { searchOrigin } from '../../src/lib/search/search-origin';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;

/** A service at one place, with the postcode and position given. */
function serviceAt(code: string, postalCode: string, latitude: number | null, longitude: number | null) {
  const record = service({ code, name: `${code} group` });
  const [link] = record.service_at_locations as { location: Record<string, unknown> }[];
  const location = link!.location;
  location.latitude = latitude;
  location.longitude = longitude;
  location.addresses = [
    {
      id: uuidFor('address', code),
      address_1: '1 Elswick Road',
      city: 'Newcastle upon Tyne',
      postal_code: postalCode,
      country: 'GB',
      address_type: 'physical',
    },
  ];
  return record;
}

beforeAll(async () => {
  scratch = await scratchDirectory();
  const records = [
    serviceAt('library', 'NE4 7RW', 54.96466, -1.64695), // Elswick
    serviceAt('library-annexe', 'ne47rw', 54.96486, -1.64715), // the same postcode, typed another way
    serviceAt('park', 'NE4 6PS', 54.96553, -1.64117), // Elswick
    serviceAt('nowhere', 'NE4 8XX', 0, 0), // an impossible position
    serviceAt('unplaced', 'NE4 9XX', null, null),
    serviceAt('garbled', 'Elswick Road', 54.965, -1.645),
    serviceAt('felling', 'NE10 8DQ', 54.9512, -1.56453), // Felling, Gateshead
  ];
  const outcome = await importRecords(scratch.directory, scratch.search, records, { source: 'test', today: TODAY });
  expect(outcome.invalid).toEqual([]);
  // A surveyed position from ONS, which the directory's own addresses must not replace.
  await scratch.directory.db
    .insertInto('postcode')
    .values({ postcode: 'NE10 8DQ', outward: 'NE10', latitude: 54.9515, longitude: -1.565, source: 'ons' })
    .execute();
  // A postcode from an address since removed from the directory.
  await scratch.directory.db
    .insertInto('postcode')
    .values({ postcode: 'NE4 5ZZ', outward: 'NE4', latitude: 54.97, longitude: -1.64, source: 'directory' })
    .execute();
  const report = await preparePlaces(scratch.directory, { shippedPostcodes: false });
  expect(report.areas).toBe(getAreas().length);
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('the postcode table from the directory', () => {
  it("holds each postcode at the mean of its places' positions, in the normal form", async () => {
    const postcode = await lookupPostcode(scratch.directory.db, 'ne4 7rw');
    expect(postcode).toMatchObject({ postcode: 'NE4 7RW', outward: 'NE4', source: 'directory' });
    expect(postcode!.latitude).toBeCloseTo(54.96476, 6);
    expect(postcode!.longitude).toBeCloseTo(-1.64705, 6);
  });

  it('leaves out impossible positions, places without one, text that is not a postcode, and postcodes no longer listed', async () => {
    const rows = await scratch.directory.db.selectFrom('postcode').select(['postcode', 'source']).orderBy('postcode').execute();
    expect(rows).toEqual([
      { postcode: 'NE10 8DQ', source: 'ons' },
      { postcode: 'NE4 6PS', source: 'directory' },
      { postcode: 'NE4 7RW', source: 'directory' },
    ]);
  });

  it('never replaces a position from ONS or Code-Point, and a rebuild changes nothing', async () => {
    expect(await rebuildDirectoryPostcodes(scratch.directory.db)).toBe(3);
    expect(await lookupPostcode(scratch.directory.db, 'NE10 8DQ')).toEqual({
      postcode: 'NE10 8DQ',
      outward: 'NE10',
      latitude: 54.9515,
      longitude: -1.565,
      source: 'ons',
      council_code: null,
      council_name: null,
      ward_code: null,
      ward_name: null,
    });
  });

  it('puts a district at the mean of its postcodes', async () => {
    const district = await lookupDistrict(scratch.directory.db, 'ne4');
    expect(district).toMatchObject({ outward: 'NE4', postcodes: 2 });
    expect(district!.latitude).toBeCloseTo((54.96476 + 54.96553) / 2, 6);
    expect(await lookupDistrict(scratch.directory.db, 'NE99')).toBeNull();
  });
});

describe('the area table', () => {
  it('holds every area in content/areas, and keeps an area the file no longer has', async () => {
    const db = scratch.directory.db;
    await db
      .insertInto('area')
      .values({
        id: 'newcastle-old-ward',
        name: 'Old Ward',
        kind: 'ward',
        parent_id: 'newcastle',
        latitude: 54.97,
        longitude: -1.61,
        outline: null,
        population: null,
      })
      .execute();
    await preparePlaces(scratch.directory, { shippedPostcodes: false });
    const rows = await db.selectFrom('area').selectAll().execute();
    expect(rows).toHaveLength(getAreas().length + 1);
    const elswick = rows.find((row) => row.id === 'newcastle-elswick')!;
    expect(elswick).toMatchObject({ name: 'Elswick', kind: 'ward', parent_id: 'newcastle' });
    expect(JSON.parse(elswick.outline!).type).toBe('Polygon');
    expect(JSON.parse(rows.find((row) => row.id === 'newcastle-denton-and-westerhope')!.aliases)).toContain('Denton Burn');
  });
});

describe('resolveNear', () => {
  const near = (text: string) => resolveNear(scratch.directory.db, text);

  it('finds a full postcode in any form, with the areas its point is in', async () => {
    for (const text of ['NE4 7RW', 'ne47rw', '  Ne4   7rW ']) {
      const result = await near(text);
      expect(result).toMatchObject({ ok: true, kind: 'postcode', label: 'NE4 7RW' });
      if (!result.ok) continue;
      expect(result.point.latitude).toBeCloseTo(54.96476, 6);
      expect(result.areaIds[0]).toBe('newcastle-elswick');
      expect(result.areaIds).toContain('newcastle');
    }
    expect(await near('NE10 8DQ')).toMatchObject({
      ok: true,
      point: { latitude: 54.9515, longitude: -1.565 },
      areaIds: expect.arrayContaining(['gateshead-felling', 'gateshead']),
    });
  });

  it('places a postcode it does not know at the middle of its district when only the district is known, and says so', async () => {
    const result = await near('ne4 9zz');
    expect(result).toMatchObject({ ok: true, kind: 'postcode', label: 'NE4 9ZZ', precision: 'district' });
    if (!result.ok) return;
    expect(result.note).toBe(
      'We do not know exactly where NE4 9ZZ is, so distances are from the middle of NE4, the postcode district it is in. They may be a few miles out.',
    );
    expect(result.point).toEqual(await near('NE4').then((district) => (district.ok ? district.point : null)));
  });

  it('says plainly when neither the postcode nor its district is known', async () => {
    const result = await near('SW1A 1AA');
    expect(result).toMatchObject({ ok: false, suggestions: [] });
    if (!result.ok)
      expect(result.message).toBe('We could not find the postcode "SW1A 1AA" in the places we know. Check it, or try the name of the place instead.');
  });

  it('finds a postcode district at the middle of its postcodes', async () => {
    const result = await near('ne4');
    expect(result).toMatchObject({ ok: true, kind: 'district', label: 'NE4', areaIds: expect.arrayContaining(['newcastle']) });
    const unknown = await near('NE99');
    expect(unknown).toMatchObject({ ok: false, suggestions: [] });
    if (!unknown.ok) expect(unknown.message).toContain('We do not know any postcodes in "NE99" yet.');
  });

  it('finds an area by name or alias, in any case and spacing, with its parent', async () => {
    const elswick = getAreas().find((area) => area.id === 'newcastle-elswick')!;
    expect(await near('elswick')).toEqual({
      ok: true,
      kind: 'area',
      label: 'Elswick',
      point: { latitude: elswick.latitude, longitude: elswick.longitude },
      areaIds: ['newcastle-elswick', 'newcastle', 'newcastle-west-end'],
      precision: 'exact',
      note: null,
    });
    expect(await near('denton  burn')).toMatchObject({
      ok: true,
      kind: 'area',
      label: 'Denton and Westerhope',
      areaIds: ['newcastle-denton-and-westerhope', 'newcastle'],
    });
    expect(await near('ARTHURS HILL')).toMatchObject({ ok: true, label: "Arthur's Hill" });
    expect(await near('Gateshead')).toMatchObject({ ok: true, label: 'Gateshead', areaIds: ['gateshead'] });
    expect(await near('Elswick, Newcastle')).toMatchObject({ ok: true, label: 'Elswick' });
  });

  it('takes "lat,lng" with or without spaces and signs', async () => {
    for (const text of ['54.9650,-1.6400', ' 54.965 , -1.64 ', '+54.965, -1.640']) {
      const result = await near(text);
      expect(result, text).toMatchObject({ ok: true, kind: 'point', label: '54.965, -1.64', point: { latitude: 54.965, longitude: -1.64 } });
      if (result.ok) expect(result.areaIds).toEqual(expect.arrayContaining(['newcastle-elswick', 'newcastle']));
    }
    // Out at sea: a point, but in none of the directory's areas.
    expect(await near('55.5,-1.0')).toMatchObject({ ok: true, areaIds: [] });
  });

  it('refuses a position that is not on the map, saying what the ranges are', async () => {
    const result = await near('95, -1.6');
    expect(result).toMatchObject({ ok: false, suggestions: [] });
    if (!result.ok)
      expect(result.message).toBe(
        '"95, -1.6" is not a position on the map: latitude runs from -90 to 90 and longitude from -180 to 180, as in "54.97, -1.61".',
      );
    expect(await near('54.97, -181')).toMatchObject({ ok: false });
  });

  it('suggests names close to a place it does not know', async () => {
    expect(await near('Elswik')).toEqual({ ok: false, message: 'We do not know the place "Elswik". Did you mean Elswick?', suggestions: ['Elswick'] });
    const walk = await near('Walk');
    // One suggestion an area: Walker, not also its other name "Walker Riverside".
    expect(walk).toMatchObject({ ok: false, suggestions: ['Walker', 'Walkergate'] });
    if (!walk.ok) expect(walk.message).toBe('We do not know the place "Walk". Did you mean Walker or Walkergate?');
    expect(await near('Gosforh, Newcastle')).toMatchObject({ ok: false, suggestions: ['Gosforth'] });
  });

  it('never fails silently: an unknown place, a part postcode or nothing at all each get a message', async () => {
    const unknown = await near('Atlantis');
    expect(unknown).toMatchObject({ ok: false, suggestions: [] });
    if (!unknown.ok)
      expect(unknown.message).toBe(
        'We do not know the place "Atlantis". Try a postcode such as "NE1 7RU", the first part of one such as "NE4", or the name of a place such as "Heaton".',
      );
    const part = await near('NE4 7');
    expect(part).toMatchObject({ ok: false, suggestions: ['NE4'] });
    if (!part.ok) expect(part.message).toContain('looks like part of a postcode');
    const empty = await near('   ');
    expect(empty).toMatchObject({ ok: false, suggestions: [] });
    if (!empty.ok) expect(empty.message).toContain('Type where you want to look near');
    for (const result of [unknown, part, empty]) if (!result.ok) expect(result.message).not.toMatch(/\byou (typed|entered|made)\b|invalid|error/i);
  });
});

describe('resolveNear, more of each form', () => {
  const near = (text: string) => resolveNear(scratch.directory.db, text);

  it('finds a postcode known only from ONS, and keeps it through another preparePlaces', async () => {
    await scratch.directory.db
      .insertInto('postcode')
      .values({ postcode: 'NE8 1PQ', outward: 'NE8', latitude: 54.957, longitude: -1.6048, source: 'ons' })
      .execute();
    await preparePlaces(scratch.directory, { shippedPostcodes: false });
    expect(await near('ne81pq')).toMatchObject({
      ok: true,
      kind: 'postcode',
      label: 'NE8 1PQ',
      point: { latitude: 54.957, longitude: -1.6048 },
      areaIds: expect.arrayContaining(['gateshead']),
    });
    expect(await near('NE8')).toMatchObject({ ok: true, kind: 'district', label: 'NE8', point: { latitude: 54.957, longitude: -1.6048 } });
  });

  it('puts a district at the mean of its postcodes, with the areas that point is in', async () => {
    const result = await near('NE4');
    expect(result).toMatchObject({ ok: true, kind: 'district', label: 'NE4' });
    if (!result.ok) return;
    expect(result.point.latitude).toBeCloseTo((54.96476 + 54.96553) / 2, 6);
    expect(result.point.longitude).toBeCloseTo((-1.64705 + -1.64117) / 2, 6);
    expect(result.areaIds).toEqual(['newcastle-elswick', 'newcastle-west-end', 'newcastle']);
    // A district whose one postcode is surveyed by ONS is at that position, in Gateshead.
    expect(await near('ne10')).toMatchObject({
      ok: true,
      label: 'NE10',
      point: { latitude: 54.9515, longitude: -1.565 },
      areaIds: expect.arrayContaining(['gateshead-felling', 'gateshead']),
    });
  });

  it('finds a district, a neighbourhood and a ward by name, each with the areas above it', async () => {
    expect(await near('Newcastle')).toMatchObject({ ok: true, kind: 'area', label: 'Newcastle upon Tyne', areaIds: ['newcastle'] });
    expect(await near('jesmond')).toMatchObject({ ok: true, kind: 'area', label: 'Jesmond', areaIds: ['newcastle-jesmond', 'newcastle'] });
    expect(await near('Gateshead town centre')).toMatchObject({ ok: true, label: 'Bridges', areaIds: ['gateshead-bridges', 'gateshead'] });
    expect(await near('Heaton, Newcastle upon Tyne')).toMatchObject({
      ok: true,
      label: 'Heaton',
      areaIds: ['newcastle-heaton', 'newcastle', 'newcastle-east-end'],
    });
  });

  // To decide: a ward found by name is given only its parents (Elswick: Elswick, Newcastle), but a
  // postcode inside the same ward is also in the neighbourhood around it (the West End). So a
  // service covering "West End" covers "NE4 7RW" but not "Elswick", though NE4 7RW is in Elswick.
  it('gives a ward found by name the neighbourhood it lies in, as a postcode in that ward gets', async () => {
    const byPostcode = await near('NE4 7RW');
    const byName = await near('Elswick');
    expect(byPostcode.ok && byPostcode.areaIds).toContain('newcastle-west-end');
    expect(byName.ok && byName.areaIds).toContain('newcastle-west-end');
  });

  it('takes "lat,lng" at full precision, labelled to five places, up to the ends of the ranges', async () => {
    const result = await near('54.9686123,-1.6174456');
    expect(result).toMatchObject({ ok: true, kind: 'point', label: '54.96861, -1.61745', point: { latitude: 54.9686123, longitude: -1.6174456 } });
    if (result.ok) expect(result.areaIds).toEqual(['newcastle-monument', 'newcastle']);
    expect(await near('-90,180')).toMatchObject({ ok: true, point: { latitude: -90, longitude: 180 }, areaIds: [] });
    expect(await near('.5,-.5')).toMatchObject({ ok: true, point: { latitude: 0.5, longitude: -0.5 } });
    expect(await near('54.97, -180.5')).toMatchObject({ ok: false, suggestions: [] });
  });

  it('does not take two numbers without a comma, or three, as a point', async () => {
    for (const text of ['54.97 -1.61', '54.97,-1.61,3']) {
      const result = await near(text);
      expect(result, text).toMatchObject({ ok: false, suggestions: [] });
      if (!result.ok) expect(result.message, text).toContain('Try a postcode such as "NE1 7RU"');
    }
  });

  // To decide: people paste "postcode, town" from an address; the postcode alone is known.
  it('finds a known postcode followed by its town', async () => {
    expect(await near('NE4 7RW, Newcastle')).toMatchObject({ ok: true, kind: 'postcode', label: 'NE4 7RW' });
  });
});

describe('searchOrigin: near for the search page and API', () => {
  const originOf = (near: string) => searchOrigin(scratch.directory.db, { ...EMPTY_QUERY, near });

  it('has no place and no error without near', async () => {
    expect(await originOf('')).toEqual({ origin: null, error: null, suggestions: [] });
  });

  it('gives the point, its areas and the label to show', async () => {
    const found = await originOf('ne4 7rw');
    expect(found.error).toBeNull();
    expect(found.origin).toMatchObject({ label: 'NE4 7RW', areaIds: ['newcastle-elswick', 'newcastle-west-end', 'newcastle'] });
    expect(found.origin!.latitude).toBeCloseTo(54.96476, 6);
    expect(found.origin!.longitude).toBeCloseTo(-1.64705, 6);
    expect((await originOf('Elswick')).origin).toMatchObject({ label: 'Elswick', areaIds: ['newcastle-elswick', 'newcastle', 'newcastle-west-end'] });
  });

  it('names the near parameter when the place is not found, with the suggestions', async () => {
    expect(await originOf('Elswik')).toEqual({
      origin: null,
      error: { parameter: 'near', message: 'We do not know the place "Elswik". Did you mean Elswick?' },
      suggestions: ['Elswick'],
    });
    expect(await originOf('ZZ9 9ZZ')).toMatchObject({ origin: null, error: { parameter: 'near' }, suggestions: [] });
  });

  it('measures search results from the place found', async () => {
    const { origin } = await originOf('NE4 6PS');
    const result = await scratch.search.search({ ...EMPTY_QUERY, near: 'NE4 6PS', sort: 'distance', per_page: 100 }, { origin });
    const placed = result.hits.filter((hit) => hit.reach === 'place');
    // The places of beforeAll, nearest first from NE4 6PS (the park's own postcode), by the great circle.
    const from = { latitude: 54.96553, longitude: -1.64117 };
    const positions: [string, number, number][] = [
      ['library group', 54.96466, -1.64695],
      ['library-annexe group', 54.96486, -1.64715],
      ['park group', 54.96553, -1.64117],
      ['garbled group', 54.965, -1.645],
      ['felling group', 54.9512, -1.56453],
    ];
    const expected = positions.map(([name, latitude, longitude]) => ({ name, km: distanceKm(from, { latitude, longitude }) })).sort((a, b) => a.km - b.km);
    expect(placed.map((hit) => hit.document.name)).toEqual(expected.map((place) => place.name));
    expect(expected.map((place) => place.name)).toEqual(['park group', 'garbled group', 'library group', 'library-annexe group', 'felling group']);
    placed.forEach((hit, i) => expect(Math.abs(hit.distanceKm! - expected[i]!.km), hit.document.name).toBeLessThan(0.005));
    // "nowhere" (0, 0) and "unplaced" have no position to measure.
    expect(
      result.hits
        .filter((hit) => hit.reach !== 'place')
        .map((hit) => [hit.document.name, hit.distanceKm, hit.reach])
        .sort(),
    ).toEqual([
      ['nowhere group', null, 'unknown'],
      ['unplaced group', null, 'unknown'],
    ]);
  });
});

describe('resolveNear: latitude and longitude the wrong way round', () => {
  it('says a point typed longitude first is not in the UK and offers the swapped one', async () => {
    const result = await resolveNear(scratch.directory.db, '-1.61, 54.97');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Latitude comes first'), suggestions: ['54.97, -1.61'] });
    expect(await resolveNear(scratch.directory.db, '54.97, -1.61')).toMatchObject({ ok: true, kind: 'point' });
  });
});
