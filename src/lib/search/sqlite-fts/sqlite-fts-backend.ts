// The embedded search backend: SQLite FTS5 for words (bm25 with field weights, prefixes, accents
// folded; words are stemmed lightly as a search is read) and an in-memory, column-by-column copy
// of every document's filter fields for filters and facet counts, kept in step with the database
// by a generation counter and an epoch that changes when the search tables are made anew.
import type Database from 'better-sqlite3';
import type { FacetCounts, FilterFields, Origin, SearchQuery } from '../filters';
import { FacetCounter, compileFilters, filterRows, reachOf } from '../memory/filter-columns';
import { anyWord, parseTextQuery, typedOnly, type TextQuery } from '../query-text';
import { correctSpelling, type SpellingCorrection, type Vocabulary } from '../spelling';
import { isLessAvailable, nameRanker, rankBand } from '../ranking';
import type { Reach, SearchBackend, SearchHit, SearchOptions, SearchResult, ShownDocument } from '../search-backend';
import type { SearchDocument } from '../search-document';
import { foldText } from '../query-text';
import { toMatchExpression } from './match-expression';
import { MemoryIndex } from '../memory/memory-index';
import { DocumentCache } from '../document-cache';
import { builtToday, isOutOfDate } from '../build-state';
import { smallestK } from '../top-k';
import { FRESHNESS_STATUSES } from '../../freshness/rules';

/** bm25 weights for the FTS columns: name, categories (their names), organisation, description, terms (their tokens). */
export const COLUMN_WEIGHTS = [10, 5, 3, 1, 5] as const;
const BM25 = `bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')})`;
/** The freshness status that ranks a listing after all the rest (FRESHNESS_STATUSES). */
const STALE = FRESHNESS_STATUSES.indexOf('stale');
/** When the words as typed match this many documents, words that mean the same are not added. */
const EXPANSION_LIMIT = 1_000;
/** Up to this many matches, best match scores them all by the whole query (ranking.ts). */
const FULL_RANKING_LIMIT = 2_000;

export class SqliteFtsBackend implements SearchBackend {
  readonly name = 'sqlite-fts';
  private generation = -1;
  /** The epoch of the search tables the in-memory copy was read from (search_meta). */
  private epoch: number | null = null;
  private memory = new MemoryIndex();
  private prepared: ReturnType<SqliteFtsBackend['prepare']> | undefined;
  /**
   * Ranked matches read during the search running now, by match expression, so that finding the
   * matches and ordering them read FTS5 once (emptied as each search or facet count starts, and
   * as a search ends; a search here never waits, so no other runs in between).
   */
  private readonly rankedNow = new Map<string, [number, number][]>();
  /** Documents already parsed (src/lib/search/document-cache.ts). */
  private readonly parsed = new DocumentCache();

  constructor(private readonly sqlite: Database.Database) {}

