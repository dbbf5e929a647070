// The HTTP server around Astro's built handler: adds the headers every response needs, and
// answers an address the server cannot read with a kind page instead of Node's plain "Bad request.".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS, cacheControlFor, isReadableAddress } from './response-headers';
import { compressResponse } from './compress';
import { dropUntrustedForwarding, pinHost, refuseUnknownMethod } from './request-guards';
import { applyProductionHeaders } from './production-headers';
import { withResponse } from './response-flow';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The page shown for an address with a broken escape in it (src/pages/bad-address.astro). */
export const BAD_ADDRESS_PATH = '/bad-address';

function isStaticFile(clientFolder: string, pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = normalize(join(clientFolder, decoded));
  if (!file.startsWith(clientFolder.endsWith(sep) ? clientFolder : clientFolder + sep)) return false;
  return existsSync(file) && statSync(file).isFile();
}

export function createSiteServer(handler: Handler, clientFolder: string): Server {
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
    res.setHeader('Cache-Control', cacheControlFor(pathname, isStaticFile(clientFolder, pathname)));
    // Brotli or gzip for text, decided when the headers go out (src/lib/http/compress.ts).
    compressResponse(req, res);
    // Streams made while answering see how fast this client reads (src/lib/http/response-flow.ts).
    withResponse(res, () => handler(req, res));
  });
}
