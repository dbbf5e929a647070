// The embedded search backend: SQLite FTS5 for words (bm25 with field weights, porter stemming,
// prefixes, accents folded) and an in-memory copy of every document's filter fields for
// filters and facet counts, kept in step with the database through a generation counter.
import type Database from 'better-sqlite3';
import {
  compileFilters, emptyFacetCounts, facetCounter, type FacetCounts, type FilterFields, type FilterGroup, type SearchQuery,
} from '../filters';
import { anyWord, foldText, parseTextQuery, type TextQuery } from '../query-text';
import type { SearchBackend, SearchHit, SearchResult } from '../search-backend';
import type { SearchDocument } from '../search-document';
import { toMatchExpression } from './match-expression';

/** bm25 weights for the FTS columns: name, categories (names and lay words), organisation, description. */
export const COLUMN_WEIGHTS = [10, 5, 3, 1] as const;
const BM25 = `bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')})`;

interface Entry {
  rowid: number;
  fields: FilterFields;
  sortName: string;
  assuredDate: string | null;
  /** Position in name order, for sorting without comparing strings on every search. */
  nameRank: number;
}

export class SqliteFtsBackend implements SearchBackend {
  readonly name = 'sqlite-fts';
  private generation = -1;
  private entries = new Map<number, Entry>();
  private list: Entry[] = [];
  private prepared: ReturnType<SqliteFtsBackend['prepare']> | undefined;

  constructor(private readonly sqlite: Database.Database) {}

