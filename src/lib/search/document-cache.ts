// Parsed search documents kept between searches, for either backend: a page shows the same
// documents again and again, and parsing each from JSON for every search is a good part of its
// cost. The document's text is still read from the database every time and compared with the
// text the kept copy was parsed from, so a document changed or gone is never shown from memory,
// whether or not the backend has heard of the change. Kept copies are frozen all through: a page
// that tried to change one would fail loudly rather than change every later search's results.
import type { ShownDocument } from './search-backend';

/** How many parsed documents are kept (the most recently shown; each a few kilobytes). */
export const KEPT_DOCUMENTS = 2_000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class DocumentCache {
  readonly #kept = new Map<number, { json: string; document: ShownDocument }>();
  constructor(private readonly limit = KEPT_DOCUMENTS) {}

  /** The document stored as `json` for `rowid`: the kept copy when it was parsed from the same text. */
  parse(rowid: number, json: string): ShownDocument {
    let kept = this.#kept.get(rowid);
    if (kept?.json !== json) kept = { json, document: deepFreeze(JSON.parse(json) as ShownDocument) };
    // Most recently shown last, so that the first kept is the first to go.
    this.#kept.delete(rowid);
    this.#kept.set(rowid, kept);
    if (this.#kept.size > this.limit) this.#kept.delete(this.#kept.keys().next().value!);
    return kept.document;
  }

  /** Forgets one document (its row changed) or all (the search tables were made anew). */
  forget(rowid?: number): void {
    if (rowid === undefined) this.#kept.clear();
    else this.#kept.delete(rowid);
  }

  get size(): number {
    return this.#kept.size;
  }
}
