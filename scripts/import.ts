// npm run import -- <file or feed address> [--strict]: loads Open Referral UK service JSON from a
// file, or pulls another directory's Open Referral UK API (src/lib/openreferral/feed-pull.ts).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importRecords, recordsOf, type ImportReport } from '../src/lib/openreferral/import';
import { FeedPullError, isFeedAddress, pullFeed } from '../src/lib/openreferral/feed-pull';
import { fail, openDirectory, progressPrinter } from './cli';
import { checkpoint } from '../src/lib/db/database';
import { rebuildDirectoryPostcodes } from '../src/lib/geo/postcode-table';
import { isDatabaseBusy } from '../src/lib/db/busy-retry';
import { lowerPriority } from './background';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    strict: { type: 'boolean', default: false },
    'per-page': { type: 'string' },
    restart: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || positionals.length !== 1) {
  fail(
    [
      'Usage: npm run import -- <file.json | https://feed.example.org/api> [--strict] [--per-page N]',
      '  A file: Open Referral UK services (one service, an array, or {"contents": [...]}); an',
      '    organisation gives its services, and a service at a location gives its service there.',
      '  A feed address: the base address of an Open Referral UK API; its /services pages are read,',
      '    each full record fetched, and services it no longer lists are marked inactive.',
      '  --strict      import nothing if any record is invalid',
      '  --per-page N  services asked for on each page of a feed (default 100)',
      '  --restart     start a feed pull again from page 1, not from where an earlier one stopped',
    ].join('\n'),
  );
}
const target = positionals[0]!;
// An import is background work beside a site that may be serving people on the same machine: at a
// lower CPU priority it still gets every idle moment, but the site answers first (docs/concurrency.md).
lowerPriority();
const perPage = values['per-page'] === undefined ? undefined : Number(values['per-page']);
if (perPage !== undefined && !(Number.isInteger(perPage) && perPage >= 1 && perPage <= 1000)) {
  fail('--per-page must be a whole number from 1 to 1000.');
}

let records: unknown[] = [];
if (!isFeedAddress(target)) {
  let feed: unknown;
  try {
    feed = JSON.parse(readFileSync(target, 'utf8'));
  } catch (error) {
    fail(`Could not read ${target} as JSON: ${(error as Error).message}`);
  }
  try {
    records = recordsOf(feed);
  } catch (error) {
    fail((error as Error).message);
  }
}

const { directory, search } = await openDirectory().catch(busyExit);
try {
  let report: ImportReport | undefined;
  let markedInactive: string[] = [];
  if (isFeedAddress(target)) {
    try {
      const pulled = await pullFeed(directory, search, target, {
        strict: values.strict,
        perPage,
        restart: values.restart,
        onProgress: progressPrinter('Importing'),
        onPage: (page, totalPages, entries) =>
          process.stderr.write(`Read page ${page}${totalPages ? ` of ${totalPages}` : ''} (${entries} services so far).\n`),
        onWait: (url, waitMs, status) =>
          process.stderr.write(`The feed answered ${status} (busy) to ${url}; waiting ${Math.ceil(waitMs / 1000)} seconds, then trying again.\n`),
      });
      if (pulled.resumedFromPage) process.stderr.write(`Carried on from page ${pulled.resumedFromPage}, where an earlier pull of this feed stopped.\n`);
      process.stderr.write(`Read ${pulled.pages} pages listing ${pulled.listed} services from ${pulled.source}; fetched ${pulled.fetched} full records.\n`);
      report = pulled;
      markedInactive = pulled.markedInactive;
    } catch (error) {
      if (!(error instanceof FeedPullError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  } else {
    report = await importRecords(directory, search, records, {
      strict: values.strict,
      source: target,
      onProgress: progressPrinter('Importing'),
    });
  }
  if (report) {
    if (report.written > 1000) checkpoint(directory);
    // New addresses are new places to search from ("near NE6 5HL").
    if (report.written > 0) await rebuildDirectoryPostcodes(directory.db);
    for (const notice of report.normalised) {
      process.stderr.write(`Read as: record ${notice.index} (id ${notice.id ?? 'missing'}): ${notice.path} ${notice.message}\n`);
    }
    for (const notice of report.keptWhole) {
      process.stderr.write(`Kept as sent: record ${notice.index} (id ${notice.id ?? 'missing'}): ${notice.path} ${notice.message}\n`);
    }
    // The same value left out of many records (a copied freshness, say) is said once, with a count.
    const dropped = new Map<string, number[]>();
    for (const notice of report.dropped)
      dropped.set(`${notice.path} ${notice.message}`, [...(dropped.get(`${notice.path} ${notice.message}`) ?? []), notice.index]);
    for (const [what, indexes] of dropped) {
      process.stderr.write(`Not kept: ${indexes.length === 1 ? `record ${indexes[0]}` : `${indexes.length} records`}: ${what}\n`);
    }
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
      if (isFeedAddress(target)) {
        process.stdout.write(`Marked ${markedInactive.length} services inactive: the feed no longer lists them (they are kept).\n`);
      }
    }
    process.exitCode = invalidRecords ? 1 : 0;
  }
} catch (error) {
  busyExit(error);
} finally {
  await directory.close();
}

/**
 * The import writes in one transaction, so when the site (or another job) keeps the database
 * locked past the wait allowed (TOOL_OPEN_OPTIONS), nothing was imported: say so, not a stack trace.
 */
function busyExit(error: unknown): never {
  if (!isDatabaseBusy(error)) throw error;
  process.stderr.write('The directory database stayed busy with other changes for a minute, so nothing was imported. Run the import again.\n');
  process.exit(1);
}
