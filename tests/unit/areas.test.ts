// The area list and its rules: names and aliases, points in outlines, most specific first, nearest, and the checks on the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  areaAndAncestors,
  areaByName,
  areasContaining,
  buildAreaList,
  editDistance,
  getAreas,
  nameKey,
  nearestArea,
  outlineContains,
  outlineSquareKm,
  similarAreaNames,
  type Area,
} from '../../src/lib/geo/areas';

/** A square outline, `size` degrees a side, with its south-west corner at (longitude, latitude). */
function square(longitude: number, latitude: number, size: number): [number, number][] {
  return [
    [longitude, latitude],
    [longitude + size, latitude],
    [longitude + size, latitude + size],
    [longitude, latitude + size],
    [longitude, latitude],
  ];
}

function area(spec: Partial<Area> & Pick<Area, 'id' | 'name'>): Area {
  return { kind: 'ward', parent: null, latitude: 0.5, longitude: 0.5, population: null, aliases: [], outline: null, ...spec };
}

// A made-up district with two wards side by side, a neighbourhood across both, and a town.
const district = area({ id: 'shire', name: 'Shire', kind: 'district', outline: { type: 'Polygon', coordinates: [square(0, 0, 1)] } });
const west = area({
  id: 'shire-west',
  name: 'West Ward',
  parent: 'shire',
  latitude: 0.5,
  longitude: 0.25,
  outline: { type: 'Polygon', coordinates: [square(0, 0, 0.5).map(([x, y]) => [x, y * 2] as [number, number])] },
});
const east = area({
  id: 'shire-east',
  name: 'East Ward',
  parent: 'shire',
  latitude: 0.5,
  longitude: 0.75,
  aliases: ["St Mary's"],
  outline: { type: 'Polygon', coordinates: [square(0.5, 0, 0.5).map(([x, y]) => [x, y * 2] as [number, number])] },
});
const middle = area({
  id: 'shire-middle',
  name: 'Middle',
  kind: 'neighbourhood',
  parent: 'shire',
  latitude: 0.5,
  longitude: 0.5,
  outline: { type: 'Polygon', coordinates: [square(0.4, 0.4, 0.2)] },
});
const town = area({
  id: 'shire-town',
  name: 'Town',
  kind: 'town',
  parent: 'shire',
  latitude: 0.5,
  longitude: 0.5,
  outline: { type: 'Polygon', coordinates: [square(0.3, 0.3, 0.4)] },
});
const centreOnly = area({ id: 'shire-hamlet', name: 'Hamlet', kind: 'neighbourhood', parent: 'shire', latitude: 0.9, longitude: 0.9 });
const SHIRE = [district, west, east, middle, town, centreOnly];

describe('names', () => {
  it('compares names ignoring case, spacing, punctuation and accents', () => {
    expect(nameKey("Arthur's  Hill")).toBe('arthurshill');
    expect(nameKey('Newcastle-upon-Tyne')).toBe(nameKey('newcastle upon tyne'));
    expect(nameKey('Ryton, Crookhill & Stella')).toBe(nameKey('Ryton Crookhill and Stella'));
    expect(nameKey('Café')).toBe('cafe');
  });

  it('finds an area by its name or an alias, and nothing for an unknown name', () => {
    expect(areaByName('east ward', SHIRE)).toBe(east);
    expect(areaByName('  EASTWARD ', SHIRE)).toBe(east);
    expect(areaByName('st marys', SHIRE)).toBe(east);
    expect(areaByName('Nowhere', SHIRE)).toBeUndefined();
    expect(areaByName('  ', SHIRE)).toBeUndefined();
  });

  it('suggests close names: a few letters out, or the start of a longer one, one per area', () => {
    expect(editDistance('elswik', 'elswick')).toBe(1);
    expect(editDistance('hetaon', 'heaton')).toBe(1); // two letters swapped
    expect(editDistance('', 'abc')).toBe(3);
    expect(similarAreaNames('East Wrd', SHIRE)).toEqual(['East Ward']);
    expect(similarAreaNames('Est Ward', SHIRE)).toEqual(['East Ward', 'West Ward']);
    expect(similarAreaNames('st mar', SHIRE)).toEqual(["St Mary's"]);
    expect(similarAreaNames('Ward', SHIRE)).toEqual([]);
    expect(similarAreaNames('x', SHIRE)).toEqual([]);
    expect(similarAreaNames('Elswik')).toEqual(['Elswick']);
    expect(similarAreaNames('Gosforh')).toEqual(['Gosforth']);
    expect(similarAreaNames('Heatn')).toEqual(['Heaton']);
    expect(similarAreaNames('Whick').length).toBeLessThanOrEqual(3);
  });
});

