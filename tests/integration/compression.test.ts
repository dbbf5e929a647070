// Compression in the server `npm start` runs: brotli or gzip for pages, CSS, scripts and JSON when
// the client accepts it, never for a HEAD, a small answer or one already compressed; the sizes
// on the wire are printed so the README's page weights can be measured (npm test shows them).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../fixtures/server';
import { chooseEncoding, isCompressible } from '../../src/lib/http/compress';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, acceptEncoding: string | null, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(server.url(path), { method, headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (raw: Raw) =>
  raw.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw.body) : raw.headers['content-encoding'] === 'gzip' ? gunzipSync(raw.body) : raw.body;

describe('choosing an encoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
  });

  it('compresses text, not images', () => {
    expect(isCompressible('text/html; charset=utf-8')).toBe(true);
    expect(isCompressible('application/json')).toBe(true);
    expect(isCompressible('text/javascript')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    expect(isCompressible('image/png')).toBe(false);
  });
});

describe('the running server', () => {
  it('sends a results page, its CSS and the API compressed, and the same bytes once decompressed', async () => {
    const plain = await get('/search?q=food', null);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/);
    const br = await get('/search?q=food', 'gzip, deflate, br');
    const gzip = await get('/search?q=food', 'gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-length']).toBeUndefined();
    expect(decoded(br).toString()).toContain('services found');
    expect(decoded(gzip).toString()).toContain('services found');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(plain.body.toString())?.[1];
    expect(css).toBeDefined();
    const cssPlain = await get(css!, null);
    const cssBr = await get(css!, 'br');
    expect(cssBr.headers['content-encoding']).toBe('br');
    expect(decoded(cssBr).equals(cssPlain.body)).toBe(true);

    const api = await get('/api/search?q=food', 'gzip');
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(api).toString()).total).toBeGreaterThan(0);

    const map = await get('/search?q=food&view=map', 'br');
    console.log(
      `Measured on the wire (brotli): /search?q=food ${(br.body.length / 1024).toFixed(1)} KB ` +
        `(${(plain.body.length / 1024).toFixed(1)} KB uncompressed, gzip ${(gzip.body.length / 1024).toFixed(1)} KB); ` +
        `CSS ${(cssBr.body.length / 1024).toFixed(1)} KB (${(cssPlain.body.length / 1024).toFixed(1)} KB); ` +
        `map view HTML ${(map.body.length / 1024).toFixed(1)} KB`,
    );
  });

  it('leaves a HEAD request, a small answer and a refusal to accept encodings alone', async () => {
    const head = await get('/search?q=food', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
    const identity = await get('/search?q=food', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    const favicon = /href="(\/_astro\/[^"]+\.svg)"|href="(\/favicon[^"]*)"/.exec((await get('/', null)).body.toString());
    const icon = favicon?.[1] ?? favicon?.[2];
    if (icon) {
      const small = await get(icon, 'br');
      if (Number(small.headers['content-length'] ?? small.body.length) < 1024) expect(small.headers['content-encoding']).toBeUndefined();
    }
  });
});