  /** Statements are prepared on first use, as the backend may be made before migrations run. */
  private get statements() {
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  private prepare() {
    const sqlite = this.sqlite;
    // The words of the index with how many documents have each, for correcting spelling: a view
    // of the FTS5 index itself (per connection, so in temp), never a copy to keep in step.
    sqlite.exec(`create virtual table if not exists temp.search_vocab using fts5vocab(main, search_fts, col)`);
    return {
      vocabFrequency: sqlite.prepare(`select coalesce(sum(doc), 0) from temp.search_vocab where term = ? and col != 'terms'`).pluck(),
      vocabPrefix: sqlite.prepare(`select 1 from temp.search_vocab where term > ? and term < ? and col != 'terms' limit 1`).pluck(),
      vocabStarting: sqlite.prepare(`select term, sum(doc) from temp.search_vocab where term >= ? and term < ? and col != 'terms' group by term`).raw(true),
      // Read together, in one statement, so that both come from the same tables.
      generation: sqlite
        .prepare(
          `select (select value from search_meta where key = 'generation'),
        (select value from search_meta where key = 'epoch')`,
        )
        .raw(true),
      bump: sqlite.prepare(`update search_meta set value = value + 1 where key = 'generation' returning value`).pluck(),
      changedSince: sqlite.prepare(`select rowid, removed, sort_name, assured_date, fields from search_document where generation > ?`).raw(true),
      existing: sqlite.prepare(`select rowid from search_document where service_id = ?`).pluck(),
      insert: sqlite
        .prepare(
          `insert into search_document (service_id, generation, removed, sort_name, assured_date, fields, document)
        values (?, ?, 0, ?, ?, ?, ?) returning rowid`,
        )
        .pluck(),
      update: sqlite.prepare(`update search_document set generation = ?, removed = 0, sort_name = ?, assured_date = ?, fields = ?, document = ?
        where rowid = ?`),
      ftsDelete: sqlite.prepare(`delete from search_fts where rowid = ?`),
      ftsInsert: sqlite.prepare(`insert into search_fts (rowid, name, categories, organization, description, terms) values (?, ?, ?, ?, ?, ?)`),
      markRemoved: sqlite.prepare(`update search_document set removed = 1, generation = ? where service_id = ? and removed = 0 returning rowid`).pluck(),
      count: sqlite.prepare(`select count(*) from search_document where removed = 0`).pluck(),
      buildState: sqlite
        .prepare(
          `select (select value from search_meta where key = 'indexed_day'),
        (select value from search_meta where key = 'document_version')`,
        )
        .raw(true),
      setMeta: sqlite.prepare(`insert into search_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`),
      matchRowids: sqlite.prepare(`select rowid from search_fts where search_fts match ?`).pluck(),
      topRanked: sqlite.prepare(`select rowid, ${BM25} from search_fts where search_fts match ? order by 2 limit ?`).raw(true),
      allRanked: sqlite.prepare(`select rowid, ${BM25} from search_fts where search_fts match ?`).raw(true),
      documents: sqlite.prepare(`select rowid, document from search_document where rowid in (select value from json_each(?))`).raw(true),
    };
  }

  /** The index's own words, for correcting spelling (src/lib/search/spelling.ts). */
  private readonly vocabulary: Vocabulary = {
    frequency: (word) => this.statements.vocabFrequency.get(word) as number,
    isPrefix: (word) => this.statements.vocabPrefix.get(word, `${word}\uffff`) !== undefined,
    wordsStartingWith: (start) => this.statements.vocabStarting.iterate(start, `${start}\uffff`) as Iterable<[string, number]>,
  };

  private inTransaction<T>(work: () => T): T {
    return this.sqlite.inTransaction ? work() : this.sqlite.transaction(work).immediate();
  }

  async index(documents: SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    const s = this.statements;
    this.inTransaction(() => {
      const generation = s.bump.get() as number;
      // search_document first, then FTS: interleaving them makes FTS5 flush its pending terms
      // at every statement, several times slower on large imports.
      const written: [number, SearchDocument, boolean][] = [];
      for (const document of documents) {
        const { fields, ...shown } = document;
        const values = [foldText(document.name), document.assuredDate, JSON.stringify(fields), JSON.stringify(shown)] as const;
        const existing = s.existing.get(document.id) as number | undefined;
        if (existing === undefined) {
          written.push([s.insert.get(document.id, generation, ...values) as number, document, false]);
        } else {
          s.update.run(generation, ...values, existing);
          written.push([existing, document, true]);
        }
      }
      for (const [rowid, document, replaced] of written) {
        if (replaced) s.ftsDelete.run(rowid);
        s.ftsInsert.run(rowid, document.name, document.categoryText, document.organization.name, document.description, document.termText);
      }
    });
  }

  async remove(serviceIds: string[]): Promise<void> {
    if (!serviceIds.length) return;
    this.inTransaction(() => {
      const generation = this.statements.bump.get() as number;
      for (const id of serviceIds) {
        const rowid = this.statements.markRemoved.get(generation, id) as number | undefined;
        if (rowid !== undefined) this.statements.ftsDelete.run(rowid);
      }
    });
  }

  async count(): Promise<number> {
    return this.statements.count.get() as number;
  }

  async markAllBuilt(today: string): Promise<void> {
    const { day, documentVersion } = builtToday(today);
    this.inTransaction(() => {
      this.statements.setMeta.run('indexed_day', day);
      this.statements.setMeta.run('document_version', documentVersion);
    });
  }

  async needsRebuild(today: string): Promise<boolean> {
    const [day, documentVersion] = this.statements.buildState.get() as [number | null, number | null];
    return isOutOfDate({ day, documentVersion }, today);
  }

  /** Brings the in-memory filter fields up to date with the database (one cheap read when nothing changed). */
  private refresh(): void {
    const [generation, epoch] = this.statements.generation.get() as [number, number | null];
    if (generation === this.generation && epoch === this.epoch) return;
    // First load, or the search tables are not the ones the copy was read from: dropped and made
    // again (a new epoch), or the database replaced. Read everything again.
    const fresh = this.generation < 0 || epoch !== this.epoch || generation < this.generation;
    if (fresh) {
      this.memory = new MemoryIndex();
      this.parsed.forget();
    }
    const changed: number[] = [];
    for (const [rowid, removed, sortName, assuredDate, fields] of this.statements.changedSince.iterate(fresh ? -1 : this.generation) as Iterable<
      [number, number, string, string | null, string]
    >) {
      this.parsed.forget(rowid);
      const row = removed ? this.memory.kill(rowid) : this.memory.upsert(rowid, JSON.parse(fields) as FilterFields, sortName, assuredDate);
      if (row !== undefined) changed.push(row);
    }
    this.memory.reorder(fresh ? null : changed);
    this.generation = generation;
    this.epoch = epoch;
  }

  private matchRows(text: TextQuery): number[] {
    const expression = toMatchExpression(text);
    const rows: number[] = [];
    if (!expression) return rows;
    try {
      // A small index is ranked whole anyway (page()): read the scores now, once, with the matches.
      const rowids =
        this.memory.rowids.length <= FULL_RANKING_LIMIT
          ? this.ranked(expression).map(([rowid]) => rowid)
          : (this.statements.matchRowids.all(expression) as number[]);
      for (const rowid of rowids) {
        const row = this.memory.rowOf(rowid);
        if (row >= 0 && this.memory.alive[row]) rows.push(row);
      }
    } catch (error) {
      // Quoting means this should never happen; if it does, the person still gets a page. The
      // words are not logged (they are someone's search), only how many tokens there were.
      console.error(
        `Search could not run a text query of ${expression.split(' ').length} tokens:`,
        (error as Error).name,
        (error as { code?: string }).code ?? '',
      );
    }
    return rows;
  }

  /** Every match of `expression` with its bm25 score (lower is better), read once per search. */
  private ranked(expression: string): [number, number][] {
    let ranked = this.rankedNow.get(expression);
    if (!ranked) {
      ranked = this.statements.allRanked.all(expression) as [number, number][];
      this.rankedNow.set(expression, ranked);
    }
    return ranked;
  }

  private run(query: SearchQuery, wantFacets: boolean, origin: Origin | null) {
    this.rankedNow.clear();
    this.refresh();
    const memory = this.memory;
    memory.columns.measureFrom(origin);
    const collect = (rows: ArrayLike<number>) => {
      const compiled = compileFilters(memory.columns, query);
      const results: number[] = [];
      const facets = wantFacets ? new FacetCounter(memory.columns, query, compiled) : undefined;
      filterRows(rows, compiled, (row) => results.push(row), facets);
      return { results, facets };
    };
    // Misspelt words are corrected against the index's own words, unless asked not to.
    const corrected: SpellingCorrection | null = query.q && !query.as_typed ? correctSpelling(query.q, this.vocabulary) : null;
    const q = corrected?.q ?? query.q;
    const text = parseTextQuery(q);
    // Without words, results come in name order, which is the page order for best match; other
    // orders sort for themselves, so those scan the rows as stored.
    if (!text.groups.length) {
      const sortsItself = query.sort === 'recently_verified' || (query.sort === 'distance' && origin !== null);
      const rows = sortsItself ? memory.stored : memory.order;
      return { ...collect(rows), text: null, matched: null, matches: rows.length, corrected, q, strictText: null };
    }
    // Words that mean the same rank after the words as typed; when those already find a great
    // many services, the others would never be seen, so they are left out (it also keeps search quick).
    const typedText = typedOnly(text);
    let used = text;
    let matches: number[] | undefined;
    if (toMatchExpression(typedText) !== toMatchExpression(text)) {
      const typedMatches = this.matchRows(typedText);
      if (typedMatches.length >= EXPANSION_LIMIT) {
        used = typedText;
        matches = typedMatches;
      }
    }
    matches ??= this.matchRows(text);
    let matched: SearchResult['matched'] = 'all';
    // Loosen to any word only when no document has every word. When the words match but the
    // filters leave nothing, that is the answer: loosening then would show services that lack
    // words asked for, and facet counts that disagree with what choosing a value gives.
    if (!matches.length && text.groups.length > 1) {
      const loose = anyWord(used);
      const looseMatches = this.matchRows(loose);
      if (looseMatches.length) {
        used = loose;
        matched = 'any';
        matches = looseMatches;
      }
    }
    // The words as typed (not only words that mean the same), for ranking: null when they are all there is.
    const strict = matched === 'any' ? anyWord(typedOnly(used)) : typedOnly(used);
    const strictText = strict.groups.length && toMatchExpression(strict) !== toMatchExpression(used) ? strict : null;
    return { ...collect(matches), text: used, matched, matches: matches.length, corrected, q, strictText };
  }

  /** The rows of one page, in order, with their relevance scores (higher is better). */
  private page(
    results: number[],
    matches: number,
    query: SearchQuery,
    text: TextQuery | null,
    searched: string,
    strictText: TextQuery | null,
  ): { rows: number[]; scores: Map<number, number> } {
    const memory = this.memory;
    const start = (query.page - 1) * query.per_page;
    const end = Math.min(start + query.per_page, results.length);
    const scores = new Map<number, number>();
    if (start >= results.length) return { rows: [], scores };
    // Stale listings (freshness) come after all the rest in every order: never hidden, never first.
    const freshness = memory.columns.freshness;
    const stale = (row: number) => (freshness[row] === STALE ? 1 : 0);
    let staleCount = 0;
    for (const row of results) staleCount += stale(row);
    if (query.sort === 'recently_verified') {
      const sorted = results
        .slice()
        .sort((a, b) => stale(a) - stale(b) || memory.assured[b]! - memory.assured[a]! || memory.nameRank[a]! - memory.nameRank[b]!);
      return { rows: sorted.slice(start, end), scores };
    }
    if (query.sort === 'distance' && memory.columns.measured) return this.byDistance(results, start, end, query, text, scores);
    if (!text) {
      // Already in name order.
      const ordered = staleCount ? [...results.filter((row) => !stale(row)), ...results.filter(stale)] : results;
      return { rows: ordered.slice(start, end), scores };
    }
    // Best match (src/lib/search/ranking.ts): matches are ordered by their band (exact name, words
    // as typed, stale, name, open and checked) and then their score for the whole query.
    const wanted = new Uint8Array(memory.rowids.length);
    for (const row of results) wanted[row] = 1;
    const expression = toMatchExpression(text);
    const collectScores = (ranked: [number, number][]) => {
      const found: number[] = [];
      for (const [rowid, bm25] of ranked) {
        const row = memory.rowOf(rowid);
        if (row < 0 || !wanted[row]) continue;
        scores.set(row, -bm25);
        found.push(row);
      }
      return found;
    };
    // Ranking every match is the slow part, and more so with every word that means the same. When
    // filters keep a good share of many matches, the best few hundred matches of the words as
    // typed, scored by those words alone, almost always fill the page (they come first): enough
    // when they do, with as many that are not stale as it can show.
    let candidates: number[] = [];
    let typed: Uint8Array | null = null;
    const share = results.length / Math.max(1, matches);
    const limit = Math.ceil((end * 3) / share) + 300;
    if (limit < matches / 2 && matches > FULL_RANKING_LIMIT) {
      const ranked = this.statements.topRanked.all(strictText ? toMatchExpression(strictText) : expression, limit) as [number, number][];
      candidates = collectScores(ranked);
      const complete = ranked.length < limit;
      const fresh = candidates.filter((row) => !stale(row)).length;
      if (candidates.length < end || (!complete && fresh < end)) {
        candidates = [];
        scores.clear();
      }
    }
    if (!candidates.length) {
      // Every match scored by the whole query; those of the words as typed marked.
      if (strictText) {
        typed = new Uint8Array(memory.rowids.length);
        for (const row of this.matchRows(strictText)) typed[row] = 1;
      }
      candidates = collectScores(this.ranked(expression));
    }
    const isTyped = (row: number) => !typed || typed[row] === 1;
    const rankName = nameRanker(searched);
    const keys = new Float64Array(memory.rowids.length);
    for (const row of candidates) {
      const band = rankBand({
        stale: stale(row) === 1,
        nameRank: rankName(memory.sortNames[row]!),
        typedMatch: isTyped(row),
        lessAvailable: isLessAvailable(memory.columns.capacityOf(row), memory.assured[row] ? 'checked' : null),
      });
      // Scores this close are a tie, which nearer (when a place is given) then name order breaks.
      keys[row] = band * 1e7 - Math.round(scores.get(row)! * 1e4) / 1e4;
    }
    const measured = memory.columns.measured;
    const distance = memory.columns.distance;
    const rows = candidates.sort((a, b) => keys[a]! - keys[b]! || (measured ? distance[a]! - distance[b]! : 0) || memory.nameRank[a]! - memory.nameRank[b]!);
    return { rows: rows.slice(start, end), scores };
  }

  /**
   * Nearest first: services with a place by distance; then those covering the searched area; then
   * those needing no travel (phone, online, home visits), which are neither near nor far; then the
   * rest. Within the last three groups, best match first (or name order without words).
   */
  private byDistance(results: number[], start: number, end: number, query: SearchQuery, text: TextQuery | null, scores: Map<number, number>) {
    const memory = this.memory;
    const columns = memory.columns;
    const groupOf = { place: 0, area: 1, remote: 2, unknown: 3 } as const;
    const group = new Uint8Array(memory.rowids.length);
    for (const row of results) group[row] = groupOf[reachOf(columns, row, query.radius_km)];
    // Words rank the groups after the places, and every hit of a search with words has its score.
    if (text) {
      const wanted = new Uint8Array(memory.rowids.length);
      for (const row of results) wanted[row] = 1;
      for (const [rowid, bm25] of this.ranked(toMatchExpression(text))) {
        const row = memory.rowOf(rowid);
        if (row >= 0 && wanted[row]) scores.set(row, -bm25);
      }
    }
    // One number orders by group, then distance in metres (places) or best match (the rest);
    // equal ones go by name. Distances are under 20,000 km, so a group's band of 10^9 holds them.
    const GROUP = 1e9;
    const key = (row: number): number => {
      const g = group[row]! + (columns.freshness[row] === STALE ? 4 : 0); // stale after every group
      return g * GROUP + (group[row] === 0 ? columns.distance[row]! * 1e3 : scores.size ? -(scores.get(row) ?? 0) : 0);
    };
    const rows = smallestK(results, key, end, (row) => memory.nameRank[row]!).slice(start, end);
    return { rows, scores };
  }

  /** The documents of rows, in order; a row whose document is no longer there is left out. */
  private documents(rows: number[]): { row: number; document: ShownDocument }[] {
    if (!rows.length) return [];
    const rowids = rows.map((row) => this.memory.rowids[row]!);
    // The text is read every time (src/lib/search/document-cache.ts): only the parsing is saved.
    const texts = new Map(this.statements.documents.all(JSON.stringify(rowids)) as [number, string][]);
    const found: { row: number; document: ShownDocument }[] = [];
    rows.forEach((row, i) => {
      const json = texts.get(rowids[i]!);
      if (json !== undefined) found.push({ row, document: this.parsed.parse(rowids[i]!, json) });
    });
    return found;
  }

  async search(query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
    const origin = options.origin ?? null;
    const { results, facets, text, matched, corrected, q, strictText, matches } = this.run(query, options.facets ?? false, origin);
    const { rows, scores } = this.page(results, matches, query, text, q, strictText);
    this.rankedNow.clear();
    const columns = this.memory.columns;
    const hits: SearchHit[] = this.documents(rows).map(({ row, document }) => {
      const reach: Reach | null = origin ? reachOf(columns, row, query.radius_km) : null;
      const distance = origin ? columns.distance[row]! : Infinity;
      return { document, score: scores.get(row) ?? null, distanceKm: distance === Infinity ? null : distance, reach };
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
    return this.run(query, true, options.origin ?? null).facets!.counts();
  }
}
