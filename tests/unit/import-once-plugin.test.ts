// The build step that makes the built server import each page's module once
// (scripts/import-once-plugin.mjs), rather than through the module loader on every request.
import { describe, expect, it } from 'vitest';
import { importOnce } from '../../scripts/import-once-plugin.mjs';

const ENTRY =
  "const _page0 = () => import('./pages/_image.astro.mjs');\n" +
  'const _manifest = { actions: () => import(\'./noop-entrypoint.mjs\'), middleware: () => import("./mw.mjs") };\n';

/** Runs transformed code as a module whose import() is replaced by a counting stand-in. */
async function loadersOf(code: string, load: (specifier: string) => Promise<unknown>) {
  const body = code.replace(/\bimport\(/g, 'load(') + '\nreturn { _page0, _manifest };';
  return new Function('load', body)(load) as { _page0: () => Promise<unknown>; _manifest: { actions: () => Promise<unknown> } };
}

describe('import once', () => {
  it('wraps every loader of the entry and leaves code without one alone', () => {
    const changed = importOnce(ENTRY)!;
    expect(changed.match(/__importOnce\(/g)).toHaveLength(3);
    expect(changed).toContain("__importOnce('./noop-entrypoint.mjs', () => import('./noop-entrypoint.mjs'))");
    expect(importOnce('const a = 1;')).toBeNull();
  });

  it('imports a module once however many requests ask, and tries again after a failed import', async () => {
    const calls: string[] = [];
    let fail = true;
    const { _page0, _manifest } = await loadersOf(importOnce(ENTRY)!, async (specifier) => {
      calls.push(specifier);
      if (specifier.includes('noop') && fail) {
        fail = false;
        throw new Error('not yet');
      }
      return { specifier };
    });
    await Promise.all([_page0(), _page0(), _page0()]);
    expect(calls.filter((s) => s.includes('_image'))).toHaveLength(1);
    await expect(_manifest.actions()).rejects.toThrow('not yet');
    await expect(_manifest.actions()).resolves.toEqual({ specifier: './noop-entrypoint.mjs' });
    await _manifest.actions();
    expect(calls.filter((s) => s.includes('noop'))).toHaveLength(2);
  });
});
