// npm run import -- <file> [--strict]: loads Open Referral UK service JSON into the directory.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importRecords, recordsOf } from '../src/lib/openreferral/import';
import { fail, openDirectory, progressPrinter } from './cli';
import { checkpoint } from '../src/lib/db/database';
import { rebuildDirectoryPostcodes } from '../src/lib/geo/postcode-table';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  fail('Usage: npm run import -- <file.json> [--strict]\n  Imports Open Referral UK services (one service, an array, or {"contents": [...]}).\n  --strict  import nothing if any record is invalid');
}
const file = positionals[0]!;
let feed: unknown;
try {
  feed = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`Could not read ${file} as JSON: ${(error as Error).message}`);
}
let records: unknown[];
try {
  records = recordsOf(feed);
} catch (error) {
  fail((error as Error).message);
}

const { directory, search } = await openDirectory();
try {
  const report = await importRecords(directory, search, records, {
    strict: values.strict, source: file, onProgress: progressPrinter('Importing'),
  });
  if (report.written > 1000) checkpoint(directory);
  // New addresses are new places to search from ("near NE6 5HL").
  if (report.written > 0) await rebuildDirectoryPostcodes(directory.db);
  for (const warning of report.warnings) {
    process.stderr.write(`Warning: record ${warning.index} (id ${warning.id ?? 'missing'}): ${warning.path} ${warning.message}\n`);
  }
  for (const error of report.invalid) {
    process.stderr.write(`Record ${error.index} (id ${error.id ?? 'missing'}): ${error.path} ${error.message}\n`);
  }
  const invalidRecords = new Set(report.invalid.map((error) => error.index)).size;
  if (report.abandoned) {
    process.stderr.write(`Nothing imported: ${invalidRecords} of ${report.total} records are invalid and --strict was given.\n`);
  } else {
    process.stdout.write(
      `Imported ${report.written} new or changed services; ${report.unchanged} unchanged; ${invalidRecords} invalid and skipped (of ${report.total}).\n`,
    );
  }
  process.exitCode = invalidRecords ? 1 : 0;
} finally {
  await directory.close();
}
