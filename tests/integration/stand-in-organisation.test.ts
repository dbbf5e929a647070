// Records that name no organisation are filed under a stand-in ("Organisation not given"). Who
// may edit them, on a real SQLite file through the editor's own functions: each record gets its
// own stand-in (or the one its organization_id names), nobody can file another listing under a
// stand-in through the editor, and an editor of one stand-in gains no other service. Editing such
// a listing keeps what its feed sent that the directory keeps whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { asPublished, readServedRecords } from '../../src/lib/openreferral/api/records';
import { createUser, editAccess } from '../../src/lib/accounts/users';
import type { SessionUser } from '../../src/lib/accounts/sessions';
import { editorSecret, handleEditorPost, organisationChoices } from '../../src/lib/edit-pages/form-page';
import { sealRecord } from '../../src/lib/editing/form-conflict';
import { readRecord, recordVersion } from '../../src/lib/editing/publish';
import { recordToValues, valuesToFields, type EditorValues } from '../../src/lib/editing/form';
import { STAND_IN_ORGANIZATION_NAME } from '../../src/lib/openreferral-schema/normalise-record';
import { organisationsPage } from '../../src/lib/admin/organisations';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

type Json = Record<string, unknown>;
const uuid = (n: number) => `5a1d0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NOW = new Date('2026-11-21T10:00:00Z');

/** A fixture service as a feed without an organisation would send it (organization_id optional). */
function withoutOrganisation(code: string, name: string, organizationId?: string): Json {
  const { organization: _organization, ...record } = service({ code, name });
  return organizationId ? { ...record, organization_id: organizationId } : record;
}

const OWNED = service({ code: 'stand-in-owned', name: 'Heaton Lunch Club', organization: 'Heaton Community Trust' });
const { id: OWNED_ORG, name: OWNED_ORG_NAME } = OWNED.organization as { id: string; name: string };
const LONE_1 = withoutOrganisation('stand-in-lone-1', 'Byker Walking Group');
const LONE_2 = withoutOrganisation('stand-in-lone-2', 'Walker Craft Circle');
const NAMED_1 = withoutOrganisation('stand-in-named-1', 'Fenham Chess Club', uuid(1));
const NAMED_2 = withoutOrganisation('stand-in-named-2', 'Fenham Board Games', uuid(1));

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
let panel: SessionUser;
let ownEditor: SessionUser;
let loneEditor: SessionUser;

async function editorFor(email: string, organisationId: string): Promise<SessionUser> {
  const user = await createUser(scratch.directory.db, { email, role: 'org_editor', name: email }, NOW);
  await scratch.directory.db
    .insertInto('organization_editor')
    .values({ user_id: user.id, organization_id: organisationId, added_at: NOW.toISOString(), added_by: null })
    .execute();
  await scratch.directory.db
    .insertInto('trusted_organization')
    .values({ organization_id: organisationId, trusted_at: NOW.toISOString(), trusted_by: 'test' })
    .execute();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const organisationOf = async (id: string) => (await readRecord(scratch.directory.db, id))!.organization;

/** Posts the editor's form for a listing as it stands, with `change` made to its values. */
async function postEdit(user: SessionUser, id: string, change: (values: EditorValues) => EditorValues) {
  const current = (await readRecord(scratch.directory.db, id))!;
  const secret = await editorSecret(scratch.directory.db);
  const form = new URLSearchParams(valuesToFields(change(recordToValues(current))));
  form.set('opened', sealRecord(current, secret));
  form.set('version', recordVersion(current));
  form.set('action', 'save');
  return handleEditorPost({ directory: scratch.directory, search: scratch.search, user, current, now: NOW }, form);
}

beforeEach(async () => {
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, [OWNED, LONE_1, LONE_2, NAMED_1, NAMED_2], { today: TODAY });
  expect(report.invalid).toEqual([]);
  const user = await createUser(scratch.directory.db, { email: 'panel@example.org', role: 'panel', name: 'Pat Panel' }, NOW);
  panel = { id: user.id, email: user.email, name: user.name, role: user.role };
  ownEditor = await editorFor('own@example.org', OWNED_ORG);
  loneEditor = await editorFor('lone@example.org', (await organisationOf(LONE_1.id as string)).id);
});
afterEach(async () => {
  await scratch.cleanup();
});

describe('a stand-in organisation', () => {
  it('is one per record that names no organisation, and shared only by records naming the same organization_id', async () => {
    const [lone1, lone2, named1, named2] = await Promise.all([LONE_1, LONE_2, NAMED_1, NAMED_2].map((record) => organisationOf(record.id as string)));
    for (const organisation of [lone1, lone2, named1, named2]) expect(organisation!.name).toBe(STAND_IN_ORGANIZATION_NAME);
    expect(lone1!.id).not.toBe(lone2!.id);
    expect(named1!.id).toBe(uuid(1));
    expect(named2!.id).toBe(uuid(1));
  });

  it("gives its editor that service and no other: not the other stand-ins' services, not anyone else's", async () => {
    const access = async (user: SessionUser, id: string) => editAccess(scratch.directory.db, user, (await organisationOf(id)).id);
    expect(await access(loneEditor, LONE_1.id as string)).toBe('publish');
    for (const other of [LONE_2, NAMED_1, NAMED_2, OWNED]) expect(await access(loneEditor, other.id as string), other.name as string).toBeNull();
    for (const other of [LONE_1, LONE_2, NAMED_1, NAMED_2]) expect(await access(ownEditor, other.id as string), other.name as string).toBeNull();
  });

  it("is not offered in the editor's organisation list, except to its own editors", async () => {
    const panelChoices = await organisationChoices(scratch.directory.db, panel);
    expect(panelChoices.map((choice) => choice.name)).toEqual([OWNED_ORG_NAME]);
    expect((await organisationChoices(scratch.directory.db, loneEditor)).map((choice) => choice.id)).toEqual([(await organisationOf(LONE_1.id as string)).id]);
    expect((await organisationChoices(scratch.directory.db, ownEditor)).map((choice) => choice.id)).toEqual([OWNED_ORG]);
  });

  it('cannot be given to another listing through the editor, so its editor cannot take that listing over', async () => {
    const loneOrg = (await organisationOf(LONE_1.id as string)).id;
    // The panel may choose any organisation, but not another listing's stand-in.
    const moved = await postEdit(panel, OWNED.id, (values) => ({ ...values, organization_id: loneOrg }));
    expect(moved).toMatchObject({ page: 'form', status: 400, errors: { organization_id: expect.stringContaining('Choose the organisation') } });
    expect((await organisationOf(OWNED.id)).id).toBe(OWNED_ORG);
    expect(await editAccess(scratch.directory.db, loneEditor, (await organisationOf(OWNED.id)).id)).toBeNull();
    // Nor can the stand-in's editor move their listing under another stand-in, or someone else's organisation.
    for (const target of [(await organisationOf(LONE_2.id as string)).id, uuid(1), OWNED_ORG]) {
      const outcome = await postEdit(loneEditor, LONE_1.id as string, (values) => ({ ...values, organization_id: target }));
      expect(outcome.page === 'forbidden' || (outcome.page === 'form' && outcome.errors.organization_id), target).toBeTruthy();
      expect((await organisationOf(LONE_1.id as string)).id).toBe(loneOrg);
    }
  });

  it("stays the listing's own when its editor saves it; the listing is still published without an organisation", async () => {
    const loneOrg = (await organisationOf(LONE_1.id as string)).id;
    const saved = await postEdit(loneEditor, LONE_1.id as string, (values) => ({ ...values, description: 'Walks every Tuesday from the library.' }));
    expect(saved).toEqual({ page: 'saved', id: LONE_1.id });
    const stored = (await readRecord(scratch.directory.db, LONE_1.id as string))!;
    expect(stored.description).toBe('Walks every Tuesday from the library.');
    expect(stored.organization).toMatchObject({ id: loneOrg, name: STAND_IN_ORGANIZATION_NAME });
    const published = asPublished((await readServedRecords(scratch.directory.db, [LONE_1.id as string]))[0]!);
    expect(published.organization).toBeUndefined();
    // The other stand-ins are untouched, and no second listing shares this one.
    expect((await scratch.directory.db.selectFrom('service').select('id').where('organization_id', '=', loneOrg).execute()).map((row) => row.id)).toEqual([
      LONE_1.id,
    ]);
  });

  it('becomes the real organisation when a later record gives it in full: every listing under it is then published with it', async () => {
    const full = service({ code: 'stand-in-named-3', name: 'Fenham Puzzle Club' }) as Json;
    const organisation = { ...(full.organization as Json), id: uuid(1), name: 'Fenham Games Society' };
    expect((await importRecords(scratch.directory, scratch.search, [{ ...full, organization: organisation }], { today: TODAY })).invalid).toEqual([]);
    for (const record of [NAMED_1, NAMED_2]) {
      const published = asPublished((await readServedRecords(scratch.directory.db, [record.id as string]))[0]!);
      expect(published.organization, record.name as string).toMatchObject({ id: uuid(1), name: 'Fenham Games Society' });
    }
    expect((await organisationChoices(scratch.directory.db, panel)).map((choice) => choice.name)).toContain('Fenham Games Society');
  });

  it('in one file, whichever comes first: the organisation given in full is stored, not the stand-in for it', async () => {
    const organisation = { id: uuid(30), name: 'Walker Allotment Society', description: 'Growing food together.' };
    const full = { ...service({ code: 'stand-in-full-30', name: 'Walker Seed Swap' }), organization: organisation };
    const onlyId = withoutOrganisation('stand-in-id-30', 'Walker Plot Share', uuid(30));
    for (const order of [
      [full, onlyId],
      [onlyId, full],
    ]) {
      const again = await scratchDirectory();
      try {
        const report = await importRecords(again.directory, again.search, order, { today: TODAY });
        expect(report.invalid).toEqual([]);
        for (const record of [full, onlyId]) {
          expect((await readRecord(again.directory.db, record.id as string))!.organization, record.name as string).toMatchObject(organisation);
        }
      } finally {
        await again.cleanup();
      }
    }
  });

  it('is told apart on the organisations page by the listings it stands in for, so an editor is added to the right one', async () => {
    const { organisations } = await organisationsPage(scratch.directory.db, { pageSize: 100 });
    const names = organisations.map((organisation) => organisation.name);
    expect(names).toEqual(
      expect.arrayContaining([
        `${STAND_IN_ORGANIZATION_NAME}, for ${LONE_1.name}`,
        `${STAND_IN_ORGANIZATION_NAME}, for ${LONE_2.name}`,
        `${STAND_IN_ORGANIZATION_NAME}, for ${NAMED_2.name} and 1 other`,
        OWNED_ORG_NAME,
      ]),
    );
    expect(organisations.find((organisation) => organisation.id === uuid(1))).toMatchObject({ services: 2 });
  });

  it('a record naming an organisation the directory has, by organization_id alone, is filed under it and says so', async () => {
    const record = withoutOrganisation('stand-in-claims', 'Heaton Coffee Morning', OWNED_ORG);
    const report = await importRecords(scratch.directory, scratch.search, [record], { today: TODAY });
    expect(report.normalised).toEqual([
      expect.objectContaining({ path: 'organization', message: expect.stringContaining(`only organization_id "${OWNED_ORG}"`) }),
    ]);
    // The organisation itself is not overwritten by the stand-in.
    expect(await organisationOf(record.id as string)).toMatchObject({ id: OWNED_ORG, name: OWNED_ORG_NAME });
  });
});

describe('editing a listing whose feed sent objects the directory keeps whole', () => {
  it('keeps its id-only place, term-less attribute, repeated phone and unknown fields, and serves them back as before', async () => {
    const base = service({ code: 'stand-in-kept', name: 'Elswick Gardeners', organization: 'Heaton Community Trust' });
    const phone = { id: uuid(20), number: '0191 000 0020' };
    const record = {
      ...base,
      council_ref: 'NCL-20',
      phones: [phone],
      contacts: [{ id: uuid(21), name: 'Sam', phones: [phone] }],
      service_at_locations: [{ id: uuid(22) }, ...(base.service_at_locations as Json[])],
      attributes: [...(base.attributes as Json[]), { id: uuid(23) }],
    };
    const report = await importRecords(scratch.directory, scratch.search, [record], { today: TODAY });
    expect(report.invalid).toEqual([]);
    expect(report.keptWhole).toHaveLength(2);
    const before = asPublished((await readServedRecords(scratch.directory.db, [record.id]))[0]!);
    expect(before.council_ref).toBe('NCL-20');

    const saved = await postEdit(ownEditor, record.id, (values) => ({ ...values, description: 'Growing together on Saturdays.' }));
    expect(saved).toEqual({ page: 'saved', id: record.id });
    const after = asPublished((await readServedRecords(scratch.directory.db, [record.id]))[0]!);
    expect(after.description).toBe('Growing together on Saturdays.');
    expect({ ...after, description: before.description, last_modified: before.last_modified }).toEqual(before);
    expect((after.service_at_locations as Json[])[0]).toEqual({ id: uuid(22) });
    expect((after.attributes as Json[]).at(-1)).toEqual({ id: uuid(23) });
    expect((after.contacts as Json[])[0]!.phones as Json[]).toEqual([phone]);
  });

  it('keeps what the service has at one place only (its schedules, phones and contacts there), which the form does not show', async () => {
    const base = service({ code: 'stand-in-per-place', name: 'Benwell Repair Cafe', organization: 'Heaton Community Trust' });
    const sal = (base.service_at_locations as Json[])[0]!;
    const atThePlace = {
      schedules: [{ id: uuid(40), freq: 'WEEKLY', byday: 'SA', opens_at: '10:00:00', closes_at: '12:00:00' }],
      phones: [{ id: uuid(41), number: '0191 000 0041', extension: 7 }],
      contacts: [{ id: uuid(42), name: 'Jo at the hall' }],
    };
    const record = { ...base, service_at_locations: [{ ...sal, ...atThePlace }] };
    expect((await importRecords(scratch.directory, scratch.search, [record], { today: TODAY })).invalid).toEqual([]);
    const saved = await postEdit(ownEditor, record.id, (values) => ({ ...values, description: 'Bring what is broken.' }));
    expect(saved).toEqual({ page: 'saved', id: record.id });
    const after = asPublished((await readServedRecords(scratch.directory.db, [record.id]))[0]!);
    expect((after.service_at_locations as Json[])[0]).toMatchObject(atThePlace);
  });
});
