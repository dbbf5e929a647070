// The PostgreSQL search backend: words matched and ranked by PostgreSQL full-text search (a
// weighted tsvector per document, prefixes with :*, ts_rank_cd), misspellings corrected against
// the index's own words found with pg_trgm, and the same in-memory, column-by-column copy of every
// document's filter fields as the SQLite backend (src/lib/search/memory/) for filters, facet counts and
// distance, so both backends answer every filter and facet alike. The copy is kept in step with
// the database by the generation counter and epoch in search_meta, as SQLite's is.
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/types';
import type { FacetCounts, FilterFields, Origin, SearchQuery } from '../filters';
import { FacetCounter, compileFilters, filterRows, reachOf } from '../memory/filter-columns';
import { anyWord, parseTextQuery, typedOnly, foldText, type TextQuery } from '../query-text';
import { correctSpelling, type SpellingCorrection } from '../spelling';
import { isLessAvailable, nameRanker, rankBand } from '../ranking';
import type { Reach, SearchBackend, SearchHit, SearchOptions, SearchResult, ShownDocument } from '../search-backend';
import type { SearchDocument } from '../search-document';
import { smallestK } from '../top-k';
import { FRESHNESS_STATUSES } from '../../freshness/rules';
import { MemoryIndex } from '../memory/memory-index';
import { DocumentCache } from '../document-cache';
import { builtToday, isOutOfDate } from '../build-state';
import { dialectOf } from '../../db/dialect';
import { indexText, matchCondition, queryKey, scoreExpression } from './tsquery';
import { vocabularyFor } from './postgres-vocabulary';

const STALE = FRESHNESS_STATUSES.indexOf('stale');
/** When the words as typed match this many documents, words that mean the same are not added (as SQLite). */
const EXPANSION_LIMIT = 1_000;
/** Documents written per statement. */
const BATCH = 500;

/** Matched rows of the in-memory copy, with their scores (higher is better). */
interface Matches {
  rows: number[];
  scores: Map<number, number>;
}

export class PostgresSearchBackend implements SearchBackend {
  readonly name = 'postgres';
  private generation = -1;
  private epoch: number | null = null;
  private memory = new MemoryIndex();
  private refreshing: Promise<void> | undefined;
  /** Documents already parsed (src/lib/search/document-cache.ts). */
  private readonly parsed = new DocumentCache();

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async index(documents: SearchDocument[], within?: Kysely<DatabaseSchema>): Promise<void> {
    // The last of two documents for one service wins, as it would written one after the other.
    const unique = [...new Map(documents.map((document) => [document.id, document])).values()];
    if (!unique.length) return;
    await this.inTransaction(within, async (trx) => {
      const generation = await this.bump(trx);
      for (let start = 0; start < unique.length; start += BATCH) {
        const batch = unique.slice(start, start + BATCH);
        const ids = batch.map((document) => document.id);
        await this.countWords(trx, ids, -1);
        const rows = batch.map((document) => {
          const { fields, ...shown } = document;
          return sql`(${document.id}, ${generation}, 0, ${foldText(document.name)}, ${document.assuredDate}, ${JSON.stringify(fields)}, ${JSON.stringify(shown)})`;
        });
        const written = await sql<{ rowid: number; service_id: string }>`
          insert into search_document (service_id, generation, removed, sort_name, assured_date, fields, document)
          values ${sql.join(rows)}
          on conflict (service_id) do update set generation = excluded.generation, removed = 0, sort_name = excluded.sort_name,
            assured_date = excluded.assured_date, fields = excluded.fields, document = excluded.document
          returning rowid, service_id`.execute(trx);
        const rowidOf = new Map(written.rows.map((row) => [row.service_id, row.rowid]));
        const texts = batch.map(
          (document) => sql`(${rowidOf.get(document.id)!}::bigint,
          setweight(to_tsvector('simple', ${indexText(document.name)}), 'A')
          || setweight(to_tsvector('simple', ${indexText(document.categoryText)}), 'B')
          || setweight(to_tsvector('simple', ${indexText(document.organization.name)}), 'C')
          || setweight(to_tsvector('simple', ${indexText(document.description)}), 'D'),
          to_tsvector('simple', ${document.termText}))`,
        );
        await sql`insert into postgres_search.text (rowid, words, terms) values ${sql.join(texts)}
          on conflict (rowid) do update set words = excluded.words, terms = excluded.terms`.execute(trx);
        await this.countWords(trx, ids, 1);
      }
      await sql`delete from postgres_search.word where documents <= 0`.execute(trx);
    });
  }

