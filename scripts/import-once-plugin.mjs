// A Vite plugin for `astro build`: the built server's entry (dist/server/entry.mjs) imports a
// page's module, and the actions module, afresh on every request (`() => import('./pages/x.mjs')`).
// Under tsx (npm start) every import() goes through the module loader's hooks in another thread,
// about half a millisecond a request each time; the modules never change once built, so each is
// imported once and kept (a failed import is tried again next time).

const LOADER = /\(\) => import\(('[^']+'|"[^"]+")\)/g;

const PRELUDE =
  'const __importOnceLoaded = new Map();\n' +
  'const __importOnce = (specifier, load) => () => {\n' +
  '  let loading = __importOnceLoaded.get(specifier);\n' +
  '  if (!loading) {\n' +
  '    loading = load().catch((error) => { __importOnceLoaded.delete(specifier); throw error; });\n' +
  '    __importOnceLoaded.set(specifier, loading);\n' +
  '  }\n' +
  '  return loading;\n' +
  '};\n';

/** The entry's code with each `() => import('…')` loader replaced by one that imports once; null when it has none. */
export function importOnce(code) {
  if (!LOADER.test(code)) return null;
  LOADER.lastIndex = 0;
  return PRELUDE + code.replace(LOADER, (_whole, specifier) => `__importOnce(${specifier}, () => import(${specifier}))`);
}

export function importOncePlugin() {
  return {
    name: 'import-once',
    apply: 'build',
    renderChunk(code, chunk) {
      if (chunk.fileName !== 'entry.mjs') return null;
      const changed = importOnce(code);
      return changed === null ? null : { code: changed, map: null };
    },
  };
}
