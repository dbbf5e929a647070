// npm run bench -- [--services N] [--runs R] [--seed S]: imports N synthetic services into a
// scratch database, then times 26 representative searches (6 of them near a place) through the real layers
// (parseSearchParams + search backend) against the same searches as bare SQL; first, it measures how
// well search finds what people mean (scripts/bench/evaluate.ts). --evaluation-only does only that.
// Then the same import and layered searches on PostgreSQL, side by side (--engines sqlite: SQLite only).
// npm run bench -- --http: the built server over HTTP instead (scripts/bench/http.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../src/lib/db/database';
import { importRecords, type ImportReport } from '../src/lib/openreferral/import';
import { createSearchBackend } from '../src/lib/search';
import { parseSearchParams } from '../src/lib/search/filters';
import { searchOrigin } from '../src/lib/search/search-origin';
import type { SearchResult } from '../src/lib/search/search-backend';
import { syncTaxonomy } from '../src/lib/taxonomy/sync-taxonomy';
import { BENCH_TODAY, generateDirectory } from './bench/generate';
import { QUERIES, bareQuery, runBare, type BareQuery, type QueryKind } from './bench/queries';
import { ms, percentiles, ratio, table, thousands, type Percentiles } from './bench/stats';
import { fail, progressPrinter } from './cli';
import { evaluateSampleAndVariant, formatEvaluation } from './bench/evaluate';
import { todayInUk } from '../src/lib/dates';
import { runOnPostgres } from './bench/postgres-run';

if (process.argv.slice(2).includes('--http')) {
  const { runHttpBench } = await import('./bench/http');
  await runHttpBench(process.argv.slice(2).filter((arg) => arg !== '--http'));
  process.exit(process.exitCode ?? 0);
}

