// The taxonomy crosswalk on a real database: imported terms of another taxonomy are mapped on
// import, read by search, filters, facets and reports, listed (unmapped first) and changed by the
// panel, with the services that carry them indexed again, and written out as CSV.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { applySearchOutbox } from '../../src/lib/search/outbox';
import { changeMapping, listCrosswalk, loadCrosswalk } from '../../src/lib/taxonomy/crosswalk-store';
import { crosswalkCsv, CROSSWALK_CSV_COLUMNS } from '../../src/lib/panel/crosswalk-csv';
import { serviceFacts } from '../../src/lib/reports/reports';
import { uuidFor } from '../../src/lib/ids';
import { FOREIGN_TAXONOMY, foreignTermFor, toForeignRecord } from '../../scripts/bench/foreign-variant';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

type Scratch = Awaited<ReturnType<typeof scratchDirectory>>;

/** A term of the council's taxonomy that says nothing our categories know. */
const ODD_PARENT = { id: uuidFor('tvc-term', 'ZZ'), code: 'ZZ', name: 'Miscellaneous', taxonomy: FOREIGN_TAXONOMY.code, taxonomy_id: FOREIGN_TAXONOMY.id };
const ODD_CHILD = { ...ODD_PARENT, id: uuidFor('tvc-term', 'ZZ01'), code: 'ZZ01', name: 'Other provision', parent_id: ODD_PARENT.id };

const withTerms = (record: Record<string, unknown>, terms: object[]) => ({
  ...record,
  attributes: terms.map((taxonomy_term, i) => ({ id: uuidFor('attribute', `${String(record.id)}-odd-${i}`), link_type: 'category', taxonomy_term })),
});

const RECORDS = [
  toForeignRecord(service({ code: 'x-welfare', name: 'Welfare Rights Surgery', categories: ['benefits-advice'] })),
  toForeignRecord(service({ code: 'x-friends', name: 'Northside Friendship Circle', categories: ['social-groups'] })),
  withTerms(service({ code: 'x-odd', name: 'Aqua Splash Sessions', description: 'Swimming for all ages.' }), [ODD_PARENT, ODD_CHILD]),
];

let scratch: Scratch;
beforeEach(async () => {
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, RECORDS, { today: TODAY, strict: true });
  expect(report.invalid).toEqual([]);
});
afterEach(async () => {
  await scratch.cleanup();
});

const names = async (query: Partial<typeof EMPTY_QUERY>) =>
  (await scratch.search.search({ ...EMPTY_QUERY, per_page: 100, ...query })).hits.map((hit) => hit.document.name).sort();

