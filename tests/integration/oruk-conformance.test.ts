// Conformance: what `npm run export` writes for the whole sample directory (and for the official
// example) validates against the official Open Referral UK service schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { prepareDirectory } from '../../src/lib/setup/prepare';
import { importRecords, recordsOf } from '../../src/lib/openreferral/import';
import { scratchDirectory, TODAY } from '../fixtures/services';
import { databaseEnv } from '../fixtures/dialect';

const SCHEMA = '../shared/oruk/schema/service.json';
const HSDS_SCHEMA = '../shared/oruk/real-world/hsds-3.0-schema/service.json';
const EXAMPLE = '../shared/oruk/examples/service_full.json';
const haveSchemas = existsSync(SCHEMA);
if (!haveSchemas) console.warn(`Skipping Open Referral UK conformance tests: ${SCHEMA} is not here (it comes with ../shared).`);

describe.skipIf(!haveSchemas)('Open Referral UK conformance of npm run export', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let exported: Record<string, unknown>[];

  beforeAll(async () => {
    scratch = await scratchDirectory();
    await prepareDirectory(scratch.directory, scratch.search, { today: TODAY });
    const example = recordsOf(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    await importRecords(scratch.directory, scratch.search, example, { today: TODAY, strict: true });
    const file = join(scratch.folder, 'export.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', file], {
      env: { ...process.env, ...databaseEnv(scratch.location) },
      stdio: 'pipe',
    });
    exported = JSON.parse(readFileSync(file, 'utf8'));
  });
  afterAll(async () => {
    await scratch?.cleanup();
  });

  it('exports every service', () => {
    expect(exported.length).toBeGreaterThanOrEqual(251);
  });

  it('validates every exported service against service.json', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const failures = exported
      .map((record) => ({ id: record.id, ok: validate(record), errors: validate.errors }))
      .filter((outcome) => !outcome.ok)
      .slice(0, 3);
    expect(failures).toEqual([]);
  });

  it.skipIf(!existsSync(HSDS_SCHEMA))('validates every exported service against the HSDS 3.0 service schema too', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(HSDS_SCHEMA, 'utf8')));
    const failures = exported
      .map((record) => ({ id: record.id, ok: validate(record), errors: validate.errors?.slice(0, 3) }))
      .filter((outcome) => !outcome.ok)
      .slice(0, 3);
    expect(failures).toEqual([]);
    // Phone extensions, which the sample has, go out as the numbers the standard says they are.
    const extensions = exported.flatMap((record) => JSON.stringify(record).match(/"extension":[^,}]+/g) ?? []);
    expect(extensions.length).toBeGreaterThan(0);
    expect(extensions.filter((text) => !/^"extension":\d+$/.test(text))).toEqual([]);
  });

  it('rejects a record the schema says is invalid (the validator is really checking)', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    expect(validate({ ...exported[0], status: 'open' })).toBe(false);
    expect(validate({ ...exported[0], id: 'not-a-uuid' })).toBe(false);
    const uuid = '3a19ff88-4620-4d17-9830-ac1d859eb5d5';
    expect(validate({ ...exported[0], service_at_locations: [{ id: uuid, location: { id: uuid } }] })).toBe(false);
  });
});
