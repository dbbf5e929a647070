// Practitioner notes over HTTP against the built server: a link worker adds one and sees it on the
// service page; the public and org editors never get its text; notes that look like they hold a
// client's NHS number, date of birth or National Insurance number are refused with the reason
// (the service's own phone number is fine); archiving hides a note but keeps its row; no form token, no note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import { personalIdentifierIn, NOTE_MAX_LENGTH } from '../../src/lib/notes/notes';
import { uuidFor } from '../../src/lib/ids';
import { startServer, type RunningServer } from '../fixtures/server';
import { LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';
import { service } from '../fixtures/services';

const CAFE = service({
  code: 'notes-cafe',
  name: 'Notes Memory Cafe',
  organization: 'notes-org',
  extra: { phones: [{ id: uuidFor('phone', 'notes-cafe'), number: '0191 498 0123' }] },
});
const ORGANISATION_ID = uuidFor('organization', 'notes-org');
const SECOND_LINK_WORKER = { ...LINK_WORKER, email: 'second.linkworker@example.org', name: 'Sam Second' };
const NOTE = 'Ring Jo first on 0191 498 0123, she meets new people at the door.';
const notesPath = `/panel/services/${CAFE.id}/notes`;
const servicePath = `/services/${CAFE.id}`;

let server: RunningServer;
let linkWorker: SignedIn;
let secondLinkWorker: SignedIn;
let editor: SignedIn;
let panel: SignedIn;

const noteRows = async () => {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return await directory.db.selectFrom('practitioner_note').select(['id', 'body', 'author_id', 'archived_at', 'archived_by']).orderBy('created_at').execute();
  } finally {
    await directory.close();
  }
};

