// GET /api/search: the directory's search as JSON. Bad parameters get 400 naming the parameter.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { parseSearchParams } from '../../lib/search/filters';
import { toSearchResponse } from '../../lib/search/search-response';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
  });

export const GET: APIRoute = async ({ url }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) {
    return json({
      error: 'invalid_parameter',
      message: parsed.errors.map((error) => `${error.parameter}: ${error.message}`).join(' '),
      errors: parsed.errors,
    }, 400);
  }
  const { search } = await getApp();
  const result = await search.search(parsed.query, { facets: true });
  return json(toSearchResponse(parsed.query, result));
};
