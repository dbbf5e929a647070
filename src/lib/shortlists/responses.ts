// Small whole-page answers for the shortlist's form endpoints when something is wrong (a bad
// form, no such service, too many new lists), in plain words with a way on.

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function messagePage(status: number, title: string, text: string, headers: Record<string, string> = {}): Response {
  const html =
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/search">Search for services</a> or <a href="/help/talk-to-someone">talk to someone</a>.</p></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}

/** A 303 to a path on this site, never cached. */
export function seeOther(path: string, headers: Headers = new Headers()): Response {
  headers.set('Location', path);
  headers.set('Cache-Control', 'no-store');
  return new Response(null, { status: 303, headers });
}
