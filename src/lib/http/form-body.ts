// Reading a posted form safely: only form content types, never more than a limit of bytes (even
// when the body arrives in chunks with no Content-Length), and no control characters in any field.

export type PostedForm = { ok: true; form: URLSearchParams | FormData } | { ok: false; reason: 'too-large' | 'not-a-form' };

/**
 * A request's or response's body, read no further than `limit` bytes (even when it arrives in
 * chunks with no Content-Length); null when it is longer.
 */
export async function readBody(request: Request | Response, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) {
    await request.body?.cancel();
    return null;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** C0 controls but tab and newline, DEL, and C1 controls (the terminal's escape sequences among them). */
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as a person could have typed it: line ends as "\n" (browsers send "\r\n"), tabs kept,
 * every other control character (NUL, escape, backspace ...) taken out, so none is ever stored or
 * shown to the panel, in a CSV or on a terminal.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}

function cleanForm<T extends URLSearchParams | FormData>(form: T): T {
  const cleaned = (form instanceof URLSearchParams ? new URLSearchParams() : new FormData()) as T;
  for (const [name, value] of form.entries()) {
    const key = withoutControlCharacters(name);
    if (typeof value === 'string') cleaned.append(key, withoutControlCharacters(value));
    else (cleaned as FormData).append(key, value);
  }
  return cleaned;
}

/** The fields of an urlencoded or multipart form post, read no further than `limitBytes`, control characters removed. */
export async function readPostedForm(request: Request, limitBytes: number): Promise<PostedForm> {
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const multipart = contentType.includes('multipart/form-data');
  if (contentType !== '' && !multipart && !contentType.includes('application/x-www-form-urlencoded')) return { ok: false, reason: 'not-a-form' };
  const body = await readBody(request, limitBytes);
  if (body === null) return { ok: false, reason: 'too-large' };
  if (!multipart) return { ok: true, form: cleanForm(new URLSearchParams(new TextDecoder().decode(body))) };
  try {
    return { ok: true, form: cleanForm(await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()) };
  } catch {
    return { ok: true, form: new URLSearchParams() }; // a broken multipart body: every field missing
  }
}