  async remove(serviceIds: string[]): Promise<void> {
    if (!serviceIds.length) return;
    await this.inTransaction(undefined, async (trx) => {
      const generation = await this.bump(trx);
      await this.countWords(trx, serviceIds, -1);
      await sql`delete from postgres_search.text where rowid in (select rowid from search_document where service_id = any(${serviceIds}::text[]))`.execute(trx);
      await sql`update search_document set removed = 1, generation = ${generation} where service_id = any(${serviceIds}::text[]) and removed = 0`.execute(trx);
      await sql`delete from postgres_search.word where documents <= 0`.execute(trx);
    });
  }

  /**
   * Runs `work` in the directory's own transaction when it is one on PostgreSQL (so a listing and
   * its search document are saved together, and the import never waits on a second connection
   * for rows it has not committed yet), otherwise in a transaction of its own.
   */
  private async inTransaction(within: Kysely<DatabaseSchema> | undefined, work: (trx: Kysely<DatabaseSchema>) => Promise<void>): Promise<void> {
    if (within && within.isTransaction && dialectOf(within) === 'postgres') await work(within);
    else await this.db.transaction().execute((trx) => work(trx));
  }

  async count(): Promise<number> {
    return (await sql<{ n: number }>`select count(*) as n from search_document where removed = 0`.execute(this.db)).rows[0]!.n;
  }

  async markAllBuilt(today: string): Promise<void> {
    const { day, documentVersion } = builtToday(today);
    await sql`insert into search_meta (key, value) values ('indexed_day', ${day}), ('document_version', ${documentVersion})
      on conflict (key) do update set value = excluded.value`.execute(this.db);
  }

