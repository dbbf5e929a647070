// The panel's crosswalk page over HTTP on the built server: the imported terms and how each is
// mapped, unmapped ones first; changing one moves its services under that type of help at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../fixtures/server';
import { PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';
import { service } from '../fixtures/services';
import { uuidFor } from '../../src/lib/ids';
import { FOREIGN_TAXONOMY, toForeignRecord } from '../../scripts/bench/foreign-variant';

const ODD = { id: uuidFor('tvc-term', 'ZZ'), code: 'ZZ', name: 'Miscellaneous', taxonomy: FOREIGN_TAXONOMY.code, taxonomy_id: FOREIGN_TAXONOMY.id };
const SPLASH = {
  ...service({ code: 'panel-splash', name: 'Aqua Splash Sessions' }),
  attributes: [{ id: uuidFor('attribute', 'panel-splash-zz'), link_type: 'category', taxonomy_term: ODD }],
};
const WELFARE = toForeignRecord(service({ code: 'panel-welfare', name: 'Welfare Rights Surgery', categories: ['benefits-advice'] }));

let server: RunningServer;
let panel: SignedIn;
beforeAll(async () => {
  server = await startServer({ fixtures: [SPLASH, WELFARE], users: [PANEL] });
  panel = await signInAs(server, PANEL);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const apiNames = async (qs: string) => ((await (await fetch(server.url(`/api/search?${qs}`))).json()).results as { name: string }[]).map((r) => r.name);

describe('the crosswalk page', () => {
  it('lists the imported terms, unmapped first, with how each was mapped and a download', async () => {
    const response = await getAs(server, panel, '/panel/crosswalk');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Terms not mapped (1)');
    expect(html.indexOf('Miscellaneous')).toBeLessThan(html.indexOf('Welfare rights advice'));
    expect(html).toContain('Matches words people use for our category');
    expect(html).toContain('href="/panel/crosswalk.csv"');
    const csv = await getAs(server, panel, '/panel/crosswalk.csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Miscellaneous');
  });

  it('maps a term when the panel chooses a type of help, and search follows at once', async () => {
    expect(await apiNames('category=swimming')).toEqual([]);
    const response = await postAs(server, panel, '/panel/crosswalk', { term: ODD.id, category: 'swimming' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/panel/crosswalk?done=Miscellaneous');
    expect(await apiNames('category=swimming')).toEqual(['Aqua Splash Sessions']);
    const page = await (await getAs(server, panel, response.headers.get('location')!)).text();
    expect(page).toContain('1 service was indexed again');
    expect(page).toContain('Terms not mapped (0)');
    // And back to none.
    await postAs(server, panel, '/panel/crosswalk', { term: ODD.id, category: '' });
    expect(await apiNames('category=swimming')).toEqual([]);
  });

  it('refuses a type of help that does not exist, saying what to do', async () => {
    const response = await postAs(server, panel, '/panel/crosswalk', { term: ODD.id, category: 'unicorns' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choose a type of help from the list.');
  });
});