const TARGETS = { importPerSecond: 2000, searchP95Ms: 25, placeP95Ms: 30, overheadRatio: 2, successAt3: 0.9 };

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'string' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'evaluation-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  fail(
    'Usage: npm run bench -- [--services N] [--runs R] [--seed S]\n  Imports N synthetic services (default 100000) into a scratch database in the temp folder,\n  then runs 26 searches R times each (default 30) through the search layers and as bare SQL.\n  --keep DIR  keep the scratch database in DIR (a new folder) for looking into afterwards\n  --engines sqlite  SQLite only (default sqlite,postgres: the same import and searches on PostgreSQL too, side by side)\n  --evaluation-only  only measure how well search finds what people mean (success@3, nDCG@10)',
  );
}
const count = Number(values.services);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) fail(`--services must be a whole number of 1 or more, not "${values.services}".`);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of 1 or more, not "${values.runs}".`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}".`);
const engines = values.engines.split(',').map((engine) => engine.trim());
if (!engines.includes('sqlite') || engines.some((engine) => engine !== 'sqlite' && engine !== 'postgres')) {
  fail(`--engines is sqlite, or sqlite,postgres; not "${values.engines}".`);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (start: number) => performance.now() - start;

// 0. Search quality, on the sample and on it with a council's taxonomy (small, so first).
log('Measuring search quality on the sample directory and on it with a council taxonomy...');
const evaluations = await evaluateSampleAndVariant(todayInUk());
const evaluationLines = [
  '',
  'Search quality (scripts/bench/evaluation-cases.ts; success@3 = an answer in the first three)',
  ...evaluations.flatMap((report) => formatEvaluation(report)),
];
const evaluationJson = evaluations.map((report) => ({
  name: report.name,
  cases: report.cases,
  successAt3: report.successAt3,
  ndcgAt10: report.ndcgAt10,
  byKind: report.byKind,
  worst: [...report.results]
    .sort((a, b) => Number(a.successAt3) - Number(b.successAt3) || a.ndcgAt10 - b.ndcgAt10)
    .slice(0, 12)
    .map((result) => ({ q: result.case.q, kind: result.case.kind, firstAnswer: result.firstAnswer, ndcgAt10: result.ndcgAt10, top: result.top })),
}));
if (values['evaluation-only']) {
  writeFileSync(join(tmpdir(), 'bench-evaluation.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), evaluation: evaluationJson }, null, 2)}\n`);
  process.stdout.write(`${evaluationLines.join('\n')}\n\nFigures written to ${join(tmpdir(), 'bench-evaluation.json')}\n`);
  process.exit(0);
}

// 1. Generate the records (not part of any timing).
log(`Generating ${thousands(count)} services (seed ${seed})...`);
let start = performance.now();
const generated = generateDirectory(count, seed);
const generateMs = elapsed(start);
log(`Generated in ${(generateMs / 1000).toFixed(1)} s: ${thousands(generated.organizations)} organisations, ${thousands(generated.locations)} places.`);

if (values.keep && existsSync(values.keep)) fail(`--keep needs a folder that does not exist yet; ${values.keep} does.`);
const scratch = values.keep ? (mkdirSync(values.keep, { recursive: true }), values.keep) : mkdtempSync(join(tmpdir(), 'cad-bench-'));
const databasePath = join(scratch, 'directory.sqlite');
const directory = openDatabase(databasePath);
const resultsPath = join(tmpdir(), 'bench-results.json');

try {
  await migrateToLatest(directory.db);
  await syncTaxonomy(directory.db);
  const search = createSearchBackend(directory, 'sqlite');

  // 2. Import, timed around importRecords only.
  start = performance.now();
  const report: ImportReport = await importRecords(directory, search, generated.records, {
    today: BENCH_TODAY,
    source: 'bench',
    onProgress: progressPrinter('Importing'),
  });
  const importMs = elapsed(start);
  const importRate = report.written / (importMs / 1000);
  const invalidRecords = new Set(report.invalid.map((error) => error.index)).size;
  if (invalidRecords) {
    for (const error of report.invalid.slice(0, 10)) log(`Invalid record ${error.index}: ${error.path} ${error.message}`);
    log(`${invalidRecords} generated records were invalid; the benchmark's generator needs fixing.`);
  }
  const searchable = await search.count();
  const databaseBytes = readdirSync(scratch).reduce((sum, file) => sum + statSync(join(scratch, file)).size, 0);
  const sqliteVersion = directory.sqlite.prepare('select sqlite_version()').pluck().get() as string;
  log(`Imported ${thousands(report.written)} services in ${(importMs / 1000).toFixed(1)} s.`);

  const queries = QUERIES.map((q) => {
    const parsed = parseSearchParams(new URLSearchParams(q.qs));
    if (!parsed.ok) throw new Error(`Benchmark query "${q.qs}" does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
    return { ...q, label: decodeURIComponent(q.qs.replace(/\+/g, ' ')), query: parsed.query };
  });

  // As the page does: parse, look up the searched place, search.
  const layered = async (qs: string, facets: boolean): Promise<SearchResult> => {
    const { query } = parseSearchParams(new URLSearchParams(qs));
    const { origin } = await searchOrigin(directory.db, query);
    return search.search(query, { facets, origin });
  };

  // The first search after import loads every document's filter fields into memory.
  start = performance.now();
  await layered('', true);
  const firstSearchMs = elapsed(start);

  // 3. Layered searches, with and without facet counts; 4. the same searches as bare SQL.
  // Warm up once, then R rounds, each round running every query once (interleaved).
  async function timeLayered(facets: boolean): Promise<{ samples: number[][]; results: SearchResult[] }> {
    const results: SearchResult[] = [];
    for (const q of queries) results.push(await layered(q.qs, facets));
    const samples: number[][] = queries.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < queries.length; i++) {
        const t = performance.now();
        await layered(queries[i]!.qs, facets);
        samples[i]!.push(elapsed(t));
      }
    }
    return { samples, results };
  }
  log(`Timing ${queries.length} layered searches with facets, ${runs} runs each...`);
  const withFacets = await timeLayered(true);
  log(`Timing ${queries.length} layered searches without facets, ${runs} runs each...`);
  const noFacets = await timeLayered(false);

  log(`Timing ${queries.length} bare SQL searches, ${runs} runs each...`);
  const bare: BareQuery[] = queries.map((q) => bareQuery(directory.sqlite, q.query));
  const bareTotals = bare.map((b) => runBare(b).total);
  const bareSamples: number[][] = queries.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < queries.length; i++) {
      const t = performance.now();
      runBare(bare[i]!);
      bareSamples[i]!.push(elapsed(t));
    }
  }

  // Extra: what the next search costs after one service is edited (the in-memory index refreshes).
  const edited = { ...generated.records[0]!, name: `${generated.records[0]!.name} (moved)` };
  start = performance.now();
  await importRecords(directory, search, [edited], { today: BENCH_TODAY, source: 'bench' });
  const editImportMs = elapsed(start);
  start = performance.now();
  await layered(queries[0]!.qs, true);
  const searchAfterEditMs = elapsed(start);

  // 5. Report.
  const perQuery = queries.map((q, i) => {
    const lf = percentiles(withFacets.samples[i]!);
    const ln = percentiles(noFacets.samples[i]!);
    const b = percentiles(bareSamples[i]!);
    const result = withFacets.results[i]!;
    return {
      kind: q.kind,
      query: q.label,
      total: result.total,
      matched: result.matched,
      bareTotal: bareTotals[i]!,
      layeredFacets: lf,
      layeredNoFacets: ln,
      bare: b,
      ratioFacets: lf.p95 / b.p95,
      ratioNoFacets: ln.p95 / b.p95,
      sql: bare[i]!.sql,
    };
  });
  const all = (samples: number[][]) => percentiles(samples.flat());
  const byKind = (samples: number[][], kind: QueryKind) => percentiles(samples.filter((_, i) => queries[i]!.kind === kind).flat());
  const overall = { layeredFacets: all(withFacets.samples), layeredNoFacets: all(noFacets.samples), bare: all(bareSamples) };
  const overallRatioFacets = overall.layeredFacets.p95 / overall.bare.p95;
  const overallRatioNoFacets = overall.layeredNoFacets.p95 / overall.bare.p95;

  const out: string[] = [];
  out.push('');
  out.push('Community asset directory benchmark');
  out.push('====================================');
  out.push(
    `Services ${thousands(count)} (organisations ${thousands(generated.organizations)}, places ${thousands(generated.locations)}), runs ${runs} per query, seed ${seed}`,
  );
  out.push(`Node ${process.version}, SQLite ${sqliteVersion}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`);
  out.push('');
  out.push('Import (importRecords only: validate, write tables, index for search, one transaction)');
  out.push(`  ${thousands(report.written)} written, ${invalidRecords} invalid, ${report.warnings.length} warnings, ${thousands(searchable)} searchable`);
  out.push(`  ${(importMs / 1000).toFixed(1)} s  =>  ${thousands(importRate)} services/s   (generation, not timed: ${(generateMs / 1000).toFixed(1)} s)`);
  out.push(`  Database on disk after import: ${(databaseBytes / 1024 / 1024).toFixed(0)} MB (with WAL)`);
  out.push(`  First search after import (loads filter fields of all documents): ${ms(firstSearchMs)} ms`);
  out.push(`  After editing one service: re-import ${ms(editImportMs)} ms, next search ${ms(searchAfterEditMs)} ms`);
  out.push('');
  out.push(`Search latency in ms, all ${queries.length} queries x ${runs} runs (layered = parseSearchParams + search.search)`);
  const kinds: QueryKind[] = ['text', 'filters', 'text+filters', 'place'];
  const overallRows: string[][] = [
    ['Layered, facets on', overall.layeredFacets],
    ['Layered, facets off', overall.layeredNoFacets],
    ['Bare SQL', overall.bare],
  ].map(([label, p]) => {
    const s = p as Percentiles;
    return [label as string, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ms(s.mean)];
  });
  out.push(table(['', 'p50', 'p95', 'p99', 'max', 'mean'], overallRows, ['l', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('p95 by kind of query');
  out.push(
    table(
      ['kind', 'layered+facets', 'layered', 'bare SQL', 'ratio facets', 'ratio no facets'],
      kinds.map((kind) => {
        const lf = byKind(withFacets.samples, kind).p95;
        const ln = byKind(noFacets.samples, kind).p95;
        const b = byKind(bareSamples, kind).p95;
        return [kind, ms(lf), ms(ln), ms(b), ratio(lf / b), ratio(ln / b)];
      }),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push('Per query (ms; ratio = layered p95 / bare SQL p95)');
  out.push(
    table(
      ['#', 'kind', 'query', 'hits', '%', 'L+f p50', 'L+f p95', 'L+f p99', 'L p95', 'SQL p50', 'SQL p95', 'SQL p99', 'ratio f', 'ratio nf'],
      perQuery.map((q, i) => [
        String(i + 1),
        q.kind,
        q.query,
        `${thousands(q.total)}${q.matched === 'any' ? ' any' : ''}${q.total !== q.bareTotal ? ` (SQL ${thousands(q.bareTotal)})` : ''}`,
        ((q.total / count) * 100).toFixed(q.total / count < 0.01 ? 2 : 1),
        ms(q.layeredFacets.p50),
        ms(q.layeredFacets.p95),
        ms(q.layeredFacets.p99),
        ms(q.layeredNoFacets.p95),
        ms(q.bare.p50),
        ms(q.bare.p95),
        ms(q.bare.p99),
        ratio(q.ratioFacets),
        ratio(q.ratioNoFacets),
      ]),
      ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  const mismatches = perQuery.filter((q) => q.total !== q.bareTotal);
  out.push(
    mismatches.length
      ? `  ${mismatches.length} queries found a different number of services in bare SQL (shown in brackets)${mismatches.some((q) => q.matched === 'any') ? '; "any" = no service matched every word, so the layered search fell back to any word' : ''}.`
      : '  Layered and bare SQL found the same number of services for every query.',
  );
  out.push('  L+f = layered with facets, L = layered without facets, SQL = bare SQL (first page + count, no documents loaded).');
  out.push('  A ratio below 1x means the layered search was faster: it filters an in-memory copy of the filter fields, while');
  out.push('  the bare SQL runs json_extract / json_each on every candidate row.');

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const importOk = importRate >= TARGETS.importPerSecond;
  const wordsAndFilters = (samples: number[][]) => percentiles(samples.filter((_, i) => queries[i]!.kind !== 'place').flat());
  const searchP95 = wordsAndFilters(withFacets.samples).p95;
  const searchOk = searchP95 <= TARGETS.searchP95Ms;
  const placeP95 = byKind(withFacets.samples, 'place').p95;
  const placeOk = placeP95 <= TARGETS.placeP95Ms;
  const overheadOk = overallRatioFacets <= TARGETS.overheadRatio;
  out.push('');
  out.push('Verdict');
  out.push(`  ${verdict(importOk)}  import >= ${thousands(TARGETS.importPerSecond)} services/s: ${thousands(importRate)} services/s`);
  out.push(
    `  ${verdict(searchOk)}  search p95 <= ${TARGETS.searchP95Ms} ms (layered, facets on, words and filters): ${ms(searchP95)} ms` +
      ` (facets off: ${ms(wordsAndFilters(noFacets.samples).p95)} ms)`,
  );
  out.push(`  ${verdict(placeOk)}  search near a place p95 <= ${TARGETS.placeP95Ms} ms (layered, facets on, nearest first and radius): ${ms(placeP95)} ms`);
  out.push(
    `  ${verdict(overheadOk)}  layer overhead <= ${TARGETS.overheadRatio}x bare SQL (overall p95, layered with facets / bare SQL): ${ratio(overallRatioFacets)}`,
  );
  out.push(
    `        like for like (layered without facets / bare SQL): ${ratio(overallRatioNoFacets)} ${verdict(overallRatioNoFacets <= TARGETS.overheadRatio)}`,
  );
  for (const report of evaluations) {
    out.push(`  ${verdict(report.successAt3 >= TARGETS.successAt3)}  success@3 >= ${TARGETS.successAt3} (${report.name}): ${report.successAt3.toFixed(3)}`);
  }
  // 6. The same import and layered searches on PostgreSQL, side by side.
  const postgresRun = engines.includes('postgres') ? await runOnPostgres(generated.records, queries, runs, log) : null;
  if (postgresRun) {
    const pgByKind = (kind: QueryKind) => percentiles(postgresRun.samples.filter((_, i) => queries[i]!.kind === kind).flat()).p95;
    const pgRate = postgresRun.written / (postgresRun.importMs / 1000);
    const sqliteKind = (kind: QueryKind) => byKind(withFacets.samples, kind).p95;
    const pgAll = percentiles(postgresRun.samples.flat()).p95;
    out.push('');
    out.push(
      `SQLite ${sqliteVersion} and PostgreSQL ${postgresRun.version} side by side (the same ${thousands(count)} services and searches; layered, facets on)`,
    );
    out.push(
      table(
        ['', 'SQLite', 'PostgreSQL', 'PostgreSQL / SQLite'],
        [
          ['import, services/s', thousands(importRate), thousands(pgRate), ratio(pgRate / importRate)],
          ['first search after import, ms', ms(firstSearchMs), ms(postgresRun.firstSearchMs), ratio(postgresRun.firstSearchMs / firstSearchMs)],
          ...kinds.map((kind) => [`search p95, ${kind}, ms`, ms(sqliteKind(kind)), ms(pgByKind(kind)), ratio(pgByKind(kind) / sqliteKind(kind))]),
          ['search p95, all, ms', ms(overall.layeredFacets.p95), ms(pgAll), ratio(pgAll / overall.layeredFacets.p95)],
        ],
        ['l', 'r', 'r', 'r'],
      ),
    );
  }
  out.push(...evaluationLines);

  const json = {
    generatedAt: new Date().toISOString(),
    config: {
      services: count,
      runs,
      seed,
      today: BENCH_TODAY,
      node: process.version,
      sqlite: sqliteVersion,
      cpu: cpus()[0]?.model ?? null,
      cpus: cpus().length,
    },
    data: { organizations: generated.organizations, places: generated.locations, generateMs },
    import: {
      ms: importMs,
      servicesPerSecond: importRate,
      written: report.written,
      unchanged: report.unchanged,
      invalid: invalidRecords,
      warnings: report.warnings.length,
      searchable,
      databaseBytes,
    },
    firstSearchMs,
    afterEdit: { importMs: editImportMs, nextSearchMs: searchAfterEditMs },
    overall: { ...overall, ratioFacets: overallRatioFacets, ratioNoFacets: overallRatioNoFacets },
    byKind: Object.fromEntries(
      kinds.map((kind) => [
        kind,
        {
          layeredFacets: byKind(withFacets.samples, kind),
          layeredNoFacets: byKind(noFacets.samples, kind),
          bare: byKind(bareSamples, kind),
        },
      ]),
    ),
    queries: perQuery,
    postgres: postgresRun && {
      version: postgresRun.version,
      importMs: postgresRun.importMs,
      servicesPerSecond: postgresRun.written / (postgresRun.importMs / 1000),
      firstSearchMs: postgresRun.firstSearchMs,
      overall: percentiles(postgresRun.samples.flat()),
      byKind: Object.fromEntries(kinds.map((kind) => [kind, percentiles(postgresRun.samples.filter((_, i) => queries[i]!.kind === kind).flat())])),
    },
    evaluation: evaluationJson,
    targets: TARGETS,
    verdict: {
      import: importOk,
      searchP95: searchOk,
      placeP95: placeOk,
      overheadFacets: overheadOk,
      overheadNoFacets: overallRatioNoFacets <= TARGETS.overheadRatio,
    },
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  writeFileSync(resultsPath, `${JSON.stringify(json, null, 2)}\n`);
  out.push('');
  out.push(`Figures written to ${resultsPath}`);
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await directory.close();
  if (values.keep) log(`The database is kept in ${databasePath}.`);
  else rmSync(scratch, { recursive: true, force: true });
}
