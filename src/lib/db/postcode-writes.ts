// The postcode table's bulk writes: a file's postcodes (scripts/import-postcodes.ts) and the
// shipped ones (src/lib/geo/shipped-postcodes.ts). An imported file replaces what is there; the
// shipped postcodes replace only what came from the directory's addresses or an earlier shipped
// set, never a file someone imported on purpose. A ward's name is kept when a file that gives
// only codes (ONS, Code-Point) names the same ward. On SQLite, prepared statements on the raw
// connection (db/sqlite/postcode-writer.ts); on PostgreSQL, many rows a statement through Kysely.
import { sql, type Kysely } from 'kysely';
import type { DirectoryDatabase } from './database';
import type { DatabaseSchema } from './types';
import { POSTCODE_COLUMNS, postcodeConflictSql, type PostcodeRowSource, type PostcodeValues } from './postcode-sql';
import { replaceShippedSqlite, sqlitePostcodeWriter, type CentreValues } from './sqlite/postcode-writer';

/** Rows per statement through Kysely: 9 values each, well under PostgreSQL's 65,535. */
const POSTCODES_PER_STATEMENT = 2_000;
const CENTRES_PER_STATEMENT = 5_000;

/** A writer for one file's rows, each call in one transaction. */
export function postcodeWriter(directory: DirectoryDatabase, source: PostcodeRowSource): (rows: readonly PostcodeValues[]) => Promise<void> {
  if (directory.dialect === 'sqlite') {
    const write = sqlitePostcodeWriter(directory.sqlite, source);
    return async (rows) => write(rows);
  }
  return (rows) => directory.db.transaction().execute((trx) => writePostcodesThrough(trx, source, rows));
}

async function writePostcodesThrough(db: Kysely<DatabaseSchema>, source: PostcodeRowSource, rows: readonly PostcodeValues[]): Promise<void> {
  for (let start = 0; start < rows.length; start += POSTCODES_PER_STATEMENT) {
    const chunk = rows.slice(start, start + POSTCODES_PER_STATEMENT);
    const values = sql.join(
      chunk.map((row) => {
        const record: Record<string, unknown> = { ...row, source };
        return sql`(${sql.join(POSTCODE_COLUMNS.map((column) => sql`${record[column] ?? null}`))})`;
      }),
    );
    await sql`insert into postcode (${sql.join(POSTCODE_COLUMNS.map((column) => sql.ref(column)))}) values ${values}
      ${sql.raw(postcodeConflictSql(source))}`.execute(db);
  }
}

/**
 * Replaces the shipped postcodes and the sector and district centres with a new shipped set,
 * and records its version under `setting`, all in one transaction. A postcode dropped from a
 * newer set goes (it was terminated); imported ones stay.
 */
export async function replaceShippedPostcodes(
  directory: DirectoryDatabase,
  shipped: { centres: CentreValues[]; postcodes: PostcodeValues[] },
  setting: string,
  version: string,
): Promise<void> {
  if (directory.dialect === 'sqlite') {
    replaceShippedSqlite(directory.sqlite, shipped, setting, version);
    return;
  }
  await directory.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('postcode').where('source', '=', 'shipped').execute();
    await trx.deleteFrom('postcode_centre').execute();
    for (let start = 0; start < shipped.centres.length; start += CENTRES_PER_STATEMENT) {
      await trx
        .insertInto('postcode_centre')
        .values(shipped.centres.slice(start, start + CENTRES_PER_STATEMENT))
        .execute();
    }
    await writePostcodesThrough(trx, 'shipped', shipped.postcodes);
    await trx
      .insertInto('app_setting')
      .values({ key: setting, value: version })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: version }))
      .execute();
  });
}
