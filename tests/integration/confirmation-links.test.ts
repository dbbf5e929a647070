// "Confirm in one click" on a real scratch SQLite: signed single-use tokens (valid, expired,
// tampered, reused, malformed), each answer's effect on the service, its history and search, and
// the generated secret kept in app_setting so links outlive a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import {
  answerConfirmation,
  createConfirmationLink,
  LinkAlreadyUsedError,
  parseConfirmationForm,
  verifyConfirmationLink,
  EMPTY_CONFIRMATION_VALUES,
  type ConfirmationAnswer,
} from '../../src/lib/freshness-jobs/confirmation-links';
import { importRecords } from '../../src/lib/openreferral/import';
import { applySearchOutbox } from '../../src/lib/search/outbox';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { scratchDirectory, service } from '../fixtures/services';

// Checked long ago, so verification_overdue is raised until the provider confirms.
const LUNCH = service({
  code: 'confirm-lunch',
  name: 'Confirmable Lunch Club',
  assured: '2024-01-10',
  extra: { funding: [{ id: 'f0000000-0000-4000-8000-000000000001', source: 'Lottery', end_date: '2027-03-31' }] },
});
const NOW = new Date('2026-11-21T10:00:00Z');
const TODAY = '2026-11-21';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
beforeEach(async () => {
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, [LUNCH], { today: TODAY, strict: true });
  expect(report.invalid).toEqual([]);
});

afterEach(async () => {
  await scratch.cleanup();
});

const db = () => scratch.directory.db;
const tokenOf = (path: string) => path.replace(/^\/confirm\//, '');
const row = () => db().selectFrom('service').selectAll().where('id', '=', LUNCH.id).executeTakeFirstOrThrow();
const history = () => db().selectFrom('change_history').selectAll().orderBy('id').execute();

async function answer(value: ConfirmationAnswer) {
  const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW }));
  const verdict = await verifyConfirmationLink(db(), token, NOW);
  if (!verdict.ok) throw new Error(verdict.reason);
  const outcome = await answerConfirmation(db(), verdict.link, value, NOW);
  // The answer queued the service in the search outbox, in its own transaction: applying it shows the answer.
  expect(await applySearchOutbox(db(), scratch.search, TODAY)).toBe(1);
  return { token, link: verdict.link, outcome };
}

async function found(includeClosed = false) {
  const result = await scratch.search.search({ ...EMPTY_QUERY, q: 'confirmable', include_closed: includeClosed });
  return result.hits.map((hit) => hit.document);
}

