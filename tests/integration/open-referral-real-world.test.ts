// Records other publishers wrote (the HSDS 3.0 and 3.1 examples, the DfE family hubs record, the
// UK profile's example) and small variants of them: imported into a real SQLite file, served
// back as they came, and valid against the ORUK 3.0 and HSDS 3.0 schemas; each case of
// acceptance, reading and refusal said in the import's report.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { importRecords, recordsOf } from '../../src/lib/openreferral/import';
import { asPublished, fullService, readApiRecords, readServedRecords } from '../../src/lib/openreferral/api/records';
import { readService } from '../../src/lib/directory/service-reader';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

const SHARED = '../shared/oruk';
const REAL_WORLD = {
  'HSDS 3.0 example': `${SHARED}/real-world/hsds-3.0/service_full.json`,
  'HSDS 3.1 example': `${SHARED}/real-world/hsds-3.1/service_full.json`,
  'DfE family hubs record': `${SHARED}/real-world/dfe-family-hubs-service.json`,
  'ORUK example': `${SHARED}/examples/service_full.json`,
};
const haveFiles = existsSync(`${SHARED}/real-world/hsds-3.0-schema/service.json`);
if (!haveFiles) console.warn(`Skipping real-world Open Referral tests: ${SHARED}/real-world is not here (it comes with ../shared).`);

type Json = Record<string, unknown>;
const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));

