// What the service editor's pages do with a post: check the form, build the listing, then preview
// it, publish it (with optimistic concurrency), or store it as a suggestion for the panel; and
// resolve a conflict with someone else's change. The pages only read the request and render.
import type { Kysely } from 'kysely';
import { confirmationSecret } from '../freshness-jobs/confirmation-links';
import type { DatabaseSchema } from '../db/types';
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from '../search/search-backend';
import type { SessionUser } from '../accounts/sessions';
import { can } from '../accounts/roles';
import { editAccess, editorOrganisationIds } from '../accounts/users';
import { validateRecord } from '../openreferral-schema/validate-record';
import { STAND_IN_ORGANIZATION_NAME } from '../openreferral-schema/normalise-record';
import type { OrganizationRecord, ServiceRecord } from '../openreferral-schema/schemas';
import { createSuggestion } from '../suggestions/store';
import { todayInUk } from '../dates';
import {
  diffRecords,
  EditConflictError,
  InvalidRecordError,
  publishRecord,
  readRecord,
  recordVersion,
  RECORD_FIELDS,
  type FieldDifference,
  type RecordField,
} from '../editing/publish';
import {
  changedFields,
  recordErrorsToFields,
  recordToValues,
  validateValues,
  valuesFromForm,
  valuesToRecord,
  withBlankRows,
  type EditorValues,
  type FieldErrors,
} from '../editing/form';
import { conflictFields, mergeRecords, missingChoices, sealRecord, unsealRecord, type Choices, type ConflictField } from '../editing/form-conflict';

type Db = Kysely<DatabaseSchema>;
type Posted = URLSearchParams | FormData;

/**
 * The organisations a person may choose in the editor: every one for the panel, their own for an
 * org editor. A stand-in ("Organisation not given", made for a record that named none) is offered
 * only to its own editors: filing another listing under it would hand that listing to whoever
 * edits the stand-in. The page adds the listing's own organisation when it is not in the list.
 */
export async function organisationChoices(db: Db, user: SessionUser): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('organization').select(['id', 'name']).orderBy('name');
  if (!can(user.role, 'service:edit-any')) {
    const own = await editorOrganisationIds(db, user.id);
    if (!own.length) return [];
    query = query.where('id', 'in', own);
  } else {
    query = query.where('name', '!=', STAND_IN_ORGANIZATION_NAME);
  }
  return query.execute();
}

/** An organisation as a full record, as its listings carry it. */
export async function organisationRecord(db: Db, id: string): Promise<OrganizationRecord | null> {
  const one = await db.selectFrom('service').select('id').where('organization_id', '=', id).limit(1).executeTakeFirst();
  if (one) return (await readRecord(db, one.id))?.organization ?? null;
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const record: Record<string, unknown> = { id: row.id, name: row.name, organization_identifiers: [], attributes: [] };
  for (const key of ['alternate_name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id'] as const)
    if (row[key] != null) record[key] = row[key];
  return record as unknown as OrganizationRecord;
}

export async function editorSecret(db: Db): Promise<string> {
  return confirmationSecret(db);
}

export type EditorOutcome =
  | { page: 'form'; status: number; values: EditorValues; errors: FieldErrors; opened: ServiceRecord; preview?: FieldDifference[]; message?: string }
  | {
      page: 'conflict';
      status: number;
      opened: ServiceRecord;
      theirs: ServiceRecord;
      mine: ServiceRecord;
      fields: ConflictField[];
      missing: RecordField[];
      errors?: string[];
    }
  | { page: 'saved'; id: string }
  | { page: 'suggested'; id: string; suggestionId: string }
  | { page: 'forbidden' }
  | { page: 'stale'; current: ServiceRecord | null };

export interface EditorContext {
  directory: DirectoryDatabase;
  search: SearchBackend;
  user: SessionUser;
  /** The listing as stored now (null when adding a new one). */
  current: ServiceRecord | null;
  /** For a new listing: the listing to build on (a blank one with the id it will have). */
  blank?: ServiceRecord;
  now?: Date;
}

