// GET /api/search: the directory's search as JSON. Bad parameters get 400 naming the parameter.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { parseSearchParams } from '../../lib/search/filters';
import { toSearchResponse } from '../../lib/search/search-response';
import { searchOrigin } from '../../lib/search/search-origin';
import { checkLanguages } from '../../lib/search/language-check';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
  });

export const GET: APIRoute = async ({ url }) => {
  const parsed = parseSearchParams(url.searchParams);
  const { search, directory } = await getApp();
  const place = await searchOrigin(directory.db, parsed.query);
  const languages = await checkLanguages(search, parsed.query);
  const errors = [
    ...(parsed.ok ? [] : parsed.errors),
    ...(languages.error ? [languages.error] : []),
    ...(place.error ? [{ ...place.error, suggestions: place.suggestions }] : []),
  ];
  if (errors.length) {
    return json(
      {
        error: 'invalid_parameter',
        message: errors.map((error) => `${error.parameter}: ${error.message}`).join(' '),
        errors,
      },
      400,
    );
  }
  const result = await search.search(parsed.query, { facets: true, origin: place.origin });
  // A search that found nothing is counted (first page only) by category and area, never by its words.
  // Searches that find nothing are counted from the site's own page only (src/pages/search.astro),
  // where people search: the API is also called by other systems, which would swell the counts.
  return json({
    ...toSearchResponse(parsed.query, result, place.origin),
    near: place.origin
      ? {
          label: place.origin.label,
          latitude: place.origin.latitude,
          longitude: place.origin.longitude,
          precision: place.origin.precision,
          note: place.origin.note,
        }
      : null,
  });
};
