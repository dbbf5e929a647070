// The OpenAPI description this API serves at /openreferral/openapi.json: the UK profile's
// endpoints, operation ids and schemas (by the profile's own addresses), with this server as
// the one to call, so the ORUK validator and other tools can find and check every endpoint.
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './parameters';
import { appConfig, publicUrl, type Config } from '../../config';

const PROFILE_SCHEMAS = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';

/** This API's address as the public sees it (publicUrl in src/lib/config.ts). */
export function apiBaseUrl(requestUrl: URL, stub: string, config: Config = appConfig()): string {
  return `${publicUrl(config, requestUrl)}${stub}`;
}

const pageOf = (itemSchema: string) => ({
  allOf: [{ $ref: '#/components/schemas/Page' }],
  properties: { contents: { type: 'array', items: { $ref: itemSchema } } },
});

const idParameter = (what: string) => [
  {
    in: 'path',
    name: 'id',
    required: true,
    description: `The id of the ${what}.`,
    schema: { type: 'string' },
  },
];

const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ in: 'query', name, description, schema });

const PAGING = [
  query('page', 'The page of results, counting from 1.', { type: 'integer', minimum: 1, default: 1 }),
  query('per_page', `How many results a page holds (more than ${MAX_PER_PAGE} is cut to ${MAX_PER_PAGE}).`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: DEFAULT_PER_PAGE,
  }),
];

const SEARCH = [
  query('search', 'Words to search for in services.'),
  query('taxonomy_term_id', 'Only services filed under this taxonomy term (or one below it).'),
  query('taxonomy_id', 'Only services filed under a term of this taxonomy.'),
  query('postcode', 'A UK postcode: results nearest first, within their service areas.'),
  query('proximity', 'With postcode: only places within this many metres.', { type: 'number', minimum: 0 }),
  query('day', 'Only services open on this day (MO, TU ... SU).'),
  query('start_time', 'Only services open at or after this time (HH:MM).'),
  query('end_time', 'Only services open at or before this time (HH:MM).'),
  query('minimum_age', 'Only services for people this old or older.', { type: 'integer' }),
  query('maximum_age', 'Only services for people this old or younger.', { type: 'integer' }),
  query('modified_after', 'Only services changed after this date and time.', { type: 'string', format: 'date-time' }),
];
const FORMAT = query('format', 'json (pages, the default) or ndjson (every service, one full record a line).', { type: 'string', enum: ['json', 'ndjson'] });

function operation(operationId: string, summary: string, schema: Record<string, unknown>, parameters: unknown[] = []) {
  return {
    operationId,
    summary,
    ...(parameters.length ? { parameters } : {}),
    responses: {
      200: { description: summary, content: { 'application/json': { schema } } },
      ...(operationId.endsWith('ById') ? { 404: { description: 'Nothing has that id.' } } : {}),
      429: { description: 'Too many requests from one address: wait as long as the Retry-After header says.' },
    },
  };
}

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  return {
    openapi: '3.0.0',
    info: {
      title: 'Open Referral UK API of this community asset directory',
      version: '3.0',
      description: 'The Open Referral UK profile (HSDS 3.0) API. Extra properties this directory adds are described in its docs/data-model.md ("In the API").',
      license: { name: 'Creative Commons Attribution Share-Alike 4.0 license', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
    },
    servers: [{ url: baseUrl, description: 'This directory' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/': {
        get: operation('getAPIMetaInformation', 'Information about this API and its relationship with HSDS.', {
          type: 'object',
          properties: {
            version: { type: 'string', description: 'HSDS version of this API.' },
            profile: { type: 'string', format: 'uri', description: 'URL of the information on the HSDS profile of this API.' },
            openapi_url: { type: 'string', format: 'uri', description: 'URL of the openapi JSON file which defines this API.' },
          },
        }),
      },
      '/services': {
        get: operation('getPaginatedListOfServices', 'A page of services (full records).', pageOf(`${PROFILE_SCHEMAS}/compiled/service_list.json`), [
          ...SEARCH,
          ...PAGING,
          FORMAT,
        ]),
      },
      '/services/{id}': {
        get: operation('getFullyNestedServiceById', 'One service, fully nested.', { $ref: `${PROFILE_SCHEMAS}/compiled/service.json` }, idParameter('service')),
      },
      '/service_at_locations': {
        get: operation(
          'getPaginatedListOfServiceAtLocation',
          'A page of services at their places.',
          pageOf(`${PROFILE_SCHEMAS}/compiled/service_at_location_list.json`),
          [...SEARCH, ...PAGING],
        ),
      },
      '/service_at_locations/{id}': {
        get: operation(
          'getServiceAtLocationWithNestedDataById',
          'One service at one place, fully nested.',
          { $ref: `${PROFILE_SCHEMAS}/compiled/service_at_location.json` },
          idParameter('service at location'),
        ),
      },
      '/organizations': {
        get: operation('getPaginatedListOfOrganizations', 'A page of organisations.', pageOf(`${PROFILE_SCHEMAS}/compiled/organization_list.json`), PAGING),
      },
      '/organizations/{id}': {
        get: operation(
          'getOrganizationById',
          'One organisation with its services.',
          { $ref: `${PROFILE_SCHEMAS}/compiled/organization.json` },
          idParameter('organisation'),
        ),
      },
      '/taxonomies': {
        get: operation('getPaginatedListOfTaxonomies', 'A page of taxonomies.', pageOf(`${PROFILE_SCHEMAS}/taxonomy.json`), PAGING),
      },
      '/taxonomies/{id}': {
        get: operation('getTaxonomyById', 'One taxonomy.', { $ref: `${PROFILE_SCHEMAS}/taxonomy.json` }, idParameter('taxonomy')),
      },
      '/taxonomy_terms': {
        get: operation('getPaginatedListOfTaxonomyTerms', 'A page of taxonomy terms.', pageOf(`${PROFILE_SCHEMAS}/taxonomy_term.json`), [
          query('taxonomy_id', 'Only terms of this taxonomy.'),
          query('parent_id', 'Only terms directly below this one.'),
          query('top_only', 'Only terms with no parent.', { type: 'boolean' }),
          ...PAGING,
        ]),
      },
      '/taxonomy_terms/{id}': {
        get: operation('getTaxonomyTermById', 'One taxonomy term.', { $ref: `${PROFILE_SCHEMAS}/taxonomy_term.json` }, idParameter('taxonomy term')),
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            total_items: { type: 'integer', description: 'The total number of entities returned' },
            total_pages: { type: 'integer', description: 'Count of total pages.' },
            page_number: { type: 'integer', description: 'The number of the current page' },
            size: { type: 'integer', description: 'The number of entities in the current page.' },
            first_page: { type: 'boolean', description: 'Whether this is the first page' },
            last_page: { type: 'boolean', description: 'Whether this is the last page' },
            empty: { type: 'boolean', description: 'Whether the result set is empty' },
          },
        },
      },
    },
  };
}
