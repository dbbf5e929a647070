// Compresses what the server sends (brotli, else gzip, with node:zlib) when the browser accepts
// it and the answer is text worth compressing: pages, CSS, scripts, JSON, SVG, CSV. A phone on a
// slow connection then gets a results page in about a fifth of the bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Smaller answers are sent as they are: compressing them saves nothing worth the work. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * Brotli quality 5 and gzip level 6: nearly all of the saving at a small cost per request (the
 * highest brotli quality is many times slower and saves only a little more).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/** The encoding to use for an Accept-Encoding header: brotli if accepted, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (name: string) => weights.get(name) ?? (weights.has('*') ? weights.get('*')! : 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** Text types that compress well; images, fonts and archives are compressed already. */
export function isCompressible(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /^application\/([\w.+-]+\+)?(json|javascript|xml|ecmascript|x-javascript|manifest\+json)$/.test(type) ||
    type === 'image/svg+xml'
  );
}

function headerText(value: number | string | string[] | undefined): string | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
}

function addVary(res: ServerResponse): void {
  const vary = headerText(res.getHeader('Vary'));
  if (!vary) res.setHeader('Vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) res.setHeader('Vary', `${vary}, Accept-Encoding`);
}

/** Whether this answer, with these headers set, should be compressed. */
function shouldCompress(req: IncomingMessage, res: ServerResponse, status: number): boolean {
  if (req.method === 'HEAD' || status < 200 || status === 204 || status === 206 || status === 304) return false;
  if (req.headers.range) return false;
  if (res.getHeader('Content-Encoding')) return false;
  if (/\bno-transform\b/i.test(headerText(res.getHeader('Cache-Control')) ?? '')) return false;
  const length = Number(headerText(res.getHeader('Content-Length')) ?? NaN);
  if (Number.isFinite(length) && length < MIN_COMPRESS_BYTES) return false;
  return true;
}

type WriteCallback = (error?: Error | null) => void;

/** Bytes written to a compressed response that are still in its compressor, not yet on the socket. */
const COMPRESSOR_PENDING = Symbol('compressor pending bytes');

/** What `res` holds that the client has not taken: its own buffer and its compressor's. */
export function unsentBytes(res: ServerResponse): number {
  const pending = (res as ServerResponse & { [COMPRESSOR_PENDING]?: () => number })[COMPRESSOR_PENDING];
  return res.writableLength + (pending ? pending() : 0);
}

/**
 * Makes `res` compress its body when the request accepts it and the answer turns out to be
 * compressible text: the decision is taken when the headers go out, so every handler (Astro's
 * pages and its static files alike) is covered without knowing about it.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const original = {
    writeHead: res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse,
    write: res.write.bind(res) as (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean,
    end: res.end.bind(res) as (chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse,
  };
  let decided = false;
  let stream: BrotliCompress | Gzip | null = null;

  const decide = (status: number) => {
    if (decided) return;
    decided = true;
    if (!isCompressible(headerText(res.getHeader('Content-Type')))) return;
    addVary(res);
    if (!encoding || !shouldCompress(req, res, status)) return;
    res.setHeader('Content-Encoding', encoding);
    res.removeHeader('Content-Length');
    stream =
      encoding === 'br'
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
        : createGzip({ level: GZIP_LEVEL });
    const compressor = stream;
    (res as ServerResponse & { [COMPRESSOR_PENDING]?: () => number })[COMPRESSOR_PENDING] = () => compressor.writableLength + compressor.readableLength;
    stream.on('data', (chunk: Buffer) => {
      if (!original.write(chunk)) stream!.pause();
    });
    res.on('drain', () => stream?.resume());
    stream.on('end', () => original.end());
    stream.on('error', (error) => res.destroy(error));
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    // writeHead(status, [message], [headers]): headers given here are set first, so the
    // decision sees them and can change them.
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as Record<string, unknown> | unknown[] | undefined;
    const message = rest.find((arg) => typeof arg === 'string') as string | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    }
    decide(status);
    return message === undefined ? original.writeHead(status) : original.writeHead(status, message);
  }) as typeof res.writeHead;

  res.write = ((chunk: unknown, chunkEncoding?: unknown, callback?: unknown) => {
    if (!res.headersSent) decide(res.statusCode);
    if (!stream) return original.write(chunk, chunkEncoding, callback);
    const cb = typeof chunkEncoding === 'function' ? (chunkEncoding as WriteCallback) : (callback as WriteCallback | undefined);
    const enc = typeof chunkEncoding === 'string' ? (chunkEncoding as BufferEncoding) : undefined;
    const data = typeof chunk === 'string' ? Buffer.from(chunk, enc) : (chunk as Uint8Array);
    stream.write(data, cb);
    return true;
  }) as typeof res.write;

  res.end = ((chunk?: unknown, chunkEncoding?: unknown, callback?: unknown) => {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    if (typeof chunkEncoding === 'function') {
      callback = chunkEncoding;
      chunkEncoding = undefined;
    }
    if (!res.headersSent && !decided) {
      // Everything in one go: its length is known, so a small answer is left as it is.
      if (chunk !== undefined && chunk !== null && !res.getHeader('Content-Length')) {
        const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, chunkEncoding as BufferEncoding | undefined) : (chunk as Uint8Array).byteLength;
        res.setHeader('Content-Length', size);
      }
      decide(res.statusCode);
    }
    if (!stream) return original.end(chunk, chunkEncoding, callback);
    if (typeof callback === 'function') res.once('finish', callback as () => void);
    if (chunk !== undefined && chunk !== null) {
      stream.end(typeof chunk === 'string' ? Buffer.from(chunk, chunkEncoding as BufferEncoding | undefined) : (chunk as Uint8Array));
    } else {
      stream.end();
    }
    return res;
  }) as typeof res.end;
}