  async needsRebuild(today: string): Promise<boolean> {
    const rows = (
      await sql<{ key: string; value: number | string }>`select key, value from search_meta
      where key in ('indexed_day', 'document_version')`.execute(this.db)
    ).rows;
    const value = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row ? Number(row.value) : null;
    };
    return isOutOfDate({ day: value('indexed_day'), documentVersion: value('document_version') }, today);
  }

  /** A new generation for a change; the row lock also puts writers one after another. */
  private async bump(trx: Kysely<DatabaseSchema>): Promise<number> {
    return (await sql<{ value: number }>`update search_meta set value = value + 1 where key = 'generation' returning value`.execute(trx)).rows[0]!.value;
  }

  /** Adds (1) or takes away (-1) the words of these services' indexed text from the word counts. */
  private async countWords(trx: Kysely<DatabaseSchema>, ids: string[], sign: 1 | -1): Promise<void> {
    const counted = sql`select word, count(*)::int as n from search_document d join postgres_search.text t on t.rowid = d.rowid,
      unnest(tsvector_to_array(t.words)) as word where d.service_id = any(${ids}::text[]) group by word`;
    if (sign < 0) {
      await sql`update postgres_search.word w set documents = w.documents - c.n from (${counted}) as c where w.word = c.word`.execute(trx);
    } else {
      await sql`insert into postgres_search.word (word, documents) select word, n from (${counted}) as c
        on conflict (word) do update set documents = postgres_search.word.documents + excluded.documents`.execute(trx);
    }
  }

  /** Brings the in-memory filter fields up to date (one small read when nothing changed); one refresh at a time. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const meta = (await sql<{ key: string; value: number }>`select key, value from search_meta where key in ('generation', 'epoch')`.execute(this.db)).rows;
    const generation = meta.find((row) => row.key === 'generation')?.value ?? 0;
    const epoch = meta.find((row) => row.key === 'epoch')?.value ?? null;
    if (generation === this.generation && epoch === this.epoch) return;
    const fresh = this.generation < 0 || epoch !== this.epoch || generation < this.generation;
    const memory = fresh ? new MemoryIndex() : this.memory;
    if (fresh) this.parsed.forget();
    const changedRows = (
      await sql<{ rowid: number; removed: number; sort_name: string; assured_date: string | null; fields: string }>`
      select rowid, removed, sort_name, assured_date, fields from search_document where generation > ${fresh ? -1 : this.generation}`.execute(this.db)
    ).rows;
    const changed: number[] = [];
    for (const row of changedRows) {
      this.parsed.forget(row.rowid);
      const at = row.removed ? memory.kill(row.rowid) : memory.upsert(row.rowid, JSON.parse(row.fields) as FilterFields, row.sort_name, row.assured_date);
      if (at !== undefined) changed.push(at);
    }
    memory.reorder(fresh ? null : changed);
    this.memory = memory;
    this.generation = generation;
    this.epoch = epoch;
  }

  /**
   * The matches of `text`, read once per search: `asked` holds what this search has already read
   * (the words as typed are often asked for twice: to see whether synonyms are needed, and to
   * rank the words as typed first). Searches run side by side here, so each has its own.
   */
  private matchRows(memory: MemoryIndex, text: TextQuery, asked: Map<string, Promise<Matches>>): Promise<Matches> {
    const key = queryKey(text);
    let matches = asked.get(key);
    if (!matches) {
      matches = this.readMatches(memory, text);
      asked.set(key, matches);
    }
    return matches;
  }

  private async readMatches(memory: MemoryIndex, text: TextQuery): Promise<Matches> {
    const condition = matchCondition(text);
    const matches: Matches = { rows: [], scores: new Map() };
    if (!condition) return matches;
    const found = await sql<{ rowid: number; score: number }>`
      select t.rowid, ${scoreExpression(text)} as score from postgres_search.text t where ${condition}`.execute(this.db);
    for (const { rowid, score } of found.rows) {
      const row = memory.rowOf(rowid);
      if (row >= 0 && memory.alive[row]) {
        matches.rows.push(row);
        matches.scores.set(row, score);
      }
    }
    return matches;
  }

  private async run(query: SearchQuery, wantFacets: boolean, origin: Origin | null, asked = new Map<string, Promise<Matches>>()) {
    await this.refresh();
    const memory = this.memory;
    // Measured and compiled here, with no wait before the rows are filtered: searches from other
    // places may run, and the columns grow, in between awaits.
    const collect = (rows: ArrayLike<number>) => {
      memory.columns.measureFrom(origin);
      const compiled = compileFilters(memory.columns, query);
      const results: number[] = [];
      const facets = wantFacets ? new FacetCounter(memory.columns, query, compiled) : undefined;
      filterRows(rows, compiled, (row) => results.push(row), facets);
      return { results, facets };
    };
    const corrected: SpellingCorrection | null = query.q && !query.as_typed ? correctSpelling(query.q, await vocabularyFor(this.db, query.q)) : null;
    const q = corrected?.q ?? query.q;
    const text = parseTextQuery(q);
    if (!text.groups.length) {
      const sortsItself = query.sort === 'recently_verified' || (query.sort === 'distance' && origin !== null);
      const rows = sortsItself ? memory.stored : memory.order;
      return { memory, ...collect(rows), text: null, matched: null, corrected, q, strictText: null, scores: new Map<number, number>() };
    }
    const typedText = typedOnly(text);
    let used = text;
    let matches: Matches | undefined;
    if (queryKey(typedText) !== queryKey(text)) {
      const typedMatches = await this.matchRows(memory, typedText, asked);
      if (typedMatches.rows.length >= EXPANSION_LIMIT) {
        used = typedText;
        matches = typedMatches;
      }
    }
    matches ??= await this.matchRows(memory, text, asked);
    let matched: SearchResult['matched'] = 'all';
    // Loosen to any word only when no document has every word (as the SQLite backend).
    if (!matches.rows.length && text.groups.length > 1) {
      const loose = anyWord(used);
      const looseMatches = await this.matchRows(memory, loose, asked);
      if (looseMatches.rows.length) {
        used = loose;
        matched = 'any';
        matches = looseMatches;
      }
    }
    const strict = matched === 'any' ? anyWord(typedOnly(used)) : typedOnly(used);
    const strictText = strict.groups.length && queryKey(strict) !== queryKey(used) ? strict : null;
    return { memory, ...collect(matches.rows), text: used, matched, corrected, q, strictText, scores: matches.scores };
  }

  /** The rows of one page, in order: best match (ranking.ts), most recently checked, or nearest first. */
  private async page(
    memory: MemoryIndex,
    results: number[],
    query: SearchQuery,
    text: TextQuery | null,
    searched: string,
    strictText: TextQuery | null,
    scores: Map<number, number>,
    origin: Origin | null,
    asked: Map<string, Promise<Matches>>,
  ): Promise<number[]> {
    const start = (query.page - 1) * query.per_page;
    const end = Math.min(start + query.per_page, results.length);
    if (start >= results.length) return [];
    const freshness = memory.columns.freshness;
    const stale = (row: number) => (freshness[row] === STALE ? 1 : 0);
    if (query.sort === 'recently_verified') {
      const sorted = results
        .slice()
        .sort((a, b) => stale(a) - stale(b) || memory.assured[b]! - memory.assured[a]! || memory.nameRank[a]! - memory.nameRank[b]!);
      return sorted.slice(start, end);
    }
    if (query.sort === 'distance' && memory.columns.measured) return this.byDistance(memory, results, end, query, text, scores).slice(start, end);
    if (!text) {
      const ordered = results.some((row) => stale(row)) ? [...results.filter((row) => !stale(row)), ...results.filter(stale)] : results;
      return ordered.slice(start, end);
    }
    let typed: Set<number> | null = null;
    if (strictText) typed = new Set((await this.matchRows(memory, strictText, asked)).rows);
    memory.columns.measureFrom(origin);
    const rankName = nameRanker(searched);
    const key = new Map<number, number>();
    for (const row of results) {
      const band = rankBand({
        stale: stale(row) === 1,
        nameRank: rankName(memory.sortNames[row]!),
        typedMatch: !typed || typed.has(row),
        lessAvailable: isLessAvailable(memory.columns.capacityOf(row), memory.assured[row] ? 'checked' : null),
      });
      key.set(row, band * 1e7 - Math.round((scores.get(row) ?? 0) * 1e4) / 1e4);
    }
    const { measured, distance } = memory.columns;
    const rows = results
      .slice()
      .sort((a, b) => key.get(a)! - key.get(b)! || (measured ? distance[a]! - distance[b]! : 0) || memory.nameRank[a]! - memory.nameRank[b]!);
    return rows.slice(start, end);
  }

  /** Places by distance, then services covering the area, then those needing no travel, then the rest (as SQLite). */
  private byDistance(memory: MemoryIndex, results: number[], end: number, query: SearchQuery, text: TextQuery | null, scores: Map<number, number>): number[] {
    const columns = memory.columns;
    const groupOf = { place: 0, area: 1, remote: 2, unknown: 3 } as const;
    const GROUP = 1e9;
    const key = (row: number): number => {
      const group = groupOf[reachOf(columns, row, query.radius_km)];
      const g = group + (columns.freshness[row] === STALE ? 4 : 0);
      return g * GROUP + (group === 0 ? columns.distance[row]! * 1e3 : text ? -(scores.get(row) ?? 0) : 0);
    };
    return smallestK(results, key, end, (row) => memory.nameRank[row]!);
  }

  private async documents(memory: MemoryIndex, rows: number[]): Promise<{ row: number; document: ShownDocument }[]> {
    if (!rows.length) return [];
    const rowids = rows.map((row) => memory.rowids[row]!);
    const found = await sql<{ rowid: number; document: string }>`select rowid, document from search_document where rowid = any(${rowids}::bigint[])`.execute(
      this.db,
    );
    // The text is read every time (src/lib/search/document-cache.ts): only the parsing is saved.
    const texts = new Map(found.rows.map((row) => [row.rowid, row.document]));
    return rows.flatMap((row, i) => {
      const json = texts.get(rowids[i]!);
      return json === undefined ? [] : [{ row, document: this.parsed.parse(rowids[i]!, json) }];
    });
  }

  async search(query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
    const origin = options.origin ?? null;
    const asked = new Map<string, Promise<Matches>>();
    const { memory, results, facets, text, matched, corrected, q, strictText, scores } = await this.run(query, options.facets ?? false, origin, asked);
    const rows = await this.page(memory, results, query, text, q, strictText, scores, origin, asked);
    const documents = await this.documents(memory, rows);
    const columns = memory.columns;
    // Another search may have measured from elsewhere while this one waited: measure again.
    columns.measureFrom(origin);
    const hits: SearchHit[] = documents.map(({ row, document }) => {
      const reach: Reach | null = origin ? reachOf(columns, row, query.radius_km) : null;
      const distance = origin ? columns.distance[row]! : Infinity;
      return { document, score: text ? (scores.get(row) ?? null) : null, distanceKm: distance === Infinity ? null : distance, reach };
    });
    return {
      total: results.length,
      page: query.page,
      perPage: query.per_page,
      hits,
      matched,
      corrected,
      ...(facets ? { facets: facets.counts() } : {}),
    };
  }

  async facetCounts(query: SearchQuery, options: Pick<SearchOptions, 'origin'> = {}): Promise<FacetCounts> {
    return (await this.run(query, true, options.origin ?? null)).facets!.counts();
  }
}

export function createPostgresSearchBackend(db: Kysely<DatabaseSchema>): PostgresSearchBackend {
  return new PostgresSearchBackend(db);
}