  /** Statements are prepared on first use, as the backend may be made before migrations run. */
  private get statements() {
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  private prepare() {
    const sqlite = this.sqlite;
    return {
      generation: sqlite.prepare(`select value from search_meta where key = 'generation'`).pluck(),
      bump: sqlite.prepare(`update search_meta set value = value + 1 where key = 'generation' returning value`).pluck(),
      changedSince: sqlite.prepare(
        `select rowid, removed, sort_name, assured_date, fields from search_document where generation > ?`,
      ),
      upsert: sqlite.prepare(`insert into search_document (service_id, generation, removed, sort_name, assured_date, fields, document)
        values (@service_id, @generation, 0, @sort_name, @assured_date, @fields, @document)
        on conflict (service_id) do update set generation = excluded.generation, removed = 0, sort_name = excluded.sort_name,
          assured_date = excluded.assured_date, fields = excluded.fields, document = excluded.document
        returning rowid`).pluck(),
      ftsDelete: sqlite.prepare(`delete from search_fts where rowid = ?`),
      ftsInsert: sqlite.prepare(
        `insert into search_fts (rowid, name, categories, organization, description) values (?, ?, ?, ?, ?)`,
      ),
      markRemoved: sqlite.prepare(
        `update search_document set removed = 1, generation = ? where service_id = ? and removed = 0 returning rowid`,
      ).pluck(),
      count: sqlite.prepare(`select count(*) from search_document where removed = 0`).pluck(),
      match: sqlite.prepare(`select rowid, ${BM25} from search_fts where search_fts match ?`).raw(true),
    };
  }

  private inTransaction<T>(work: () => T): T {
    return this.sqlite.inTransaction ? work() : this.sqlite.transaction(work).immediate();
  }

  async index(documents: SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    this.inTransaction(() => {
      const generation = this.statements.bump.get() as number;
      for (const document of documents) {
        const rowid = this.statements.upsert.get({
          service_id: document.id,
          generation,
          sort_name: foldText(document.name),
          assured_date: document.assuredDate,
          fields: JSON.stringify(document.fields),
          document: JSON.stringify(document),
        }) as number;
        this.statements.ftsDelete.run(rowid);
        this.statements.ftsInsert.run(rowid, document.name, document.categoryText, document.organization.name, document.description);
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

  /** Brings the in-memory filter fields up to date with the database (cheap when nothing changed). */
  private refresh(): void {
    const generation = this.statements.generation.get() as number;
    if (generation === this.generation) return;
    const since = generation < this.generation ? -1 : this.generation; // the database was replaced
    if (since === -1) this.entries.clear();
    const rows = this.statements.changedSince.all(since) as {
      rowid: number; removed: number; sort_name: string; assured_date: string | null; fields: string;
    }[];
    for (const row of rows) {
      if (row.removed) this.entries.delete(row.rowid);
      else this.entries.set(row.rowid, {
        rowid: row.rowid, fields: JSON.parse(row.fields) as FilterFields, sortName: row.sort_name,
        assuredDate: row.assured_date, nameRank: 0,
      });
    }
    this.list = [...this.entries.values()].sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.rowid - b.rowid));
    this.list.forEach((entry, index) => { entry.nameRank = index; });
    this.generation = generation;
  }

  /** Rowid -> bm25 score (lower is better) for every document matching the text. */
  private matchText(text: TextQuery): Map<number, number> {
    const scores = new Map<number, number>();
    const expression = toMatchExpression(text);
    if (!expression) return scores;
    try {
      for (const [rowid, score] of this.statements.match.all(expression) as [number, number][]) scores.set(rowid, score);
    } catch (error) {
      // Quoting means this should never happen; if it does, the person still gets a page.
      console.error(`Search could not run the text query ${JSON.stringify(expression)}:`, error);
    }
    return scores;
  }

  private run(query: SearchQuery, wantFacets: boolean): {
    results: Entry[]; scores: Map<number, number> | null; matched: SearchResult['matched']; facets?: FacetCounts;
  } {
    this.refresh();
    const text = parseTextQuery(query.q);
    let scores: Map<number, number> | null = null;
    let matched: SearchResult['matched'] = null;
    let candidates: Entry[] = this.list;
    const compiled = compileFilters(query);
    const collect = (pool: Entry[]) => this.filter(pool, query, compiled, wantFacets);
    let outcome: ReturnType<typeof collect>;
    if (text.groups.length) {
      scores = this.matchText(text);
      matched = 'all';
      candidates = this.entriesFor(scores);
      outcome = collect(candidates);
      if (!outcome.results.length && text.groups.length > 1) {
        const anyScores = this.matchText(anyWord(text));
        const anyOutcome = collect(this.entriesFor(anyScores));
        if (anyOutcome.results.length) {
          scores = anyScores;
          matched = 'any';
          outcome = anyOutcome;
        }
      }
    } else {
      outcome = collect(candidates);
    }
    return { results: outcome.results, scores, matched, facets: outcome.facets };
  }

  private entriesFor(scores: Map<number, number>): Entry[] {
    const found: Entry[] = [];
    for (const rowid of scores.keys()) {
      const entry = this.entries.get(rowid);
      if (entry) found.push(entry);
    }
    return found;
  }

  private filter(pool: Entry[], query: SearchQuery, compiled: ReturnType<typeof compileFilters>, wantFacets: boolean) {
    const results: Entry[] = [];
    const facets = wantFacets ? emptyFacetCounts() : undefined;
    const count = wantFacets ? facetCounter(query) : undefined;
    const groups = compiled.groups;
    for (const entry of pool) {
      let failed: FilterGroup | null = null;
      let failures = 0;
      for (let i = 0; i < groups.length; i++) {
        if (!groups[i]!.test(entry.fields)) {
          failures++;
          failed = groups[i]!.group;
          if (failures > 1 || !wantFacets) break;
        }
      }
      if (failures === 0) results.push(entry);
      if (facets && failures <= 1) count!(facets, entry.fields, failed);
    }
    return { results, facets };
  }

  private sort(results: Entry[], query: SearchQuery, scores: Map<number, number> | null): Entry[] {
    if (query.sort === 'recently_verified') {
      return results.sort((a, b) => {
        if (a.assuredDate !== b.assuredDate) {
          if (a.assuredDate === null) return 1;
          if (b.assuredDate === null) return -1;
          return a.assuredDate < b.assuredDate ? 1 : -1;
        }
        return a.nameRank - b.nameRank;
      });
    }
    if (scores) return results.sort((a, b) => scores.get(a.rowid)! - scores.get(b.rowid)! || a.nameRank - b.nameRank);
    return results.sort((a, b) => a.nameRank - b.nameRank);
  }

  private documents(rowids: number[]): Map<number, SearchDocument> {
    if (!rowids.length) return new Map();
    const rows = this.sqlite
      .prepare(`select rowid, document from search_document where rowid in (${rowids.map(() => '?').join(',')})`)
      .all(...rowids) as { rowid: number; document: string }[];
    return new Map(rows.map((row) => [row.rowid, JSON.parse(row.document) as SearchDocument]));
  }

  async search(query: SearchQuery, options: { facets?: boolean } = {}): Promise<SearchResult> {
    const { results, scores, matched, facets } = this.run(query, options.facets ?? false);
    const sorted = this.sort(results, query, scores);
    const start = (query.page - 1) * query.per_page;
    const page = sorted.slice(start, start + query.per_page);
    const documents = this.documents(page.map((entry) => entry.rowid));
    const hits: SearchHit[] = page.map((entry) => ({
      document: documents.get(entry.rowid)!,
      score: scores ? -scores.get(entry.rowid)! : null,
    }));
    return { total: results.length, page: query.page, perPage: query.per_page, hits, matched, ...(facets ? { facets } : {}) };
  }

  async facetCounts(query: SearchQuery): Promise<FacetCounts> {
    return this.run(query, true).facets!;
  }
}
