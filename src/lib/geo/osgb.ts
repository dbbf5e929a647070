// British National Grid eastings and northings (OSGB36) to WGS84 latitude and longitude, for
// OS Code-Point Open. Ordnance Survey's own formulas ("A guide to coordinate systems in Great
// Britain", annexes B and C): good to about 5 m, which is plenty for "near me".
import type { Point } from './distance';

interface Ellipsoid {
  a: number;
  b: number;
}

const AIRY_1830: Ellipsoid = { a: 6377563.396, b: 6356256.909 };
const WGS84: Ellipsoid = { a: 6378137, b: 6356752.3142 };

// The National Grid's transverse Mercator projection.
const F0 = 0.9996012717; // scale factor on the central meridian
const PHI0 = (49 * Math.PI) / 180; // true origin: 49°N
const LAMBDA0 = (-2 * Math.PI) / 180; // 2°W
const E0 = 400000; // false origin, metres
const N0 = -100000;

// OSGB36 to WGS84 (the inverse of OS's published WGS84 to OSGB36 transformation).
const ARC_SECOND = Math.PI / (180 * 3600);
const HELMERT = {
  tx: 446.448,
  ty: -125.157,
  tz: 542.06,
  s: -20.4894e-6,
  rx: 0.1502 * ARC_SECOND,
  ry: 0.247 * ARC_SECOND,
  rz: 0.8421 * ARC_SECOND,
};

const DEGREES = 180 / Math.PI;

/** The meridional arc from the true origin's latitude to phi (OS guide, equation C3). */
function meridionalArc(phi: number): number {
  const { a, b } = AIRY_1830;
  const n = (a - b) / (a + b);
  const n2 = n * n;
  const n3 = n2 * n;
  const dPhi = phi - PHI0;
  const sPhi = phi + PHI0;
  return (
    b *
    F0 *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * dPhi -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(dPhi) * Math.cos(sPhi) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * dPhi) * Math.cos(2 * sPhi) -
      (35 / 24) * n3 * Math.sin(3 * dPhi) * Math.cos(3 * sPhi))
  );
}

/**
 * Latitude and longitude on the OSGB36 datum (Airy 1830 ellipsoid) of a grid position: the
 * inverse transverse Mercator projection (OS guide, annex C.2).
 */
export function gridToOsgb36(easting: number, northing: number): Point {
  const { a, b } = AIRY_1830;
  const e2 = 1 - (b * b) / (a * a);
  let phi = PHI0;
  let arc = 0;
  // Iterate until the meridional arc matches the northing to within 0.01 mm.
  do {
    phi = (northing - N0 - arc) / (a * F0) + phi;
    arc = meridionalArc(phi);
  } while (Math.abs(northing - N0 - arc) >= 0.00001);

  const sinPhi = Math.sin(phi);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sinPhi * sinPhi);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sinPhi * sinPhi, 1.5);
  const eta2 = nu / rho - 1;
  const tan = Math.tan(phi);
  const tan2 = tan * tan;
  const tan4 = tan2 * tan2;
  const tan6 = tan4 * tan2;
  const sec = 1 / Math.cos(phi);
  const nu3 = nu * nu * nu;
  const nu5 = nu3 * nu * nu;
  const nu7 = nu5 * nu * nu;

  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
  const IX = (tan / (720 * rho * nu5)) * (61 + 90 * tan2 + 45 * tan4);
  const X = sec / nu;
  const XI = (sec / (6 * nu3)) * (nu / rho + 2 * tan2);
  const XII = (sec / (120 * nu5)) * (5 + 28 * tan2 + 24 * tan4);
  const XIIA = (sec / (5040 * nu7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6);

  const dE = easting - E0;
  const latitude = phi - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6;
  const longitude = LAMBDA0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7;
  return { latitude: latitude * DEGREES, longitude: longitude * DEGREES };
}

/** Moves a point (at height 0) from OSGB36 to WGS84 with OS's seven-parameter Helmert transformation. */
export function osgb36ToWgs84(point: Point): Point {
  // Latitude and longitude on Airy 1830 to earth-centred cartesian coordinates (OS guide, B.1).
  const phi = point.latitude / DEGREES;
  const lambda = point.longitude / DEGREES;
  const airyE2 = 1 - AIRY_1830.b ** 2 / AIRY_1830.a ** 2;
  const nu = AIRY_1830.a / Math.sqrt(1 - airyE2 * Math.sin(phi) ** 2);
  const x1 = nu * Math.cos(phi) * Math.cos(lambda);
  const y1 = nu * Math.cos(phi) * Math.sin(lambda);
  const z1 = (1 - airyE2) * nu * Math.sin(phi);

  const { tx, ty, tz, s, rx, ry, rz } = HELMERT;
  const x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1;
  const y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1;
  const z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1;

  // Back to latitude and longitude, now on the WGS84 ellipsoid (OS guide, B.2).
  const e2 = 1 - WGS84.b ** 2 / WGS84.a ** 2;
  const p = Math.hypot(x2, y2);
  let latitude = Math.atan2(z2, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const nuW = WGS84.a / Math.sqrt(1 - e2 * Math.sin(latitude) ** 2);
    const next = Math.atan2(z2 + e2 * nuW * Math.sin(latitude), p);
    if (Math.abs(next - latitude) < 1e-12) {
      latitude = next;
      break;
    }
    latitude = next;
  }
  return { latitude: latitude * DEGREES, longitude: Math.atan2(y2, x2) * DEGREES };
}

/** WGS84 latitude and longitude of a British National Grid position (eastings and northings in metres). */
export function gridToWgs84(easting: number, northing: number): Point {
  return osgb36ToWgs84(gridToOsgb36(easting, northing));
}

/**
 * Is this a position on the National Grid at all? The grid covers Great Britain from (0, 0)
 * to (700 000, 1 300 000); Code-Point Open also uses (0, 0) for "no position".
 */
export function isOnNationalGrid(easting: number, northing: number): boolean {
  return Number.isFinite(easting) && Number.isFinite(northing) && easting > 0 && easting <= 700000 && northing > 0 && northing <= 1300000;
}
