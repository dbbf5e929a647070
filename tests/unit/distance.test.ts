// Distances between places, and how far that is on foot, in words.
import { describe, expect, it } from 'vitest';
import { distanceKm, distanceText, walkingMinutes } from '../../src/lib/geo/distance';

const CENTRAL_STATION = { latitude: 54.9683, longitude: -1.6174 };
const GATESHEAD_INTERCHANGE = { latitude: 54.9608, longitude: -1.6038 };
const LONDON_KINGS_CROSS = { latitude: 51.5308, longitude: -0.1238 };

describe('distanceKm', () => {
  it('is zero from a place to itself and the same both ways', () => {
    expect(distanceKm(CENTRAL_STATION, CENTRAL_STATION)).toBe(0);
    expect(distanceKm(CENTRAL_STATION, GATESHEAD_INTERCHANGE)).toBeCloseTo(distanceKm(GATESHEAD_INTERCHANGE, CENTRAL_STATION), 10);
  });

  it('measures across the river and across the country as the maps do', () => {
    // About 1.2 km from Newcastle Central to Gateshead Interchange; about 395 km to King's Cross.
    expect(distanceKm(CENTRAL_STATION, GATESHEAD_INTERCHANGE)).toBeGreaterThan(1.1);
    expect(distanceKm(CENTRAL_STATION, GATESHEAD_INTERCHANGE)).toBeLessThan(1.3);
    expect(distanceKm(CENTRAL_STATION, LONDON_KINGS_CROSS)).toBeGreaterThan(385);
    expect(distanceKm(CENTRAL_STATION, LONDON_KINGS_CROSS)).toBeLessThan(405);
  });
});

describe('walkingMinutes', () => {
  it('walks at a gentle 4.5 km an hour, rounding up, and never says zero', () => {
    expect(walkingMinutes(4.5)).toBe(60);
    expect(walkingMinutes(0.75)).toBe(10);
    expect(walkingMinutes(0.76)).toBe(11);
    expect(walkingMinutes(0)).toBe(1);
  });
});

describe('distanceText', () => {
  it('gives the distance and the walk in friendly figures', () => {
    expect(distanceText(0.8)).toBe('0.8 km, about a 10 minute walk');
    expect(distanceText(0.6)).toBe('0.6 km, about an 8 minute walk');
    expect(distanceText(0.82)).toBe('0.8 km, about a 10 minute walk');
    expect(distanceText(0.3)).toBe('0.3 km, about a 4 minute walk');
    expect(distanceText(1.5)).toBe('1.5 km, about a 20 minute walk');
    expect(distanceText(2.6)).toBe('2.6 km, about a 35 minute walk');
  });

  it('says "an 8 minute walk", and "a" before other numbers', () => {
    expect(distanceText((8 / 60) * 4.5)).toBe('0.6 km, about an 8 minute walk');
    expect(distanceText((7 / 60) * 4.5)).toBe('0.5 km, about a 7 minute walk');
  });

  it('says "less than 0.1 km" for somewhere very close, not "0.0 km"', () => {
    expect(distanceText(0.01)).toBe('Less than 0.1 km, about a 1 minute walk');
  });

  it('gives only the distance when it is too far to walk, in whole km from 10 km', () => {
    expect(distanceText(3.4)).toBe('3.4 km');
    expect(distanceText(12.4)).toBe('12 km');
  });
});
