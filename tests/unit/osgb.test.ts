// National Grid to latitude and longitude, checked against Ordnance Survey's and EPSG's published examples.
import { describe, expect, it } from 'vitest';
import { gridToOsgb36, gridToWgs84, isOnNationalGrid, osgb36ToWgs84 } from '../../src/lib/geo/osgb';
import { distanceKm } from '../../src/lib/geo/distance';

const dms = (degrees: number, minutes: number, seconds: number) => degrees + minutes / 60 + seconds / 3600;

describe('gridToOsgb36 (inverse transverse Mercator on Airy 1830)', () => {
  it("reproduces Ordnance Survey's worked example (guide annex C) to a ten-thousandth of a second", () => {
    const point = gridToOsgb36(651409.903, 313177.27);
    expect(point.latitude).toBeCloseTo(dms(52, 39, 27.2531), 7);
    expect(point.longitude).toBeCloseTo(dms(1, 43, 4.5177), 7);
  });

  it("reproduces EPSG Guidance Note 7-2's example (given to the centimetre)", () => {
    const point = gridToOsgb36(577274.99, 69740.5);
    expect(point.latitude).toBeCloseTo(50.5, 6);
    expect(point.longitude).toBeCloseTo(0.5, 6);
  });

  it('puts the true origin on 49°N 2°W', () => {
    const origin = gridToOsgb36(400000, -100000);
    expect(origin.latitude).toBeCloseTo(49, 9);
    expect(origin.longitude).toBeCloseTo(-2, 9);
  });
});

describe('gridToWgs84', () => {
  it("gives the published WGS84 position of OS's worked example (52°39′28.723″N, 1°42′57.787″E)", () => {
    const point = gridToWgs84(651409.903, 313177.27);
    expect(point.latitude).toBeCloseTo(dms(52, 39, 28.723), 6);
    expect(point.longitude).toBeCloseTo(dms(1, 42, 57.787), 6);
  });

  it('moves a point about 100 m between the two datums in the North East, as OSGB36 does', () => {
    const osgb36 = gridToOsgb36(424900, 564300);
    const wgs84 = osgb36ToWgs84(osgb36);
    const shiftKm = distanceKm(osgb36, wgs84);
    expect(shiftKm).toBeGreaterThan(0.05);
    expect(shiftKm).toBeLessThan(0.15);
  });

  it("puts grid square NZ 24 64 in the middle of Newcastle, by Grey's Monument", () => {
    const point = gridToWgs84(424900, 564300);
    expect(distanceKm(point, { latitude: 54.9747, longitude: -1.6132 })).toBeLessThan(0.3);
  });
});

describe('isOnNationalGrid', () => {
  it('refuses Code-Point\'s (0, 0) for "no position" and anything off the grid', () => {
    expect(isOnNationalGrid(424900, 564300)).toBe(true);
    expect(isOnNationalGrid(0, 0)).toBe(false);
    expect(isOnNationalGrid(-5, 564300)).toBe(false);
    expect(isOnNationalGrid(424900, 1400000)).toBe(false);
    expect(isOnNationalGrid(Number.NaN, 1)).toBe(false);
  });
});
