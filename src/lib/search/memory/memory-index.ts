// The in-memory, column-by-column copy of every search document's filter fields that both search
// backends filter, count facets and sort on (SQLite FTS5 and PostgreSQL match the words): a row
// per document, found from its search_document rowid, kept in step by each backend's refresh.
import type { FilterFields } from '../filters';
import { FilterColumns } from './filter-columns';

/** Above this many changed documents, the name order is rebuilt rather than merged. */
const MERGE_LIMIT = 2_000;

/**
 * Documents live in "rows" of the in-memory columns; a row is found from a search_document rowid
 * through rowOf. Removed documents keep their row, marked dead, until the next full rebuild.
 */
export class MemoryIndex {
  columns = new FilterColumns();
  rowids: number[] = [];
  sortNames: string[] = [];
  /** assured_date as a sortable number (YYYYMMDD), 0 when never checked. */
  assured = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /** Row of each search_document rowid (-1 for none); rowids are small dense integers. */
  private rowByRowid = new Int32Array(1024).fill(-1);
  /** Live rows in name order, and each row's place in it. */
  order = new Int32Array(0);
  /** Live rows in storage order: quicker to scan (each column is read front to back) when name order is not needed. */
  stored = new Int32Array(0);
  nameRank = new Int32Array(1024);

  rowOf(rowid: number): number {
    return rowid < this.rowByRowid.length ? this.rowByRowid[rowid]! : -1;
  }

  upsert(rowid: number, fields: FilterFields, sortName: string, assuredDate: string | null): number {
    let row = this.rowOf(rowid);
    if (row < 0) {
      row = this.rowids.length;
      this.rowids.push(rowid);
      this.sortNames.push(sortName);
      if (rowid >= this.rowByRowid.length) {
        const grown = new Int32Array(Math.max(rowid + 1, this.rowByRowid.length * 2)).fill(-1);
        grown.set(this.rowByRowid);
        this.rowByRowid = grown;
      }
      this.rowByRowid[rowid] = row;
    }
    this.sortNames[row] = sortName;
    if (row >= this.alive.length) {
      const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const fresh = make(Math.max(row! + 1, old.length * 2));
        fresh.set(old);
        return fresh;
      };
      this.assured = grow(this.assured, (n) => new Int32Array(n));
      this.alive = grow(this.alive, (n) => new Uint8Array(n));
      this.nameRank = grow(this.nameRank, (n) => new Int32Array(n));
    }
    this.assured[row] = assuredDate ? Number(assuredDate.replaceAll('-', '')) : 0;
    this.alive[row] = 1;
    this.columns.set(row, fields);
    return row;
  }

  kill(rowid: number): number | undefined {
    const row = this.rowOf(rowid);
    if (row < 0) return undefined;
    this.alive[row] = 0;
    return row;
  }

  private byName = (a: number, b: number): number => {
    const x = this.sortNames[a]!;
    const y = this.sortNames[b]!;
    return x < y ? -1 : x > y ? 1 : this.rowids[a]! - this.rowids[b]!;
  };

  /** Rebuilds the name order, merging in a few changed rows rather than sorting everything. */
  reorder(changed: number[] | null): void {
    let order: number[];
    if (changed === null || changed.length > MERGE_LIMIT || this.order.length === 0) {
      order = [];
      for (let row = 0; row < this.rowids.length; row++) if (this.alive[row]) order.push(row);
      order.sort(this.byName);
    } else {
      const moved = new Set(changed);
      const kept: number[] = [];
      for (const row of this.order) if (!moved.has(row)) kept.push(row);
      const added = changed.filter((row) => this.alive[row]).sort(this.byName);
      order = [];
      let i = 0;
      let j = 0;
      while (i < kept.length || j < added.length) {
        if (j >= added.length || (i < kept.length && this.byName(kept[i]!, added[j]!) <= 0)) order.push(kept[i++]!);
        else order.push(added[j++]!);
      }
    }
    this.order = Int32Array.from(order);
    for (let i = 0; i < this.order.length; i++) this.nameRank[this.order[i]!] = i;
    this.stored = this.order.slice().sort();
  }
}
