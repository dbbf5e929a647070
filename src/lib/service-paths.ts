// The addresses of a service's pages, built in one place: the public page and its forms, and the
// panel's pages for the listing. The id is always encoded, so an id with "/" or "?" in it (other
// publishers' ids are not ours to choose) still names one service.

/** The public pages of a service. */
export type ServicePage = 'report' | 'suggest';
/** The panel's pages for a service. */
export type PanelServicePage = 'edit' | 'history' | 'notes' | 'verify';

/** "/services/<id>", or a page under it ("/services/<id>/report"). */
export function servicePath(id: string, page?: ServicePage): string {
  return `/services/${encodeURIComponent(id)}${page ? `/${page}` : ''}`;
}

/** "/panel/services/<id>", or a page under it ("/panel/services/<id>/edit"). */
export function panelServicePath(id: string, page?: PanelServicePage): string {
  return `/panel/services/${encodeURIComponent(id)}${page ? `/${page}` : ''}`;
}
