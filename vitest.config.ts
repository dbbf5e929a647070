// vitest: unit tests (pure functions), integration tests (real databases, the built server over
// HTTP), e2e (Chromium). The integration tests run in the dialect TEST_DIALECT names (sqlite, the
// default, or postgres); in the PostgreSQL pass one real server is shared by the run (global-setup).
import { configDefaults, defineConfig } from 'vitest/config';

const onPostgres = process.env.TEST_DIALECT === 'postgres';
// The PostgreSQL pass is the integration tests (the unit tests and the browser's run once, on SQLite).
// Tests of one engine's own parts are named for it and run only in its pass.
const onlyOnOther = onPostgres ? 'tests/integration/sqlite-*.test.ts' : 'tests/integration/postgres-*.test.ts';

export default defineConfig({
  test: {
    include: [onPostgres ? 'tests/integration/**/*.test.ts' : 'tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, onlyOnOther],
    globalSetup: ['tests/fixtures/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
