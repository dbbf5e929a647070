// The Open Referral UK 3.0 API under /openreferral/ (see src/lib/openreferral/api/router.ts):
// public GET and CORS preflight; every other method is refused with 405.
import type { APIRoute } from 'astro';
import { getApp } from '../../lib/app';
import { requestAddress } from '../../lib/http/rate-limit';
import { API_STUB, handleApiRequest } from '../../lib/openreferral/api/router';
import { methodNotAllowed } from '../../lib/openreferral/api/responses';

const handle: APIRoute = async (context) => {
  const path = context.url.pathname.slice(API_STUB.length);
  return handleApiRequest(await getApp(), {
    request: context.request,
    url: context.url,
    path,
    address: requestAddress(context),
  });
};

export const GET = handle;
// The same answer without its body (Node leaves the body off a HEAD response).
export const HEAD = handle;
export const OPTIONS = handle;
export const ALL: APIRoute = () => methodNotAllowed();
