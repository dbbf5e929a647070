// The Open Referral UK API's responses: JSON with open CORS, errors as JSON naming what went
// wrong, the preflight answer, and the UK profile's page envelope.

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

const JSON_TYPE = 'application/json; charset=utf-8';
export const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...CORS_HEADERS, ...headers },
  });
}

export interface ApiParameterError {
  parameter: string;
  message: string;
}

export function invalidParameters(errors: ApiParameterError[]): Response {
  return jsonResponse(
    {
      error: 'invalid_parameter',
      message: errors.map((error) => `${error.parameter}: ${error.message}`).join(' '),
      errors,
    },
    400,
  );
}

export function notFound(message: string): Response {
  return jsonResponse({ error: 'not_found', message }, 404);
}

export function tooManyRequests(retryAfterSeconds: number): Response {
  return jsonResponse(
    {
      error: 'rate_limited',
      message: `Too many requests from your address. Wait ${retryAfterSeconds} seconds and try again.`,
      retry_after_seconds: retryAfterSeconds,
    },
    429,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** The API is read-only. */
export function methodNotAllowed(): Response {
  return jsonResponse({ error: 'method_not_allowed', message: 'This API is read-only: use GET.' }, 405, { allow: 'GET, HEAD, OPTIONS' });
}

/** The answer to a CORS preflight (OPTIONS): any origin may GET. */
export function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') || 'Accept, Content-Type',
      'access-control-max-age': '86400',
      allow: 'GET, HEAD, OPTIONS',
    },
  });
}

/** The UK profile's paginated list ("Page" in its openapi.json). */
export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function pageOf<T>(contents: T[], totalItems: number, pageNumber: number, perPage: number): Page<T> {
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
