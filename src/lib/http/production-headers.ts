// What every response gets on its way out: a charset on text (so no browser guesses one), and, in
// production (NODE_ENV=production), HSTS and the Secure flag on every cookie, whoever set it, since
// a production site is reached over https even when the proxy in front speaks http to us.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { appConfig, type Config } from '../config';

export const HSTS = 'max-age=31536000; includeSubDomains';

/** "text/html" gets "; charset=utf-8"; JSON and JavaScript too; anything naming a charset is left alone. */
export function withCharset(contentType: string): string {
  if (/;\s*charset=/i.test(contentType)) return contentType;
  return /^(text\/|application\/(json|javascript|x-ndjson|xml)|image\/svg\+xml)/i.test(contentType.trim()) ? `${contentType}; charset=utf-8` : contentType;
}

/** Adds "; Secure" to a Set-Cookie line without it. */
export function secureCookie(line: string): string {
  return /;\s*secure\s*(;|$)/i.test(line) ? line : `${line}; Secure`;
}

function fixHeader(name: string, value: unknown, production: boolean): unknown {
  const lower = name.toLowerCase();
  if (lower === 'content-type' && typeof value === 'string') return withCharset(value);
  if (lower === 'set-cookie' && production) {
    return Array.isArray(value) ? value.map((line) => secureCookie(String(line))) : secureCookie(String(value));
  }
  return value;
}

/** Makes every header written through res (setHeader or writeHead) follow the rules above. */
export function applyProductionHeaders(res: ServerResponse, config: Config = appConfig()): void {
  const { production } = config;
  if (production) res.setHeader('Strict-Transport-Security', HSTS);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, fixHeader(name, value, production) as typeof value);
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headersAt = rest.findIndex((part) => part && typeof part === 'object');
    if (headersAt >= 0) {
      const given = rest[headersAt];
      if (Array.isArray(given)) {
        // [name, value, name, value ...] (raw headers)
        rest[headersAt] = given.map((part, i) => (i % 2 === 1 ? fixHeader(String(given[i - 1]), part, production) : part));
      } else {
        rest[headersAt] = Object.fromEntries(Object.entries(given as OutgoingHttpHeaders).map(([name, value]) => [name, fixHeader(name, value, production)]));
      }
    }
    // Headers already set with setHeader were fixed there.
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
}
