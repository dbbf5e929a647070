// A short-lived copy of pages rendered for people not signed in, served again while nothing in the
// directory has changed: the search page costs many milliseconds to render and the same search
// (a category link on the home page, "food near NE6") is asked for over and over. A copy is used
// only for the same address and the same shortlist cookie, only while the database is unchanged
// (by this process or any other: DirectoryDatabase.version), for at most MAX_AGE_MS, and never for a
// response that sets a cookie.

export const MAX_ENTRIES = 200;
export const MAX_AGE_MS = 60_000;
/** Bigger pages are not kept (a very long result list). */
export const MAX_BODY_BYTES = 512 * 1024;

interface CachedPage {
  version: string;
  storedAt: number;
  status: number;
  headers: [string, string][];
  /** The bytes as rendered: kept, and copied into each answer, never decoded into text and encoded again. */
  body: Uint8Array<ArrayBuffer>;
}

export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** The kept copy of `key`, when there is one for this version of the directory and it is fresh. */
  get(key: string, version: string, now = Date.now()): Response | null {
    const page = this.#pages.get(key);
    if (!page) return null;
    if (page.version !== version || now - page.storedAt > this.maxAgeMs) {
      this.#pages.delete(key);
      return null;
    }
    // Most recently used last, so the oldest is the first to go.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return new Response(page.body, { status: page.status, headers: page.headers });
  }

  /** Keeps a copy of `response` if it may be kept, and gives back a response to send (the body is read once). */
  async keep(key: string, version: string, response: Response, now = Date.now()): Promise<Response> {
    if (response.status !== 200 || response.headers.has('set-cookie') || !response.body) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers.entries()];
    if (body.byteLength <= MAX_BODY_BYTES) {
      this.#pages.set(key, { version, storedAt: now, status: response.status, headers, body });
      while (this.#pages.size > this.maxEntries) this.#pages.delete(this.#pages.keys().next().value!);
    }
    return new Response(body, { status: response.status, headers });
  }

  get size(): number {
    return this.#pages.size;
  }
}