describe('the taxonomy crosswalk', () => {
  it('maps imported terms on import and keeps the mapping in the database', async () => {
    const rows = await listCrosswalk(scratch.directory.db);
    const byName = Object.fromEntries(rows.map((row) => [row.termName, row]));
    expect(byName[foreignTermFor('benefits-advice').name]).toMatchObject({ categoryCode: 'benefits-advice', method: 'lay_word', services: 1 });
    expect(byName[foreignTermFor('money-benefits-debt').name]).toMatchObject({ categoryCode: 'money-benefits-debt', services: 1 });
    expect(byName['Social Isolation']).toMatchObject({ categoryCode: 'loneliness-social' });
    // Unmapped terms come first, with the one they sit under.
    expect(rows.slice(0, 2).map((row) => [row.termName, row.categoryCode, row.method])).toEqual([
      ['Miscellaneous', null, 'none'],
      ['Other provision', null, 'none'],
    ]);
    expect(byName['Other provision']!.parentName).toBe('Miscellaneous');
    expect((await loadCrosswalk(scratch.directory.db)).get(foreignTermFor('benefits-advice').id)).toBe('benefits-advice');
  });

  it('puts imported services under our categories in filters, facets and reports', async () => {
    expect(await names({ category: ['money-benefits-debt'] })).toEqual(['Welfare Rights Surgery']);
    expect(await names({ category: ['loneliness-social'] })).toEqual(['Northside Friendship Circle']);
    const facets = await scratch.search.facetCounts(EMPTY_QUERY);
    expect(facets.category['benefits-advice']).toBe(1);
    const facts = await serviceFacts(scratch.directory.db, TODAY);
    expect(facts.find((fact) => fact.name === 'Welfare Rights Surgery')!.categories).toEqual(['money-benefits-debt']);
    expect(facts.find((fact) => fact.name === 'Aqua Splash Sessions')!.categories).toEqual([]);
    // Their own term names are words of the service too.
    expect(await names({ q: 'welfare rights advice' })).toEqual(['Welfare Rights Surgery']);
  });

  it('lets the panel map a term; the terms under it follow, and their services are indexed again', async () => {
    expect(await names({ category: ['swimming'] })).toEqual([]);
    const change = await changeMapping(scratch.directory.db, ODD_PARENT.id, 'swimming', 'panel-user');
    const odd = (RECORDS[2] as { id: string }).id;
    expect(change).toEqual({ ok: true, termIds: [ODD_PARENT.id, ODD_CHILD.id], termName: 'Miscellaneous', serviceIds: [odd] });
    if (!change.ok) return;
    // Queued for search with the change; search shows it once the outbox is applied.
    expect((await scratch.directory.db.selectFrom('search_outbox').select('service_id').execute()).map((row) => row.service_id)).toEqual([odd]);
    expect(await names({ category: ['swimming'] })).toEqual([]);
    expect(await applySearchOutbox(scratch.directory.db, scratch.search, TODAY, { serviceIds: change.serviceIds })).toBe(1);
    expect(await names({ category: ['swimming'] })).toEqual(['Aqua Splash Sessions']);
    expect(await names({ category: ['physical-activity'] })).toEqual(['Aqua Splash Sessions']);
    const rows = await listCrosswalk(scratch.directory.db);
    expect(rows.find((row) => row.termId === ODD_PARENT.id)).toMatchObject({ categoryCode: 'swimming', method: 'panel', decidedBy: 'panel-user' });
    expect(rows.find((row) => row.termId === ODD_CHILD.id)).toMatchObject({ categoryCode: 'swimming', method: 'parent', decidedBy: null });

    // A child the panel chose itself keeps its choice when its parent changes again.
    await changeMapping(scratch.directory.db, ODD_CHILD.id, 'gentle-exercise', 'panel-user');
    const again = await changeMapping(scratch.directory.db, ODD_PARENT.id, null, 'panel-user');
    expect(again.ok && again.termIds).toEqual([ODD_PARENT.id]);
    await applySearchOutbox(scratch.directory.db, scratch.search, TODAY);
    expect(await names({ category: ['gentle-exercise'] })).toEqual(['Aqua Splash Sessions']);
    expect(await names({ category: ['swimming'] })).toEqual([]);
  });

  it("keeps the panel's choices when the feed is imported again", async () => {
    await changeMapping(scratch.directory.db, foreignTermFor('benefits-advice').id, 'debt-advice', 'panel-user');
    const changed = RECORDS.map((record) => ({ ...(record as object), description: 'Changed since.' }));
    await importRecords(scratch.directory, scratch.search, changed, { today: TODAY });
    const row = (await listCrosswalk(scratch.directory.db)).find((r) => r.termId === foreignTermFor('benefits-advice').id);
    expect(row).toMatchObject({ categoryCode: 'debt-advice', method: 'panel' });
    expect(await names({ category: ['debt-advice'] })).toEqual(['Welfare Rights Surgery']);
  });

  it('refuses a category that does not exist and a term that is not there', async () => {
    expect(await changeMapping(scratch.directory.db, ODD_PARENT.id, 'made-up', 'p')).toEqual({ ok: false, error: 'Choose a type of help from the list.' });
    expect((await changeMapping(scratch.directory.db, 'no-such-term', 'food', 'p')).ok).toBe(false);
  });

  it('writes the crosswalk out as CSV, one term a line', async () => {
    const csv = crosswalkCsv(await listCrosswalk(scratch.directory.db));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CROSSWALK_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + (await listCrosswalk(scratch.directory.db)).length);
    expect(csv).toContain(`${foreignTermFor('benefits-advice').id},${FOREIGN_TAXONOMY.code},MW01,Welfare rights advice,`);
    expect(csv).toContain('benefits-advice,Benefits advice,lay_word,1,');
  });
});
