// What the server checks and tidies on each request before Astro sees it: methods it answers,
// forwarded headers (believed only behind our own proxy), and the Host a link may be built from.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appConfig, type Config } from '../config';

/** The methods the site answers; anything else (TRACE, PUT, PROPFIND ...) gets 405. */
export const SITE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;
/** The Open Referral UK API is read-only. */
export const API_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

const isApiPath = (url: string) => url === '/openreferral' || url.startsWith('/openreferral/') || url.startsWith('/openreferral?');

/** Answers a method the site does not serve with 405 and Allow; true when it did. */
export function refuseUnknownMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? 'GET').toUpperCase();
  const api = isApiPath(req.url ?? '/');
  const allowed: readonly string[] = api ? API_METHODS : SITE_METHODS;
  if (allowed.includes(method)) return false;
  const allow = allowed.join(', ');
  if (api) {
    res.writeHead(405, { Allow: allow, 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ error: 'method_not_allowed', message: 'This API is read-only: use GET.' }));
  } else {
    res.writeHead(405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`This site answers ${allow} only.\n`);
  }
  return true;
}

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip'];

/**
 * Astro believes X-Forwarded-For (the client's address, for rate limits) and X-Forwarded-Proto and
 * -Host (the address links are built from, whether cookies are Secure). Only a proxy we run may
 * say those, so without TRUST_PROXY=1 they are removed.
 */
export function dropUntrustedForwarding(req: IncomingMessage, config: Config = appConfig()): void {
  if (config.TRUST_PROXY) return;
  for (const name of FORWARDED_HEADERS) delete req.headers[name];
}

/** Host names the site may be reached at: loopback, PUBLIC_URL's, PUBLIC_HOST, and HOST. */
export function knownHosts(config: Config = appConfig()): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (config.PUBLIC_URL) hosts.add(new URL(config.PUBLIC_URL).hostname);
  if (config.PUBLIC_HOST) hosts.add(config.PUBLIC_HOST.toLowerCase());
  if (config.HOST !== '0.0.0.0' && config.HOST !== '::') hosts.add(config.HOST.toLowerCase());
  return hosts;
}

/** The host links are built from when a request names one we do not know. */
export function configuredHost(config: Config = appConfig()): string {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).host;
  if (config.PUBLIC_HOST) return config.PUBLIC_HOST;
  const host = config.HOST !== '0.0.0.0' && config.HOST !== '::' ? config.HOST : 'localhost';
  return `${host}:${config.PORT}`;
}

/**
 * A Host header naming a host we do not serve (a stranger's DNS name, a made-up header) is replaced
 * by the configured host, so no link, email or QR code on a page can name someone else's site.
 */
export function pinHost(req: IncomingMessage, config: Config = appConfig()): void {
  const host = req.headers.host ?? '';
  const name = host.replace(/:\d+$/, '').toLowerCase();
  if (!knownHosts(config).has(name)) req.headers.host = configuredHost(config);
}
