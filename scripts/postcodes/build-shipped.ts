// Makes the postcode data the project ships in content/postcodes/ from the open data in
// ../shared/postcodes/ (OS Code-Point Open with councils and wards; sector and district centres):
//   councils.json       every Great Britain council: code, name as people say it, other names, centre
//   sectors.csv         every UK postcode sector's centre, with the council most of its postcodes are in
//   districts.csv       the same for every postcode district
//   north-east.csv.gz   every postcode of the sample's areas (NE, DH, SR), as the GB file gives them
// Run: npx tsx scripts/postcodes/build-shipped.ts [../shared/postcodes]
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip, constants } from 'node:zlib';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { cleanCouncilName } from '../../src/lib/geo/councils';

const from = process.argv[2] ?? join(import.meta.dirname, '../../../shared/postcodes');
const to = join(import.meta.dirname, '../../content/postcodes');
const SHIPPED_AREAS = new Set(['NE', 'DH', 'SR']);

interface Tally {
  latitude: number;
  longitude: number;
  count: number;
  councils: Map<string, number>;
}
const add = (map: Map<string, Tally>, key: string, latitude: number, longitude: number, council: string) => {
  const tally = map.get(key) ?? { latitude: 0, longitude: 0, count: 0, councils: new Map() };
  tally.latitude += latitude;
  tally.longitude += longitude;
  tally.count++;
  tally.councils.set(council, (tally.councils.get(council) ?? 0) + 1);
  map.set(key, tally);
};
// The council most of a unit's postcodes are in ('' when none of them has one).
const majority = (tally: Tally | undefined) => [...(tally?.councils ?? [])].filter(([code]) => code).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

const councilNames = new Map<string, string>();
const councilTally = new Map<string, Tally>();
const sectorTally = new Map<string, Tally>();
const districtTally = new Map<string, Tally>();
const shipped: string[][] = [];
let header: string[] = [];

const rows = createReadStream(join(from, 'gb_codepoint_2025-10_wgs84.csv.gz')).pipe(createGunzip()).pipe(parse());
for await (const row of rows as AsyncIterable<string[]>) {
  if (!header.length) {
    header = row;
    continue;
  }
  const [postcode, lat, long, councilCode, councilName] = row as [string, string, string, string, string];
  const latitude = Number(lat);
  const longitude = Number(long);
  const [outward, inward] = postcode.split(' ') as [string, string];
  if (councilCode) {
    councilNames.set(councilCode, councilName);
    add(councilTally, councilCode, latitude, longitude, councilCode);
  }
  add(sectorTally, `${outward} ${inward[0]}`, latitude, longitude, councilCode);
  add(districtTally, outward, latitude, longitude, councilCode);
  if (SHIPPED_AREAS.has(/^[A-Z]+/.exec(outward)![0])) shipped.push(row);
}

const round5 = (value: number) => Number(value.toFixed(5));
const councils = [...councilTally]
  .map(([code, tally]) => ({
    code,
    ...cleanCouncilName(councilNames.get(code)!),
    latitude: round5(tally.latitude / tally.count),
    longitude: round5(tally.longitude / tally.count),
    postcodes: tally.count,
  }))
  .sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(join(to, 'councils.json'), `${JSON.stringify(councils, null, 1)}\n`);

// Sector and district centres come from the shared files (they include Northern Ireland's);
// the council is the one most of the unit's GB postcodes are in.
const csvLine = (fields: (string | number)[]) =>
  fields.map((field) => (/[",]/.test(String(field)) ? `"${String(field).replace(/"/g, '""')}"` : field)).join(',');
for (const [file, out, tallies] of [
  ['uk_postcode_sectors.csv', 'sectors.csv', sectorTally],
  ['uk_postcode_districts.csv', 'districts.csv', districtTally],
] as const) {
  const records = parseSync(readFileSync(join(from, file)), { columns: true }) as Record<string, string>[];
  const key = file.includes('sectors') ? 'sector' : 'district';
  const lines = [csvLine([key, 'lat', 'long', 'postcodes', 'council_code'])];
  for (const record of records) lines.push(csvLine([record[key]!, record.lat!, record.long!, record.n_postcodes!, majority(tallies.get(record[key]!))]));
  writeFileSync(join(to, out), `${lines.join('\n')}\n`);
}

await pipeline(
  Readable.from([header, ...shipped].map((row) => `${csvLine(row)}\n`)),
  createGzip({ level: constants.Z_BEST_COMPRESSION }),
  createWriteStream(join(to, 'north-east.csv.gz')),
);
console.log(
  `${councils.length} councils, ${sectorTally.size} GB sectors, ${districtTally.size} GB districts, ${shipped.length} postcodes in ${[...SHIPPED_AREAS].join(', ')}.`,
);