describe('confirmation link tokens', () => {
  it('are paths /confirm/<id>.<expiry>.<signature> that verify, for the right service', async () => {
    const path = await createConfirmationLink(db(), LUNCH.id, { now: NOW });
    expect(path).toMatch(/^\/confirm\/[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    const verdict = await verifyConfirmationLink(db(), tokenOf(path), NOW);
    expect(verdict).toMatchObject({ ok: true, service: { id: LUNCH.id, name: 'Confirmable Lunch Club' }, link: { purpose: 'check', used_at: null } });
  });

  it('expire after 28 days, or as many as asked', async () => {
    const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW }));
    expect((await verifyConfirmationLink(db(), token, new Date(NOW.getTime() + 27 * 86_400_000))).ok).toBe(true);
    expect(await verifyConfirmationLink(db(), token, new Date(NOW.getTime() + 28 * 86_400_000 + 1000))).toMatchObject({
      ok: false,
      reason: 'expired',
      service: { id: LUNCH.id },
    });
    const short = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW, days: 1 }));
    expect(await verifyConfirmationLink(db(), short, new Date(NOW.getTime() + 2 * 86_400_000))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuse a changed signature, id or expiry as tampered', async () => {
    const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW }));
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    for (const changed of [
      `${id}.${expiry}.${flip(signature, 0)}`,
      `${id}.${expiry}.${flip(signature, signature.length - 1)}`,
      `${flip(id, 3)}.${expiry}.${signature}`,
      `${id}.${Number(expiry) + 86_400 * 365}.${signature}`,
    ]) {
      expect(await verifyConfirmationLink(db(), changed, NOW), changed).toEqual({ ok: false, reason: 'tampered' });
    }
  });

  it('are refused the second time they are used', async () => {
    const { token, link } = await answer({ answer: 'running' });
    expect(await verifyConfirmationLink(db(), token, NOW)).toMatchObject({ ok: false, reason: 'used', service: { id: LUNCH.id } });
    await expect(answerConfirmation(db(), link, { answer: 'closed', closingDate: TODAY }, NOW)).rejects.toBeInstanceOf(LinkAlreadyUsedError);
    expect((await row()).status).toBe('active');
  });

  it('call anything not shaped like a token malformed, and a signed one we never stored unknown', async () => {
    for (const bad of ['', 'abc', 'a.b.c', `${'x'.repeat(22)}.123`, `${'x'.repeat(22)}.123.${'y'.repeat(43)}.z`, '../../etc/passwd']) {
      expect(await verifyConfirmationLink(db(), bad, NOW), bad).toEqual({ ok: false, reason: 'malformed' });
    }
    const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW }));
    await db().deleteFrom('confirmation_link').execute();
    expect(await verifyConfirmationLink(db(), token, NOW)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('are signed with CONFIRMATION_SECRET when it is set, and stop verifying when it changes', async () => {
    const secret = loadConfig({ CONFIRMATION_SECRET: 'one-secret-for-tests' }).CONFIRMATION_SECRET;
    const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW, secret }));
    expect((await verifyConfirmationLink(db(), token, NOW, secret)).ok).toBe(true);
    expect(await db().selectFrom('app_setting').selectAll().execute()).toEqual([]);
    expect(await verifyConfirmationLink(db(), token, NOW, 'another-secret')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('still verify in a new process: the generated secret is kept in app_setting', async () => {
    const token = tokenOf(await createConfirmationLink(db(), LUNCH.id, { now: NOW }));
    const settings = await db().selectFrom('app_setting').selectAll().execute();
    expect(settings).toHaveLength(1);
    expect(settings[0]!.key).toBe('confirmation_secret');
    expect(settings[0]!.value.length).toBeGreaterThanOrEqual(43);
    const again = openDirectoryDatabase(scratch.location);
    try {
      expect((await verifyConfirmationLink(again.db, token, NOW)).ok).toBe(true);
      expect(await again.db.selectFrom('app_setting').selectAll().execute()).toEqual(settings);
    } finally {
      await again.close();
    }
  });
});

