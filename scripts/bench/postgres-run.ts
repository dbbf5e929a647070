// The benchmark's PostgreSQL run: the same generated services imported into a fresh PostgreSQL
// database (DATABASE_URL's server when it names one, else one started from node_modules), then
// the same layered searches timed as on SQLite, for the side-by-side table (scripts/bench.ts).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateToLatest, openDirectoryDatabase } from '../../src/lib/db/database';
import { isPostgresUrl } from '../../src/lib/db/dialect';
import { importRecords } from '../../src/lib/openreferral/import';
import { createSearchBackend } from '../../src/lib/search';
import { parseSearchParams } from '../../src/lib/search/filters';
import { searchOrigin } from '../../src/lib/search/search-origin';
import { syncTaxonomy } from '../../src/lib/taxonomy/sync-taxonomy';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { progressPrinter } from '../cli';
import { BENCH_TODAY } from './generate';

export interface EngineRun {
  version: string;
  importMs: number;
  written: number;
  firstSearchMs: number;
  /** Per query, the milliseconds of each run (layered, facets on). */
  samples: number[][];
}

export async function runOnPostgres(records: unknown[], queries: { qs: string }[], runs: number, log: (line: string) => void): Promise<EngineRun> {
  const given = process.env.DATABASE_URL;
  const server = isPostgresUrl(given) ? null : await startEmbeddedPostgres();
  const adminUrl = server?.adminUrl ?? given!;
  const name = `directory_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const directory = openDirectoryDatabase(url.toString());
  try {
    await migrateToLatest(directory.db);
    await syncTaxonomy(directory.db);
    const search = createSearchBackend(directory);
    const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    log(`PostgreSQL ${version}: importing ${records.length} services...`);
    let start = performance.now();
    const report = await importRecords(directory, search, records, {
      today: BENCH_TODAY,
      source: 'bench',
      onProgress: progressPrinter('Importing into PostgreSQL'),
    });
    const importMs = performance.now() - start;
    const layered = async (qs: string) => {
      const { query } = parseSearchParams(new URLSearchParams(qs));
      const { origin } = await searchOrigin(directory.db, query);
      return search.search(query, { facets: true, origin });
    };
    start = performance.now();
    await layered('');
    const firstSearchMs = performance.now() - start;
    for (const q of queries) await layered(q.qs);
    log(`Timing ${queries.length} layered searches with facets on PostgreSQL, ${runs} runs each...`);
    const samples: number[][] = queries.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < queries.length; i++) {
        const t = performance.now();
        await layered(queries[i]!.qs);
        samples[i]!.push(performance.now() - t);
      }
    }
    return { version, importMs, written: report.written, firstSearchMs, samples };
  } finally {
    await directory.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await server?.stop();
  }
}