function validator(path: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(read(path));
  return (record: unknown) => (validate(record) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`));
}

/** Every value given (nulls aside) is there, equal, in what came back; lists the same length and order. */
function expectContains(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) => expectContains((actual as unknown[])[i], item, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      if (value === null || value === undefined) continue;
      expectContains((actual as Json | undefined)?.[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;

describe.skipIf(!haveFiles)('records other publishers wrote', () => {
  let oruk: ReturnType<typeof validator>;
  let hsds: ReturnType<typeof validator>;
  beforeAll(() => {
    oruk = validator(`${SHARED}/schema/service.json`);
    hsds = validator(`${SHARED}/real-world/hsds-3.0-schema/service.json`);
  });
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.cleanup();
  });

  for (const [name, path] of Object.entries(REAL_WORLD)) {
    it(`imports the ${name}, serves every value back as sent, valid against ORUK 3.0 and HSDS 3.0`, async () => {
      const raw = read(path);
      const report = await importRecords(scratch.directory, scratch.search, recordsOf(raw), { today: TODAY });
      expect(report.invalid).toEqual([]);
      expect(report.written).toBe(1);
      const [served] = await readServedRecords(scratch.directory.db, [raw.id as string]);
      const published = asPublished(served!);
      expectContains(published, raw);
      expect(oruk(published)).toEqual([]);
      expect(hsds(published)).toEqual([]);
      // As the API serves it too, with organization_id and our extensions.
      const [api] = await readApiRecords(scratch.directory.db, [raw.id as string], TODAY);
      const full = fullService(api!.record, api!.freshness);
      expectContains(full, raw);
      expect(oruk(full)).toEqual([]);
      expect(hsds(full)).toEqual([]);

      // Importing what was exported gives back the same again, and a second time changes nothing.
      expect((await importRecords(scratch.directory, scratch.search, [published], { today: TODAY })).invalid).toEqual([]);
      expect(asPublished((await readServedRecords(scratch.directory.db, [raw.id as string]))[0]!)).toEqual(published);
      const again = await importRecords(scratch.directory, scratch.search, [published], { today: TODAY });
      expect(again).toMatchObject({ invalid: [], written: 0, unchanged: 1 });
    });
  }

  // The other shapes the examples come in: an organisation with its services, a service at one
  // place (full, and as a list gives it), and a page of services.
  const SHAPES = ['organization_full', 'service_at_location_full', 'service_at_location_list', 'service_list'] as const;
  for (const version of ['hsds-3.0', 'hsds-3.1'] as const) {
    for (const shape of SHAPES) {
      it(`imports the ${version} ${shape} example: its services, valid against ORUK 3.0 and HSDS 3.0, with what it gave served back`, async () => {
        const raw = read(`${SHARED}/real-world/${version}/${shape}.json`);
        const records = recordsOf(raw) as Json[];
        expect(records.length).toBeGreaterThan(0);
        const report = await importRecords(scratch.directory, scratch.search, records, { today: TODAY });
        expect(report.invalid).toEqual([]);
        expect(report.written).toBe(records.length);
        for (const record of records) {
          const [served] = await readServedRecords(scratch.directory.db, [record.id as string]);
          const published = asPublished(served!);
          expect(oruk(published)).toEqual([]);
          expect(hsds(published)).toEqual([]);
          expectContains(published, record);
        }
        const given = (raw.contents as Json[] | undefined)?.[0] ?? raw;
        if (shape === 'organization_full') {
          // Each service is filed under the organisation, which keeps the fields our tables lack.
          const { services: _services, ...organization } = given;
          const published = asPublished((await readServedRecords(scratch.directory.db, [records[0]!.id as string]))[0]!);
          expectContains(published.organization, organization);
        } else if (shape.startsWith('service_at_location')) {
          // The service is there with that place, and what it has there only.
          const { service: _service, ...atThePlace } = given;
          const published = asPublished((await readServedRecords(scratch.directory.db, [records[0]!.id as string]))[0]!);
          expectContains(
            (published.service_at_locations as Json[]).find((sal) => sal.id === atThePlace.id),
            atThePlace,
          );
        }
      });
    }
  }

  it('takes one phone, language, schedule and contact named in several places as one object', async () => {
    const raw = read(REAL_WORLD['HSDS 3.0 example']);
    await importRecords(scratch.directory, scratch.search, [raw], { today: TODAY });
    const count = async (table: 'phone' | 'language' | 'schedule' | 'contact') =>
      Number(
        (
          await scratch.directory.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('phone')).toBe(1);
    expect(await count('language')).toBe(1);
    expect(await count('schedule')).toBe(1);
    expect(await count('contact')).toBe(1);
  });

  it('keeps the HSDS fields the UK profile lacks, and HSDS 3.1 fields, and serves them back', async () => {
    const raw = read(REAL_WORLD['HSDS 3.1 example']);
    await importRecords(scratch.directory, scratch.search, [raw], { today: TODAY });
    const [served] = await readServedRecords(scratch.directory.db, [raw.id as string]);
    const published = asPublished(served!);
    for (const field of [
      'application_process',
      'wait_time',
      'interpretation_services',
      'required_documents',
      'additional_urls',
      'capacities',
      'metadata',
      'program',
    ]) {
      expect(published[field], field).toEqual(raw[field]);
    }
    const organization = published.organization as Json;
    expect(organization.contacts).toEqual((raw.organization as Json).contacts);
    expect(organization.phones).toEqual((raw.organization as Json).phones);
    expect((published.attributes as Json[])[0]!.label).toBe((raw.attributes as Json[])[0]!.label);
  });
});

describe('variants: what is accepted, read, kept whole or refused, and said', () => {
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.cleanup();
  });

  const base = () => service({ code: 'variant', name: 'Variant Lunch Club' });
  const uuid = (n: number) => `7a1c0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const importOne = (record: unknown) => importRecords(scratch.directory, scratch.search, [record], { today: TODAY });
  const servedBack = async (id: string) => asPublished((await readServedRecords(scratch.directory.db, [id]))[0]!);

  it('a repeated id whose copies disagree: said, the first kept and served in both places', async () => {
    const record = {
      ...base(),
      phones: [{ id: uuid(1), number: '0191 000 0001' }],
      contacts: [{ id: uuid(2), name: 'Sam', phones: [{ id: uuid(1), number: '0191 999 9999' }] }],
    };
    const report = await importOne(record);
    expect(report.invalid).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ path: 'contacts[0].phones[0]', message: expect.stringContaining('the first is kept') })]);
    const back = await servedBack(record.id);
    expect((back.contacts as Json[])[0]!.phones).toEqual([{ id: uuid(1), number: '0191 000 0001' }]);
  });

  it('no organisation: accepted, said, served back without one', async () => {
    const { organization: _organization, ...record } = base();
    const report = await importOne({ ...record, organization_id: uuid(3) });
    expect(report.invalid).toEqual([]);
    expect(report.normalised).toEqual([expect.objectContaining({ path: 'organization', message: expect.stringContaining('is not given') })]);
    expect((await readService(scratch.directory.db, record.id))!.organization.name).toBe('Organisation not given');
    const back = await servedBack(record.id);
    expect(back.organization).toBeUndefined();
    expect(back.organization_id).toBe(uuid(3));
    const [api] = await readApiRecords(scratch.directory.db, [record.id], TODAY);
    expect(fullService(api!.record, api!.freshness)).toMatchObject({ organization_id: uuid(3) });
    expect(fullService(api!.record, api!.freshness).organization).toBeUndefined();
  });

  it('a service_at_location with only an id, and an attribute with no term: kept whole, said, served back in place', async () => {
    const record = base() as Json;
    const sals = record.service_at_locations as Json[];
    const withBare = { ...record, service_at_locations: [{ id: uuid(4) }, ...sals], attributes: [...(record.attributes as Json[]), { id: uuid(5) }] };
    const report = await importOne(withBare);
    expect(report.invalid).toEqual([]);
    expect(report.keptWhole.map((notice) => notice.path)).toEqual([`attributes[${(record.attributes as Json[]).length}]`, 'service_at_locations[0]']);
    const back = await servedBack(record.id as string);
    expect((back.service_at_locations as Json[]).map((sal) => sal.id)).toEqual([uuid(4), sals[0]!.id]);
    expect((back.attributes as Json[]).at(-1)).toEqual({ id: uuid(5) });
  });

  it('dates and times the standard leaves loose: read when certain, said; refused when in doubt, naming the field', async () => {
    const record = {
      ...base(),
      assured_date: '15/03/2023',
      schedules: [{ id: uuid(6), freq: 'WEEKLY', byday: 'MO', opens_at: '9:00', closes_at: '17:30:00' }],
    };
    const report = await importOne(record);
    expect(report.invalid).toEqual([]);
    expect(report.normalised.map((n) => `${n.path} ${n.message}`)).toEqual([
      'assured_date was "15/03/2023", read as the date 2023-03-15',
      'schedules[0].opens_at was "9:00", read as the time 09:00',
    ]);
    const back = await servedBack(record.id);
    expect(back.assured_date).toBe('2023-03-15');
    expect(back.schedules).toEqual([expect.objectContaining({ opens_at: '09:00', closes_at: '17:30:00' })]);

    const doubtful = await importOne({ ...record, assured_date: '03/04/2023' });
    expect(doubtful.invalid).toEqual([{ index: 0, id: record.id, path: 'assured_date', message: expect.stringContaining('could be 3 April or 4 March') }]);
  });

  it('phone extensions go out as numbers; digits sent as text are read as a number; words are refused', async () => {
    const record = {
      ...base(),
      phones: [
        { id: uuid(7), number: '0191 000 0002', extension: 204 },
        { id: uuid(8), number: '0191 000 0003', extension: '12' },
      ],
    };
    expect((await importOne(record)).invalid).toEqual([]);
    expect((await servedBack(record.id)).phones).toEqual([
      { id: uuid(7), number: '0191 000 0002', extension: 204 },
      { id: uuid(8), number: '0191 000 0003', extension: 12 },
    ]);
    const words = await importOne({ ...record, phones: [{ id: uuid(7), number: '0191 000 0002', extension: 'ext 5' }] });
    expect(words.invalid).toEqual([expect.objectContaining({ path: 'phones[0].extension', message: expect.stringContaining('must be a number') })]);
  });

  it('a taxonomy term imported without a description is published with the description the standard requires', async () => {
    const record = { ...base(), attributes: [{ id: uuid(9), taxonomy_term: { id: uuid(10), name: 'Lunch clubs' } }] };
    expect((await importOne(record)).invalid).toEqual([]);
    expect(((await servedBack(record.id)).attributes as Json[])[0]!.taxonomy_term).toMatchObject({ id: uuid(10), name: 'Lunch clubs', description: '' });
  });

  it('unknown fields, anywhere in a record, are kept and served back as they came', async () => {
    const record = base() as Json;
    const sal = (record.service_at_locations as Json[])[0]!;
    const changed = {
      ...record,
      council_ref: { code: 'NCL-1', tags: ['lunch'] },
      service_at_locations: [{ ...sal, location: { ...(sal.location as Json), ward: 'Byker' } }],
    };
    await importOne(changed);
    const back = await servedBack(record.id as string);
    expect(back.council_ref).toEqual({ code: 'NCL-1', tags: ['lunch'] });
    expect(((back.service_at_locations as Json[])[0]!.location as Json).ward).toBe('Byker');
  });

  it("another directory's freshness and an organization_id that is not the organisation given: not kept, and said", async () => {
    const record = base() as Json;
    const organization = record.organization as Json;
    const copied = { status: 'ok', flags: [], assured_date: '2020-01-01', funding_end_date: null, review_due: '2020-07-01' };
    const report = await importOne({ ...record, freshness: copied, organization_id: uuid(15) });
    expect(report.invalid).toEqual([]);
    expect(report.dropped.map((notice) => [notice.index, notice.path])).toEqual([
      [0, 'freshness'],
      [0, 'organization_id'],
    ]);
    expect(report.dropped[1]!.message).toContain(`"${uuid(15)}" but the organisation given is "${organization.id}"`);
    const back = await servedBack(record.id as string);
    expect(back.freshness).toBeUndefined();
    expect(back.organization_id).toBeUndefined();
    const [api] = await readApiRecords(scratch.directory.db, [record.id as string], TODAY);
    const full = fullService(api!.record, api!.freshness);
    expect(full.organization_id).toBe(organization.id);
    expect((full.freshness as Json).assured_date).toBe(record.assured_date);
    // One that agrees with the organisation given is kept and served back, saying nothing.
    const agreeing = await importOne({ ...record, organization_id: organization.id });
    expect(agreeing.dropped).toEqual([]);
    expect((await servedBack(record.id as string)).organization_id).toBe(organization.id);
  });

  it('per-location schedules, phones and contacts are kept, served back, and found by day and time', async () => {
    const record = base() as Json;
    const sal = (record.service_at_locations as Json[])[0]!;
    const atThePlace = {
      schedules: [{ id: uuid(11), freq: 'WEEKLY', byday: 'SA', opens_at: '09:00:00', closes_at: '11:00:00' }],
      phones: [{ id: uuid(12), number: '0191 000 0004' }],
      contacts: [{ id: uuid(13), name: 'Jo at the hall', phones: [{ id: uuid(14), number: '0191 000 0005' }] }],
    };
    await importOne({ ...record, schedules: [], service_at_locations: [{ ...sal, ...atThePlace }] });
    const back = await servedBack(record.id as string);
    expectContains((back.service_at_locations as Json[])[0], atThePlace);
    const saturday = await scratch.search.search({ ...EMPTY_QUERY, day: ['sat'] });
    expect(saturday.hits.map((hit) => hit.document.id)).toEqual([record.id]);
    const sunday = await scratch.search.search({ ...EMPTY_QUERY, day: ['sun'] });
    expect(sunday.hits).toEqual([]);
    // And by time of day: the place's session is on Saturday morning, not in the evening.
    const morning = await scratch.search.search({ ...EMPTY_QUERY, day: ['sat'], time: ['morning'] });
    expect(morning.hits.map((hit) => hit.document.id)).toEqual([record.id]);
    const evening = await scratch.search.search({ ...EMPTY_QUERY, day: ['sat'], time: ['evening'] });
    expect(evening.hits).toEqual([]);
  });
});

afterAll(() => undefined);
