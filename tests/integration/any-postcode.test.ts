// Any UK postcode, offline, from the data shipped in content/postcodes: exact where the shipped
// postcodes cover it, else the middle of its sector, else of its district; councils and wards as
// the areas a service covers; nearest first from a postcode with no listing; and the loader itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { resolveNear } from '../../src/lib/geo/near';
import { preparePlaces } from '../../src/lib/geo/prepare-places';
import { lookupPostcode, postcodeWriter } from '../../src/lib/geo/postcode-table';
import { loadShippedPostcodes } from '../../src/lib/geo/shipped-postcodes';
import { distanceKm, type Point } from '../../src/lib/geo/distance';
import { areaOfPlace } from '../../src/lib/counts/counts';
import { parseSearchParams } from '../../src/lib/search/filters';
import { searchOrigin } from '../../src/lib/search/search-origin';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const near = (text: string) => resolveNear(scratch.directory.db, text);

async function placed(text: string) {
  const result = await near(text);
  if (!result.ok) throw new Error(`${text} was not placed: ${result.message}`);
  return result;
}

const kmBetween = (a: Point, b: Point) => distanceKm(a, b);

beforeAll(async () => {
  scratch = await scratchDirectory();
  const records = [
    // Places in Elswick and Fenham, at different distances from NE4 5TG (which no listing is at).
    service({ code: 'close', name: 'Close food bank', places: [{ name: 'Close hall', latitude: 54.9735, longitude: -1.626, postcode: 'NE4 5PL' }] }),
    service({ code: 'middle', name: 'Middle food bank', places: [{ name: 'Middle hall', latitude: 54.965, longitude: -1.644, postcode: 'NE4 7RW' }] }),
    service({ code: 'far', name: 'Far food bank', places: [{ name: 'Far hall', latitude: 54.9512, longitude: -1.5645, postcode: 'NE10 8DQ' }] }),
    // Covering areas by name only: a council the directory has no area for, and its own district.
    service({
      code: 'sunderland',
      name: 'Sunderland advice line',
      modes: ['phone'],
      locationType: 'virtual',
      places: [],
      serviceAreas: ['Sunderland City Council'],
    }),
    service({
      code: 'newcastle',
      name: 'Newcastle-wide befriending',
      modes: ['phone'],
      locationType: 'virtual',
      places: [],
      serviceAreas: ['Newcastle upon Tyne'],
    }),
  ];
  const outcome = await importRecords(scratch.directory, scratch.search, records, { source: 'test', today: TODAY });
  expect(outcome.invalid).toEqual([]);
  const report = await preparePlaces(scratch.directory);
  expect(report).toMatchObject({ shippedLoaded: true });
  expect(report.shippedPostcodes).toBeGreaterThan(45_000);
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('a postcode no listing is at', () => {
  it("places the README's example postcode exactly, with its council and ward", async () => {
    const result = await placed('ne4 5tg');
    expect(result).toMatchObject({ kind: 'postcode', label: 'NE4 5TG', precision: 'exact', note: null });
    expect(result.point).toEqual({ latitude: 54.97305, longitude: -1.62539 });
    // The file's ward (Arthur's Hill) comes first, then the areas around it, then the council.
    expect(result.areaIds[0]).toBe('newcastle-arthurs-hill');
    expect(result.areaIds).toContain('newcastle');
    expect(await lookupPostcode(scratch.directory.db, 'NE4 5TG')).toMatchObject({
      source: 'shipped',
      council_code: 'E08000021',
      council_name: 'Newcastle upon Tyne',
      ward_name: "Arthur's Hill",
    });
  });

  it('places an unknown postcode in a known sector at the middle of its sector, and says so', async () => {
    const result = await placed('NE4 5ZZ');
    expect(result).toMatchObject({ kind: 'postcode', label: 'NE4 5ZZ', precision: 'sector' });
    expect(result.point).toEqual({ latitude: 54.97539, longitude: -1.63238 });
    expect(result.note).toBe('We do not know exactly where NE4 5ZZ is, so distances are from the middle of NE4 5, the area around your postcode.');
    expect(result.areaIds).toContain('newcastle');
  });

  it('places a postcode whose sector is unknown at the middle of its district, and says so', async () => {
    const result = await placed('NE4 1AA');
    expect(result).toMatchObject({ precision: 'district', label: 'NE4 1AA' });
    expect(result.note).toContain('from the middle of NE4, the postcode district it is in');
    expect(kmBetween(result.point, { latitude: 54.9727, longitude: -1.6414 })).toBeLessThan(1);
  });

  it('places English, Welsh, Scottish and Northern Irish postcodes far from the sample, from the shipped sectors', async () => {
    // Where each really is (OS Code-Point Open), and its council.
    const cases: [string, Point, string][] = [
      ['BS1 4DJ', { latitude: 51.45173, longitude: -2.59686 }, 'council-e06000023'], // Bristol
      ['cf101ep', { latitude: 51.47576, longitude: -3.17921 }, 'council-w06000015'], // Cardiff
      ['EH1 1YZ', { latitude: 55.95033, longitude: -3.19302 }, 'council-s12000036'], // Edinburgh
      ['IV2 3AA', { latitude: 57.47688, longitude: -4.22645 }, 'council-s12000017'], // Inverness, Highland
    ];
    for (const [text, truth, council] of cases) {
      const result = await placed(text);
      expect(result.precision, text).toBe('sector');
      expect(kmBetween(result.point, truth), text).toBeLessThan(3);
      expect(result.areaIds, text).toEqual([council]);
    }
    // Belfast: the sector's centre is shipped, its council is not.
    const belfast = await placed('BT1 5GS');
    expect(belfast).toMatchObject({ precision: 'sector', areaIds: [] });
    expect(kmBetween(belfast.point, { latitude: 54.5973, longitude: -5.9301 })).toBeLessThan(1);
  });

  it('takes a sector or a district typed alone', async () => {
    expect(await placed('EH1 1')).toMatchObject({ kind: 'sector', label: 'EH1 1', areaIds: ['council-s12000036'] });
    expect(await placed('cf10')).toMatchObject({ kind: 'district', label: 'CF10', areaIds: ['council-w06000015'] });
  });

  it('gives a plain message for a postcode nobody knows, and for one that is typed wrong', async () => {
    expect(await near('ZZ9 9ZZ')).toEqual({
      ok: false,
      suggestions: [],
      message: 'We could not find the postcode "ZZ9 9ZZ" in the places we know. Check it, or try the name of the place instead.',
    });
    for (const text of ['NE4 5TGG', 'NE45TGX', 'NE4 T5G']) {
      const result = await near(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message, text).toContain('is not a whole postcode. A postcode has two parts, such as "NE4 5TG"');
    }
  });
});

describe('councils and wards as the areas a service covers', () => {
  it('matches a service covering "Sunderland City Council" to any Sunderland postcode, and not to Newcastle', async () => {
    const search = async (postcode: string) => {
      const parsed = parseSearchParams(new URLSearchParams({ near: postcode, per_page: '50' }));
      const { origin } = await searchOrigin(scratch.directory.db, parsed.query);
      return scratch.search.search(parsed.query, { origin });
    };
    const sunderland = await search('SR1 1AE');
    const line = sunderland.hits.find((hit) => hit.document.name === 'Sunderland advice line');
    expect(line?.reach).toBe('area');
    const inNewcastle = await search('NE4 5TG');
    expect(inNewcastle.hits.find((hit) => hit.document.name === 'Sunderland advice line')?.reach).toBe('remote');
    expect(inNewcastle.hits.find((hit) => hit.document.name === 'Newcastle-wide befriending')?.reach).toBe('area');
  });

  it('counts a search from a postcode against its ward, or its council when the directory has no area there', async () => {
    const { origin } = await searchOrigin(scratch.directory.db, parseSearchParams(new URLSearchParams({ near: 'NE4 5TG' })).query);
    expect(areaOfPlace(origin)).toBe('newcastle-arthurs-hill');
    const far = await searchOrigin(scratch.directory.db, parseSearchParams(new URLSearchParams({ near: 'SR1 1AE' })).query);
    expect(areaOfPlace(far.origin)).toBe('council-e08000024');
  });
});

describe('nearest first from a postcode with no listing', () => {
  it('orders by distance when a place is given and no order was chosen, and honours a radius', async () => {
    const parsed = parseSearchParams(new URLSearchParams({ q: 'food bank', near: 'NE4 5TG' }));
    expect(parsed.query.sort).toBe('distance');
    const { origin } = await searchOrigin(scratch.directory.db, parsed.query);
    const result = await scratch.search.search(parsed.query, { origin });
    expect(result.hits.map((hit) => hit.document.name)).toEqual(['Close food bank', 'Middle food bank', 'Far food bank']);
    const distances = result.hits.map((hit) => hit.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    const within = parseSearchParams(new URLSearchParams({ q: 'food bank', near: 'NE4 5TG', radius_km: '2' }));
    const close = await scratch.search.search(within.query, { origin });
    expect(close.hits.map((hit) => hit.document.name)).toEqual(['Close food bank', 'Middle food bank']);
  });

  it('keeps a chosen order, and an empty one counts as no choice', () => {
    expect(parseSearchParams(new URLSearchParams({ near: 'NE4 5TG', sort: 'relevance' })).query.sort).toBe('relevance');
    expect(parseSearchParams(new URLSearchParams({ near: 'NE4 5TG', sort: '' })).query.sort).toBe('distance');
  });
});

describe('loading the shipped postcodes', () => {
  it('loads once per version, and never replaces a postcode someone imported from a file', async () => {
    expect((await loadShippedPostcodes(scratch.directory)).loaded).toBe(false);
    await postcodeWriter(
      scratch.directory,
      'ons',
    )([
      {
        postcode: 'NE4 5TG',
        outward: 'NE4',
        latitude: 54.9731,
        longitude: -1.6254,
        council_code: 'E08000021',
        council_name: 'Newcastle upon Tyne',
        ward_code: 'E05011436',
        ward_name: null,
      },
    ]);
    // A new shipped version (as after an upgrade) reloads, but the imported position stays, and
    // the ward's name is kept from the shipped row because the ward's code is the same.
    await scratch.directory.db.updateTable('app_setting').set({ value: 'older' }).where('key', '=', 'shipped_postcodes').execute();
    expect((await loadShippedPostcodes(scratch.directory)).loaded).toBe(true);
    expect(await lookupPostcode(scratch.directory.db, 'NE4 5TG')).toMatchObject({
      source: 'ons',
      latitude: 54.9731,
      ward_name: "Arthur's Hill",
    });
    const { count } = await scratch.directory.db
      .selectFrom('postcode_centre')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(11_101 + 2_945);
  });
});