beforeAll(async () => {
  server = await startServer({
    fixtures: [CAFE],
    users: [LINK_WORKER, SECOND_LINK_WORKER, PANEL, { ...ORG_EDITOR, organisations: [ORGANISATION_ID], trusted: true }],
  });
  [linkWorker, secondLinkWorker, editor, panel] = await Promise.all([
    signInAs(server, LINK_WORKER),
    signInAs(server, SECOND_LINK_WORKER),
    signInAs(server, ORG_EDITOR),
    signInAs(server, PANEL),
  ]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const pageAs = async (who: SignedIn | null) => (await getAs(server, who, servicePath)).text();

describe("what looks like a client's details", () => {
  it('finds NHS numbers, dates of birth and National Insurance numbers, not phone numbers', () => {
    expect(personalIdentifierIn('Client 943 476 5919 came on Tuesday')).toBe('nhs_number');
    expect(personalIdentifierIn('NHS no 9434765919')).toBe('nhs_number');
    expect(personalIdentifierIn('DOB 3/4/1950, likes the quiz')).toBe('date_of_birth');
    expect(personalIdentifierIn('she was born on 3 May 1950')).toBe('date_of_birth');
    expect(personalIdentifierIn('NI number QQ 12 34 56 C')).toBe(null); // QQ is never given out
    expect(personalIdentifierIn('NI number AB 12 34 56 C')).toBe('national_insurance');
    expect(personalIdentifierIn('ab123456c')).toBe('national_insurance');
    expect(personalIdentifierIn('Ring 0191 498 0123 or 07700 900123 before 10am')).toBe(null);
    expect(personalIdentifierIn('Ring +44 191 498 0123')).toBe(null);
    expect(personalIdentifierIn('Ring 1914980123', ['0191 498 0123'])).toBe(null);
    expect(personalIdentifierIn('Ring 1914980123')).toBe('nhs_number');
    expect(personalIdentifierIn('Open since 2019, about 30 people each week')).toBe(null);
  });
});

describe('practitioner notes over HTTP', () => {
  it('lets a link worker add a note, and shows it on the service page with who wrote it and when', async () => {
    const response = await postAs(server, linkWorker, notesPath, { action: 'add', body: NOTE });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${servicePath}?note=added#notes`);
    const html = await (await getAs(server, linkWorker, `${servicePath}?note=added`)).text();
    expect(html).toContain('Notes for practitioners (not shown to the public)');
    expect(html).toContain(NOTE);
    expect(html).toContain('Added by Lin Worker on');
    expect(html).toContain('Your note was added.');
    expect(html).toMatch(/name="csrf" value="[^"]+"/);
    expect(await noteRows()).toHaveLength(1);
    // Never kept in a cache when signed in; the public page is cached as before.
    expect((await getAs(server, linkWorker, servicePath)).headers.get('cache-control')).toBe('no-store');
    expect((await getAs(server, null, servicePath)).headers.get('cache-control')).toBe('private, no-cache');
  });

  it('never shows notes to the public or to an org editor, even of this organisation', async () => {
    const anonymous = await pageAs(null);
    expect(anonymous).not.toContain(NOTE);
    expect(anonymous).not.toContain('Notes for practitioners');
    expect(anonymous).toContain(`href="${servicePath}/suggest"`);
    expect(anonymous).not.toContain('Edit this listing');
    const editorPage = await pageAs(editor);
    expect(editorPage).not.toContain(NOTE);
    expect(editorPage).not.toContain('Notes for practitioners');
    // An editor of a trusted organisation may edit it and see its history.
    expect(editorPage).toContain(`href="/panel/services/${CAFE.id}/edit"`);
    expect(editorPage).toContain(`href="/panel/services/${CAFE.id}/history"`);
    // An org editor may not post one either.
    expect((await postAs(server, editor, notesPath, { action: 'add', body: 'Editor note' })).status).toBe(403);
    expect(await noteRows()).toHaveLength(1);
  });

  it('refuses a note that looks like it holds an NHS number, keeps the text, and says why beside the box', async () => {
    const body = 'Mrs Smith, NHS 943 476 5919, is coming on Tuesday';
    const response = await postAs(server, linkWorker, notesPath, { action: 'add', body });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('This note looks like it holds an NHS number (10 digits)');
    expect(html).toContain('id="note-body-error"');
    expect(html).toMatch(/<textarea id="note-body"[^>]*aria-invalid="true"[^>]*>Mrs Smith, NHS 943 476 5919/);
    expect(html).toContain('role="alert"');
    expect(await noteRows()).toHaveLength(1);
  });

  it('refuses a date of birth, a National Insurance number, an empty note and one too long', async () => {
    const cases: [string, string][] = [
      ['Client DOB 01/02/1960', 'looks like it holds someone&#39;s date of birth'],
      ['His NI number is AB 12 34 56 C', 'looks like it holds a National Insurance number'],
      ['   ', 'Write your note in the box first.'],
      ['x'.repeat(NOTE_MAX_LENGTH + 1), 'A note can have at most 1,000 characters.'],
    ];
    for (const [body, message] of cases) {
      const response = await postAs(server, linkWorker, notesPath, { action: 'add', body });
      expect(response.status, body.slice(0, 30)).toBe(400);
      expect((await response.text()).replace(/&#x27;|'/g, '&#39;'), body.slice(0, 30)).toContain(message);
    }
    expect(await noteRows()).toHaveLength(1);
  });

  it('refuses a post without the form token (403) and adds nothing', async () => {
    const response = await postAs(server, linkWorker, notesPath, { action: 'add', body: 'No token note' }, null);
    expect(response.status).toBe(403);
    expect(await noteRows()).toHaveLength(1);
  });

  it('lets only the author (or the panel) archive a note: it is hidden but its row is kept', async () => {
    const [note] = await noteRows();
    const refused = await postAs(server, secondLinkWorker, notesPath, { action: 'archive', note: note!.id });
    expect(refused.headers.get('location')).toBe(`${servicePath}?note=not-allowed#notes`);
    expect((await noteRows())[0]!.archived_at).toBeNull();
    // Only the author gets the archive button.
    expect(await pageAs(secondLinkWorker)).not.toContain('Archive this note');

    const archived = await postAs(server, linkWorker, notesPath, { action: 'archive', note: note!.id });
    expect(archived.status).toBe(303);
    expect(archived.headers.get('location')).toBe(`${servicePath}?note=archived#notes`);
    const html = await pageAs(linkWorker);
    expect(html).not.toContain(NOTE);
    expect(html).toContain('There are no notes on this service yet.');
    const [row] = await noteRows();
    expect(row!.body).toBe(NOTE);
    expect(row!.archived_at).not.toBeNull();

    // The panel may archive anyone's note.
    await postAs(server, secondLinkWorker, notesPath, { action: 'add', body: 'Closed in August for the holidays.' });
    const second = (await noteRows()).find((row) => row.body.startsWith('Closed in August'))!;
    expect((await postAs(server, panel, notesPath, { action: 'archive', note: second.id })).headers.get('location')).toBe(`${servicePath}?note=archived#notes`);
    expect((await noteRows()).every((row) => row.archived_at)).toBe(true);
  });

  it('keeps the notes and the edit links out of print', async () => {
    const html = await pageAs(panel);
    expect(html).toMatch(/<section id="notes" class="practitioner-notes no-print"/);
    expect(html).toMatch(/<ul class="service-actions no-print"/);
  });
});