/** Handles a post to the editor (action preview, save or resolve). */
export async function handleEditorPost(context: EditorContext, form: Posted): Promise<EditorOutcome> {
  const { directory, user } = context;
  const db = directory.db;
  const secret = await editorSecret(db);
  const action = String(form.get('action') ?? 'save');
  if (action === 'resolve') return resolveConflict(context, form, secret);

  const opened = context.current ? unsealRecord(String(form.get('opened') ?? ''), secret) : context.blank!;
  if (!opened || (context.current && opened.id !== context.current.id) || (context.current && String(form.get('version') ?? '') !== recordVersion(opened))) {
    return { page: 'stale', current: context.current };
  }
  const values = valuesFromForm(form);
  const allowed = (await organisationChoices(db, user)).map((organisation) => organisation.id);
  if (context.current && !allowed.includes(context.current.organization.id)) allowed.push(context.current.organization.id);
  const errors = validateValues(values, allowed);
  const show = (fieldErrors: FieldErrors, extra: Partial<Extract<EditorOutcome, { page: 'form' }>> = {}): EditorOutcome => ({
    page: 'form',
    status: Object.keys(fieldErrors).length ? 400 : 200,
    values: withBlankRows(values),
    errors: fieldErrors,
    opened,
    ...extra,
  });
  if (Object.keys(errors).length) return show(errors);

  // What this person may do: with the listing's organisation, and with the one chosen.
  const accessOld = context.current ? await editAccess(db, user, context.current.organization.id) : 'publish';
  const accessNew = await editAccess(db, user, values.organization_id);
  if (!accessOld || !accessNew) return { page: 'forbidden' };
  const access = accessOld === 'publish' && accessNew === 'publish' ? 'publish' : 'suggest';

  const organization = values.organization_id === opened.organization.id ? opened.organization : await organisationRecord(db, values.organization_id);
  if (!organization) return show({ organization_id: 'Choose the organisation that runs it from the list' });
  const now = context.now ?? new Date();
  const { record: mine, sources } = valuesToRecord(values, opened, { organization, today: todayInUk(now) });
  const checked = validateRecord(mine, 0);
  if ('errors' in checked) return show(recordErrorsToFields(checked.errors, sources));

  const changes = changedFields(context.current ? opened : null, mine);
  if (action === 'preview') return show({}, { preview: changes });
  if (context.current && changes.length === 0) return show({}, { message: 'You have not changed anything, so there was nothing to save.' });

  if (access === 'suggest') {
    const suggestionId = await createSuggestion(db, {
      kind: context.current ? 'change' : 'new',
      serviceId: mine.id,
      source: 'org_editor',
      suggestedBy: user.id,
      baseVersion: context.current ? recordVersion(opened) : null,
      fields: diffRecords(context.current ? opened : null, mine),
      now,
    });
    return { page: 'suggested', id: mine.id, suggestionId };
  }
  return publish(context, context.current ? opened : null, mine, sources);
}

async function publish(
  context: EditorContext,
  opened: ServiceRecord | null,
  mine: ServiceRecord,
  sources?: Parameters<typeof recordErrorsToFields>[1],
): Promise<EditorOutcome> {
  try {
    await publishRecord(context.directory, context.search, mine, {
      expectedVersion: opened ? recordVersion(opened) : null,
      changedBy: `user ${context.user.email}`,
      now: context.now,
    });
    return { page: 'saved', id: mine.id };
  } catch (error) {
    if (error instanceof EditConflictError) {
      if (!opened || !error.current) return { page: 'stale', current: error.current };
      const fields = conflictFields(opened, error.current, mine);
      return { page: 'conflict', status: 409, opened, theirs: error.current, mine, fields, missing: [] };
    }
    if (error instanceof InvalidRecordError) {
      if (sources && opened) {
        return { page: 'form', status: 400, values: withBlankRows(recordToValues(mine)), errors: recordErrorsToFields(error.errors, sources), opened };
      }
      return { page: 'stale', current: context.current };
    }
    throw error;
  }
}

async function resolveConflict(context: EditorContext, form: Posted, secret: string): Promise<EditorOutcome> {
  const opened = unsealRecord(String(form.get('opened') ?? ''), secret);
  const theirs = unsealRecord(String(form.get('theirs') ?? ''), secret);
  const mine = unsealRecord(String(form.get('mine') ?? ''), secret);
  const current = context.current;
  if (!opened || !theirs || !mine || !current || opened.id !== current.id || theirs.id !== current.id || mine.id !== current.id) {
    return { page: 'stale', current };
  }
  const access = await editAccess(context.directory.db, context.user, current.organization.id);
  if (access !== 'publish') return { page: 'forbidden' };
  const choices: Choices = {};
  for (const field of RECORD_FIELDS) {
    const choice = form.get(`choice.${field}`);
    if (choice === 'theirs' || choice === 'mine') choices[field] = choice;
  }
  const fields = conflictFields(opened, theirs, mine);
  const missing = missingChoices(fields, choices);
  if (missing.length) return { page: 'conflict', status: 400, opened, theirs, mine, fields, missing };
  const merged = mergeRecords(opened, theirs, mine, choices);
  // The organisation the merged listing ends up under must be one this person may publish for
  // too (a kept copy cannot move a listing somewhere they have since lost access to).
  if (merged.organization.id !== current.organization.id && (await editAccess(context.directory.db, context.user, merged.organization.id)) !== 'publish') {
    return { page: 'forbidden' };
  }
  const checked = validateRecord(merged, 0);
  if ('errors' in checked) {
    return {
      page: 'conflict',
      status: 400,
      opened,
      theirs,
      mine,
      fields,
      missing: [],
      errors: checked.errors.map((error) => `${error.path} ${error.message}`),
    };
  }
  // Saved against their version; if a third person changed it since, this is a new conflict.
  return publish(context, theirs, merged);
}

export { sealRecord, recordVersion };
