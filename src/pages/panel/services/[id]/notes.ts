// POST /panel/services/<id>/notes: add a practitioner note to a listing, or archive one
// (action=archive, note=<id>). Success goes back to the service page's notes (303); a refused
// note re-renders the service page with the text kept and the reason beside the box (400).
import type { APIRoute } from 'astro';
import { getApp } from '../../../../lib/app';
import { panelRedirect, requirePermission } from '../../../../lib/accounts/guard';
import { readService } from '../../../../lib/directory/service-reader';
import { readPostedForm } from '../../../../lib/http/form-body';
import { addNote, archiveNote, noteFormSchema, setNoteDraft } from '../../../../lib/notes/notes';
import { phonesOf } from '../../../../lib/notes/service-phones';
import { servicePath as servicePathOf } from '../../../../lib/service-paths';

const MAX_FORM_BYTES = 16 * 1024;

export const POST: APIRoute = async (context) => {
  const guard = requirePermission(context, 'notes:write');
  if (!guard.ok) return guard.response;
  const { user } = guard.session;
  const id = context.params.id ?? '';
  const { directory } = await getApp();
  const service = id ? await readService(directory.db, id) : undefined;
  if (!service)
    return new Response('There is no such service.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const servicePath = servicePathOf(service.id);

  const posted = await readPostedForm(context.request, MAX_FORM_BYTES);
  const form = posted.ok ? posted.form : new URLSearchParams();
  const fields = {
    action: String(form.get('action') ?? 'add') || 'add',
    body: String(form.get('body') ?? ''),
    note: String(form.get('note') ?? ''),
  };
  const parsed = noteFormSchema(phonesOf(service)).safeParse(posted.ok ? fields : { ...fields, body: 'x'.repeat(MAX_FORM_BYTES) });
  if (!parsed.success) {
    if (fields.action !== 'add') return panelRedirect(`${servicePath}?note=not-found#notes`);
    setNoteDraft(context.locals, {
      body: fields.body.slice(0, 5000),
      error: parsed.error.issues[0]?.message ?? 'This note could not be added. Please try again.',
    });
    // A GET of the service page, as this person sees it, with the draft in locals.
    const headers = new Headers(context.request.headers);
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) headers.delete(name);
    const page = await context.rewrite(new Request(new URL(servicePath, context.url), { headers }));
    return new Response(page.body, { status: 400, headers: page.headers });
  }
  if (parsed.data.action === 'add') {
    await addNote(directory.db, { serviceId: service.id, authorId: user.id, body: parsed.data.body });
    return panelRedirect(`${servicePath}?note=added#notes`);
  }
  const outcome = await archiveNote(directory.db, { serviceId: service.id, noteId: parsed.data.note, user });
  return panelRedirect(`${servicePath}?note=${outcome}#notes`);
};
