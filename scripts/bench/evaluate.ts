// Measures how well search finds what people mean: each evaluation case is searched as the search
// page would search it, and scored by success at 3 (an answer in the first three) and nDCG at 10,
// on the sample directory and on the same services sent with a council's taxonomy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../../src/lib/db/database';
import { loadSampleRecords } from '../../src/lib/setup/sample-directory';
import { importRecords } from '../../src/lib/openreferral/import';
import { validateRecord } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { createSearchBackend } from '../../src/lib/search';
import { parseSearchParams } from '../../src/lib/search/filters';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import { placeText, serviceCategoryCodes } from '../../src/lib/search/search-document';
import { syncTaxonomy } from '../../src/lib/taxonomy/sync-taxonomy';
import { CASE_KINDS, EVALUATION_CASES, type CaseKind, type EvaluationCase } from './evaluation-cases';
import { toForeignRecord } from './foreign-variant';

export const TOP = 10;

export interface CaseResult {
  case: EvaluationCase;
  /** How many services answer it. */
  answers: number;
  /** Position (from 1) of the first answer in the first TOP results; null when none is there. */
  firstAnswer: number | null;
  successAt3: boolean;
  ndcgAt10: number;
  /** Names of the first three results. */
  top: string[];
  corrected: string | null;
}

export interface Scores {
  cases: number;
  successAt3: number;
  ndcgAt10: number;
}

export interface EvaluationReport extends Scores {
  name: string;
  results: CaseResult[];
  byKind: Record<CaseKind, Scores>;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The ids of the open services that answer a case, from the sample's own categories and names. */
export function answersOf(evaluationCase: EvaluationCase, records: ServiceRecord[]): Set<string> {
  const wanted = new Set(evaluationCase.categories ?? []);
  const names = (evaluationCase.names ?? []).map(fold);
  const place = evaluationCase.place ? fold(evaluationCase.place) : null;
  const answers = new Set<string>();
  for (const record of records) {
    if (record.status !== 'active') continue;
    const byCategory = serviceCategoryCodes(record).some((code) => wanted.has(code));
    const byName = names.some((name) => fold(record.name).includes(name));
    if (!byCategory && !byName) continue;
    if (place) {
      const where = fold(
        [
          record.name,
          placeText(record),
          ...record.service_areas.map((area) => area.name ?? ''),
          ...record.service_at_locations.flatMap(({ location }) => location.addresses.map((address) => `${address.address_1 ?? ''} ${address.city ?? ''}`)),
        ].join(' '),
      );
      if (!` ${where} `.includes(` ${place} `)) continue;
    }
    answers.add(record.id);
  }
  return answers;
}

function scores(results: CaseResult[]): Scores {
  const n = results.length || 1;
  return {
    cases: results.length,
    successAt3: results.filter((result) => result.successAt3).length / n,
    ndcgAt10: results.reduce((sum, result) => sum + result.ndcgAt10, 0) / n,
  };
}

/** Searches every case as the search page does (its words parsed, first page of TOP) and scores it. */
export async function evaluate(
  name: string,
  search: SearchBackend,
  records: ServiceRecord[],
  cases: EvaluationCase[] = EVALUATION_CASES,
): Promise<EvaluationReport> {
  const results: CaseResult[] = [];
  for (const evaluationCase of cases) {
    const answers = answersOf(evaluationCase, records);
    if (!answers.size) throw new Error(`The evaluation case "${evaluationCase.q}" has no answer in the sample; fix the case.`);
    const { query } = parseSearchParams(new URLSearchParams({ q: evaluationCase.q, per_page: String(TOP) }));
    const result = await search.search(query);
    const ids = result.hits.map((hit) => hit.document.id);
    const gains: number[] = ids.map((id) => (answers.has(id) ? 1 : 0));
    const dcg = gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
    let ideal = 0;
    for (let i = 0; i < Math.min(answers.size, TOP); i++) ideal += 1 / Math.log2(i + 2);
    const first = gains.indexOf(1);
    results.push({
      case: evaluationCase,
      answers: answers.size,
      firstAnswer: first < 0 ? null : first + 1,
      successAt3: first >= 0 && first < 3,
      ndcgAt10: dcg / ideal,
      top: result.hits.slice(0, 3).map((hit) => hit.document.name),
      corrected: result.corrected?.q ?? null,
    });
  }
  const byKind = Object.fromEntries(CASE_KINDS.map((kind) => [kind, scores(results.filter((result) => result.case.kind === kind))])) as Record<
    CaseKind,
    Scores
  >;
  return { name, ...scores(results), results, byKind };
}

/** The sample's records as the directory reads them, for judging answers. */
export function sampleRecords(today: string): ServiceRecord[] {
  return loadSampleRecords(today).flatMap((raw, index) => {
    const outcome = validateRecord(raw, index);
    return 'record' in outcome ? [outcome.record] : [];
  });
}

/**
 * The sample and its foreign-taxonomy variant, each imported into a scratch database, evaluated,
 * and removed again.
 */
export async function evaluateSampleAndVariant(today: string): Promise<EvaluationReport[]> {
  const records = sampleRecords(today);
  const reports: EvaluationReport[] = [];
  for (const [name, raw] of [
    ['Sample directory', loadSampleRecords(today)],
    ['Sample with a council taxonomy', loadSampleRecords(today).map(toForeignRecord)],
  ] as const) {
    const scratch = mkdtempSync(join(tmpdir(), 'cad-evaluation-'));
    const directory = openDatabase(join(scratch, 'directory.sqlite'));
    try {
      await migrateToLatest(directory.db);
      await syncTaxonomy(directory.db);
      const search = createSearchBackend(directory, 'sqlite');
      await importRecords(directory, search, raw as unknown[], { today, source: 'evaluation' });
      reports.push(await evaluate(name, search, records));
    } finally {
      await directory.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return reports;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The report's lines: overall, by kind of query, and the worst queries. */
export function formatEvaluation(report: EvaluationReport, worst = 12): string[] {
  const lines = [`${report.name}: ${report.cases} queries, success@3 ${report.successAt3.toFixed(3)}, nDCG@10 ${report.ndcgAt10.toFixed(3)}`];
  for (const kind of CASE_KINDS) {
    const s = report.byKind[kind];
    if (s.cases)
      lines.push(
        `  ${kind.padEnd(12)} ${String(s.cases).padStart(3)} queries  success@3 ${percent(s.successAt3).padStart(6)}  nDCG@10 ${s.ndcgAt10.toFixed(3)}`,
      );
  }
  const sorted = [...report.results].sort((a, b) => Number(a.successAt3) - Number(b.successAt3) || a.ndcgAt10 - b.ndcgAt10).slice(0, worst);
  lines.push(`  Worst ${sorted.length} queries (first answer at; nDCG@10; first three results):`);
  for (const result of sorted) {
    lines.push(
      `    "${result.case.q}"${result.corrected ? ` (searched as "${result.corrected}")` : ''}: ${result.firstAnswer ?? '-'}; ${result.ndcgAt10.toFixed(2)}; ${result.top.join(' | ') || 'nothing found'}`,
    );
  }
  return lines;
}