describe('answers', () => {
  it('"still running" assures it today, is kept in history, and clears verification_overdue in search', async () => {
    expect((await found())[0]!.freshness.flags.map((f) => f.flag)).toContain('verification_overdue');
    const hashBefore = (await row()).record_hash;
    const { link, outcome } = await answer({ answer: 'running' });
    expect(await row()).toMatchObject({ assured_date: TODAY, status: 'active', record_hash: hashBefore });
    expect(outcome.changes).toHaveLength(1);
    expect(await history()).toEqual([
      expect.objectContaining({
        entity: 'service',
        entity_id: LUNCH.id,
        action: 'update',
        field: 'assured_date',
        old_value: '2024-01-10',
        new_value: TODAY,
        changed_at: NOW.toISOString(),
        changed_by: `provider link ${link.id}`,
      }),
    ]);
    const stored = await db().selectFrom('confirmation_link').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ used_at: NOW.toISOString(), used_answer: 'running' });
    const [document] = await found();
    expect(document!.freshness.flags.map((f) => f.flag)).not.toContain('verification_overdue');
    expect(document!.freshness.assured_date).toBe(TODAY);
  });

  it('"paused" marks it temporarily closed and assured', async () => {
    await answer({ answer: 'paused' });
    expect(await row()).toMatchObject({ status: 'temporarily closed', assured_date: TODAY });
    expect((await history()).map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['status', 'active', 'temporarily closed'],
      ['assured_date', '2024-01-10', TODAY],
    ]);
    expect((await found(true))[0]!.freshness.flags.map((f) => f.flag)).toContain('temporarily_closed');
  });

  it('"closed" makes it defunct with the date and reason in its alert and history; kept, found only with include_closed', async () => {
    await answer({ answer: 'closed', closingDate: '2026-11-12', closingReason: 'funding ended' });
    expect(await row()).toMatchObject({ status: 'defunct', alert: 'Closed on 12 November 2026: funding ended' });
    expect((await history()).map((h) => [h.field, h.old_value, h.new_value, h.reason])).toEqual([
      ['status', 'active', 'defunct', 'Closed on 12 November 2026: funding ended'],
      ['alert', null, 'Closed on 12 November 2026: funding ended', 'Closed on 12 November 2026: funding ended'],
    ]);
    expect(await found()).toEqual([]);
    expect((await found(true)).map((d) => d.id)).toEqual([LUNCH.id]);
  });

  it('"running, but details have changed" goes to the review queue as a suggestion in the provider\'s words, without assuring it', async () => {
    const { outcome } = await answer({ answer: 'running_with_changes', changes: 'We now meet on Thursdays.' });
    const suggestions = await db().selectFrom('suggestion').selectAll().execute();
    expect(suggestions).toEqual([
      expect.objectContaining({
        id: outcome.suggestionId,
        kind: 'change',
        service_id: LUNCH.id,
        source: 'provider_link',
        message: 'We now meet on Thursdays.',
        status: 'open',
        suggested_by: null,
        contact_email: null,
      }),
    ]);
    expect(await db().selectFrom('suggestion_field').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('problem_report').selectAll().execute()).toEqual([]);
    expect((await row()).assured_date).toBe('2024-01-10');
    expect(await history()).toEqual([]);
  });

  it('updates the latest funding end date and capacity, each change in history', async () => {
    await answer({ answer: 'running', fundingEndDate: '2027-09-30', capacity: { status: 'waiting_list', waitingWeeks: 6 } });
    expect(await row()).toMatchObject({ capacity_status: 'waiting_list', waiting_weeks: 6, capacity_updated: TODAY });
    const funding = await db().selectFrom('funding').selectAll().where('service_id', '=', LUNCH.id).execute();
    expect(funding.map((f) => f.end_date)).toEqual(['2027-09-30']);
    expect((await history()).map((h) => [h.entity, h.field, h.old_value, h.new_value])).toEqual([
      ['service', 'assured_date', '2024-01-10', TODAY],
      ['service', 'capacity_status', null, 'waiting_list'],
      ['service', 'waiting_weeks', null, '6'],
      ['service', 'capacity_updated', null, TODAY],
      ['funding', 'end_date', '2027-03-31', '2027-09-30'],
    ]);
    expect((await found())[0]!.freshness.funding_end_date).toBe('2027-09-30');
  });

  it('adds a funding row when there was none', async () => {
    await db().deleteFrom('funding').execute();
    await answer({ answer: 'running', fundingEndDate: '2027-01-31' });
    const funding = await db().selectFrom('funding').selectAll().execute();
    expect(funding).toEqual([expect.objectContaining({ service_id: LUNCH.id, end_date: '2027-01-31' })]);
    expect((await history()).at(-1)).toMatchObject({ entity: 'funding', entity_id: funding[0]!.id, action: 'create', new_value: '2027-01-31' });
  });

  it('survive importing the same feed record again', async () => {
    await answer({ answer: 'closed', closingDate: '2026-11-12' });
    await importRecords(scratch.directory, scratch.search, [LUNCH], { today: TODAY, strict: true });
    expect((await row()).status).toBe('defunct');
  });
});

describe('the form', () => {
  const form = (values: Partial<typeof EMPTY_CONFIRMATION_VALUES>) => parseConfirmationForm({ ...EMPTY_CONFIRMATION_VALUES, ...values });
  it('needs an answer, what changed, and a closing date when they apply', () => {
    expect(form({})).toMatchObject({ ok: false, errors: { answer: 'Choose whether it is still running.' } });
    expect(form({ answer: 'running_with_changes' })).toMatchObject({ ok: false, errors: { changes: 'Tell us what has changed.' } });
    expect(form({ answer: 'closed', closing_date: '31/02/2026' })).toMatchObject({
      ok: false,
      errors: { closing_date: 'Enter a real date, for example 12/11/2026.' },
    });
    expect(form({ answer: 'running', waiting_weeks: 'lots', capacity_status: 'waiting_list' })).toMatchObject({
      ok: false,
      errors: { waiting_weeks: expect.any(String) },
    });
  });
  it('turns good answers into what is recorded', () => {
    expect(form({ answer: 'closed', closing_date: '12/11/2026', closing_reason: ' funding ended ' })).toEqual({
      ok: true,
      answer: { answer: 'closed', closingDate: '2026-11-12', closingReason: 'funding ended' },
    });
    expect(form({ answer: 'running', funding_end_date: '2027-03-31', capacity_status: 'full' })).toEqual({
      ok: true,
      answer: { answer: 'running', fundingEndDate: '2027-03-31', capacity: { status: 'full', waitingWeeks: null } },
    });
  });
});
