// The HTTP server around Astro's built handler: adds the headers every response needs, and
// answers an address the server cannot read with a kind page instead of Node's plain "Bad request.".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { SECURITY_HEADERS, cacheControlFor, isReadableAddress } from './response-headers';
import { compressResponse } from './compress';
import { dropUntrustedForwarding, pinHost, refuseUnknownMethod } from './request-guards';
import { applyProductionHeaders } from './production-headers';
import { withResponse } from './response-flow';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The page shown for an address with a broken escape in it (src/pages/bad-address.astro). */
export const BAD_ADDRESS_PATH = '/bad-address';

/**
 * The addresses of the built site's files (the client folder does not change while the server
 * runs), read once at start, so that telling a file from a page costs no look at the disk.
 */
export function staticFilePaths(clientFolder: string): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(clientFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = relative(clientFolder, `${entry.parentPath}${sep}${entry.name}`);
    paths.add(`/${file.split(sep).join('/')}`);
  }
  return paths;
}

function isStaticFile(files: ReadonlySet<string>, pathname: string): boolean {
  try {
    return files.has(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

export function createSiteServer(handler: Handler, clientFolder: string): Server {
  const files = staticFilePaths(clientFolder);
  return createServer((req, res) => {
    applyProductionHeaders(res);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (refuseUnknownMethod(req, res)) return;
    // Only a proxy we run may say who the client is or which address they used.
    dropUntrustedForwarding(req);
    pinHost(req);
    if (!isReadableAddress(req.url ?? '/')) {
      // The Open Referral UK API answers in JSON, as every other answer of its is.
      if ((req.url ?? '').startsWith('/openreferral')) {
        res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ error: 'invalid_address', message: 'The address has a broken % escape in it. Check how it was encoded.' }));
        return;
      }
      req.url = BAD_ADDRESS_PATH;
    }
    const pathname = (req.url ?? '/').split('?')[0]!;
    res.setHeader('Cache-Control', cacheControlFor(pathname, isStaticFile(files, pathname)));
    // Brotli or gzip for text, decided when the headers go out (src/lib/http/compress.ts).
    compressResponse(req, res);
    // Streams made while answering see how fast this client reads (src/lib/http/response-flow.ts).
    withResponse(res, () => handler(req, res));
  });
}
