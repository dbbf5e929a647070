import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticFilePaths } from '../../src/lib/http/serve';

const folder = mkdtempSync(join(tmpdir(), 'cad-static-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('staticFilePaths', () => {
  it('lists every file of the built site, in folders too, by its address, and no folder', () => {
    mkdirSync(join(folder, '_astro', 'fonts'), { recursive: true });
    writeFileSync(join(folder, 'robots.txt'), 'User-agent: *');
    writeFileSync(join(folder, '_astro', 'site.abc123.css'), 'body{}');
    writeFileSync(join(folder, '_astro', 'fonts', 'a font.woff2'), '');
    const paths = staticFilePaths(folder);
    expect([...paths].sort()).toEqual(['/_astro/fonts/a font.woff2', '/_astro/site.abc123.css', '/robots.txt']);
    expect(paths.has('/_astro')).toBe(false);
    expect(paths.has('/search')).toBe(false);
    expect(paths.has('/../robots.txt')).toBe(false);
  });
});