describe('outlines', () => {
  it('tells inside from outside, with holes and several parts', () => {
    const holed = { type: 'Polygon' as const, coordinates: [square(0, 0, 10), square(4, 4, 2)] };
    expect(outlineContains(holed, { latitude: 1, longitude: 1 })).toBe(true);
    expect(outlineContains(holed, { latitude: 5, longitude: 5 })).toBe(false);
    expect(outlineContains(holed, { latitude: 11, longitude: 5 })).toBe(false);
    const parts = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(outlineContains(parts, { latitude: 5.5, longitude: 5.5 })).toBe(true);
    expect(outlineContains(parts, { latitude: 3, longitude: 3 })).toBe(false);
    // A concave outline: an L shape.
    const ell = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ] as [number, number][],
      ],
    };
    expect(outlineContains(ell, { latitude: 1.5, longitude: 0.5 })).toBe(true);
    expect(outlineContains(ell, { latitude: 1.5, longitude: 1.5 })).toBe(false);
  });

  it('measures an outline roughly, less its holes', () => {
    const km = outlineSquareKm({ type: 'Polygon', coordinates: [square(0, 0, 0.01)] });
    expect(km).toBeGreaterThan(1.2);
    expect(km).toBeLessThan(1.25);
    expect(outlineSquareKm({ type: 'Polygon', coordinates: [square(0, 0, 0.02), square(0.005, 0.005, 0.01)] })).toBeCloseTo(3 * km, 2);
  });

  it('lists the areas holding a point most specific first: wards and neighbourhoods (smaller first), towns, then districts', () => {
    expect(areasContaining({ latitude: 0.5, longitude: 0.45 }, SHIRE).map((a) => a.id)).toEqual(['shire-middle', 'shire-west', 'shire-town', 'shire']);
    expect(areasContaining({ latitude: 0.1, longitude: 0.9 }, SHIRE).map((a) => a.id)).toEqual(['shire-east', 'shire']);
    expect(areasContaining({ latitude: 2, longitude: 2 }, SHIRE)).toEqual([]);
    // An area known only by its centre is in no outline.
    expect(areasContaining({ latitude: 0.9, longitude: 0.9 }, SHIRE).map((a) => a.id)).not.toContain('shire-hamlet');
  });

  it('finds the nearest ward, neighbourhood or town by its centre, and a district only when there is nothing smaller', () => {
    expect(nearestArea({ latitude: 0.95, longitude: 0.95 }, SHIRE)?.area.id).toBe('shire-hamlet');
    expect(nearestArea({ latitude: 0.5, longitude: 0.8 }, SHIRE)?.area.id).toBe('shire-east');
    const only = nearestArea({ latitude: 0, longitude: 0 }, [district]);
    expect(only?.area.id).toBe('shire');
    expect(only?.km).toBeCloseTo(78.6, 0);
    expect(nearestArea({ latitude: 0, longitude: 0 }, [])).toBeUndefined();
  });

  it('follows an area up through its parents', () => {
    expect(areaAndAncestors(middle, SHIRE).map((a) => a.id)).toEqual(['shire-middle', 'shire']);
    expect(areaAndAncestors(district, SHIRE)).toEqual([district]);
  });
});

describe('checking an area file', () => {
  const base = () => SHIRE.map((a) => structuredClone(a));
  it('accepts a sound list', () => {
    expect(buildAreaList(base())).toHaveLength(SHIRE.length);
  });
  it('says what is wrong, and where', () => {
    expect(() => buildAreaList({})).toThrow('must hold a list of areas');
    expect(() => buildAreaList([...base(), { ...west, kind: 'county' }])).toThrow(/Area 6 \("shire-west"\).*kind/);
    expect(() => buildAreaList([...base(), west])).toThrow('Two areas in content/areas/areas.json have the id "shire-west"');
    expect(() => buildAreaList([...base(), { ...west, id: 'other', name: 'Other', parent: 'atlantis' }])).toThrow(
      'names a parent "atlantis" that is not in the list',
    );
    expect(() => buildAreaList([...base(), { ...west, id: 'other', name: 'west-ward' }])).toThrow('The name "west-ward" belongs to two areas');
    expect(() => buildAreaList([...base(), { ...west, id: 'other', name: 'Other', aliases: ['East Ward'] }])).toThrow('belongs to two areas');
    const open = { ...west, id: 'other', name: 'Other', outline: { type: 'Polygon', coordinates: [square(0, 0, 1).slice(0, 4)] } };
    expect(() => buildAreaList([...base(), open])).toThrow('must end where it starts');
    const loop = base();
    loop[0]!.parent = 'shire-west';
    expect(() => buildAreaList(loop)).toThrow('its own parent');
  });
});

