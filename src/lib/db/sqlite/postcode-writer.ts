// SQLite's fast form of the postcode writes (src/lib/db/postcode-writes.ts): prepared statements
// on the raw connection, about 80,000 rows in well under a second.
import type Database from 'better-sqlite3';
import type { PostcodeCentreTable } from '../types';
import { POSTCODE_COLUMNS, postcodeConflictSql, type PostcodeRowSource, type PostcodeValues } from '../postcode-sql';

/** A sector's or district's centre, as the postcode_centre table holds it. */
export type CentreValues = PostcodeCentreTable;

/** Writes a batch of rows in one transaction (a savepoint inside one the caller holds). */
export function sqlitePostcodeWriter(sqlite: Database.Database, source: PostcodeRowSource): (rows: readonly PostcodeValues[]) => void {
  const upsert = sqlite.prepare(
    `insert into postcode (${POSTCODE_COLUMNS.join(', ')})
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ${postcodeConflictSql(source)}`,
  );
  return sqlite.transaction((rows: readonly PostcodeValues[]) => {
    for (const row of rows) {
      upsert.run(row.postcode, row.outward, row.latitude, row.longitude, source, row.council_code, row.council_name, row.ward_code, row.ward_name);
    }
  });
}

export function replaceShippedSqlite(
  sqlite: Database.Database,
  shipped: { centres: CentreValues[]; postcodes: PostcodeValues[] },
  setting: string,
  version: string,
): void {
  const writePostcodes = sqlitePostcodeWriter(sqlite, 'shipped');
  const insertCentre = sqlite.prepare('insert into postcode_centre (code, kind, latitude, longitude, postcodes, council_code) values (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    sqlite.prepare("delete from postcode where source = 'shipped'").run();
    sqlite.prepare('delete from postcode_centre').run();
    for (const c of shipped.centres) insertCentre.run(c.code, c.kind, c.latitude, c.longitude, c.postcodes, c.council_code);
    writePostcodes(shipped.postcodes);
    sqlite.prepare('insert into app_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(setting, version);
  })();
}
