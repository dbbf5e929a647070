// Astro's built server imports a page's module on every request (`() => import('./pages/x.mjs')`).
// Under `tsx` (npm start) each import() goes through the module loader's hooks in another thread,
// a round trip costing about a millisecond a request; the modules never change once built, so
// each is imported once and kept.

type PageLoader = () => Promise<unknown>;

/** Replaces each loader in Astro's pageMap (exported by dist/server/entry.mjs) with one that imports once. */
export function importPagesOnce(pageMap: Map<string, PageLoader> | undefined): void {
  if (!pageMap) return;
  for (const [component, load] of pageMap) {
    let loaded: Promise<unknown> | undefined;
    pageMap.set(component, () => {
      loaded ??= load().catch((error) => {
        loaded = undefined; // try again next time
        throw error;
      });
      return loaded;
    });
  }
}