describe("the directory's areas (content/areas/areas.json)", () => {
  const areas = getAreas();
  const byId = new Map(areas.map((a) => [a.id, a]));

  it('has Newcastle upon Tyne and Gateshead, and at least 25 wards and neighbourhoods with outlines', () => {
    expect(
      areas
        .filter((a) => a.kind === 'district')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Gateshead', 'Newcastle upon Tyne']);
    const local = areas.filter((a) => (a.kind === 'ward' || a.kind === 'neighbourhood') && a.outline);
    expect(local.length).toBeGreaterThanOrEqual(25);
    for (const a of areas) {
      if (a.kind !== 'district') expect(['newcastle', 'gateshead'], a.id).toContain(a.parent);
      expect(a.id.startsWith(a.parent ?? a.id), `${a.id} starts with its district's id`).toBe(true);
    }
    const wardPopulation = (id: string) => areas.filter((a) => a.parent === id && a.kind === 'ward').reduce((sum, a) => sum + (a.population ?? 0), 0);
    // Ward populations add up to roughly the district's.
    for (const id of ['newcastle', 'gateshead']) expect(Math.abs(wardPopulation(id) / byId.get(id)!.population! - 1)).toBeLessThan(0.1);
  });

  it("puts each area's centre inside its outline, and inside its district", () => {
    for (const a of areas) {
      const point = { latitude: a.latitude, longitude: a.longitude };
      if (a.outline) expect(outlineContains(a.outline, point), `${a.id}'s centre`).toBe(true);
      if (a.parent) expect(outlineContains(byId.get(a.parent)!.outline!, point), `${a.id}'s centre in ${a.parent}`).toBe(true);
    }
  });

  it('covers each district with its wards, without overlaps', () => {
    for (const id of ['newcastle', 'gateshead']) {
      const outline = byId.get(id)!.outline!;
      const wards = areas.filter((a) => a.parent === id && a.kind === 'ward');
      for (let latitude = 54.86; latitude < 55.09; latitude += 0.0037) {
        for (let longitude = -1.85; longitude < -1.5; longitude += 0.0041) {
          const point = { latitude, longitude };
          if (!outlineContains(outline, point)) continue;
          const holding = wards.filter((ward) => outlineContains(ward.outline!, point)).map((ward) => ward.id);
          expect(holding.length, `${latitude.toFixed(4)},${longitude.toFixed(4)} is in ${holding.join(', ') || 'no ward'}`).toBe(1);
        }
      }
    }
  });

  it('knows every service area the sample directory names, and holds every sample place in the right district', () => {
    const sample = JSON.parse(readFileSync(new URL('../../content/sample/directory.json', import.meta.url), 'utf8')) as { contents: any[] };
    for (const service of sample.contents) {
      for (const serviceArea of service.service_areas ?? []) expect(areaByName(serviceArea.name), serviceArea.name).toBeDefined();
      for (const { location } of service.service_at_locations ?? []) {
        if (location?.latitude == null) continue;
        const holding = areasContaining(location);
        expect(holding.length, `${location.name} (${location.latitude}, ${location.longitude})`).toBeGreaterThan(1);
        const city = location.addresses?.[0]?.city;
        if (city) expect(holding.at(-1)!.name, `${location.name} is in ${city}`).toBe(city);
      }
    }
  });

  it('finds the places people name', () => {
    for (const [name, id] of [
      ['Newcastle', 'newcastle'],
      ['newcastle upon tyne', 'newcastle'],
      ['Gateshead', 'gateshead'],
      ['Elswick', 'newcastle-elswick'],
      ['benwell', 'newcastle-benwell-and-scotswood'],
      ['Jesmond', 'newcastle-jesmond'],
      ['low fell', 'gateshead-low-fell'],
      ['Whickham', 'gateshead-whickham'],
      ['Gateshead town centre', 'gateshead-bridges'],
      ['city centre', 'newcastle-monument'],
      ['West End of Newcastle', 'newcastle-west-end'],
      ['East End of Newcastle', 'newcastle-east-end'],
      ['Rowlands Gill', 'gateshead-chopwell-and-rowlands-gill'],
    ]) {
      expect(areaByName(name!)?.id, name).toBe(id);
    }
  });

  it('puts well-known places in the right ward', () => {
    const wardAt = (latitude: number, longitude: number) => areasContaining({ latitude, longitude }).find((a) => a.kind === 'ward')?.id;
    expect(wardAt(54.9739, -1.6132)).toBe('newcastle-monument'); // Grey's Monument
    expect(wardAt(54.9476, -1.6096)).toBe('gateshead-saltwell'); // Saltwell Park
    expect(wardAt(54.9878, -1.5905)).toBe('newcastle-heaton'); // Heaton Park
    expect(wardAt(54.9581, -1.6035)).toBe('gateshead-bridges'); // Gateshead Interchange
  });
});
