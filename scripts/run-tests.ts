// npm test: builds the server (integration tests start it over HTTP), runs vitest, and ends with
// one line "N passed, N failed" that CI reads (last). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extraArgs = process.argv.slice(2);

if (!process.env.SKIP_BUILD) {
  const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) {
    console.error('The server did not build, so the tests were not run.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One vitest run; its counts from vitest's JSON report (a file broken before any test counts as a failure). */
function vitestRun(args: string[], env: NodeJS.ProcessEnv): Counts {
  const dir = mkdtempSync(join(tmpdir(), 'directory-tests-'));
  const reportPath = join(dir, 'vitest.json');
  const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...args], {
    stdio: 'inherit',
    env,
  });
  const counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { status: string; assertionResults: { status: string }[] }[];
    };
    counts.passed = report.numPassedTests;
    const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
    counts.failed = report.numFailedTests + brokenFiles.length;
    counts.skipped = report.numPendingTests + report.numTodoTests;
  } catch {
    counts.failed = 1; // no report: vitest itself failed
  }
  rmSync(dir, { recursive: true, force: true });
  if (vitest.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

// Everything on SQLite, then the integration tests again on a real PostgreSQL (the same tests,
// their fixtures giving a PostgreSQL database: tests/fixtures/dialect.ts). TEST_DIALECT=sqlite or
// TEST_DIALECT=postgres runs one pass (with PostgreSQL, only what is given, or everything).
const passes: { name: string; args: string[]; env: NodeJS.ProcessEnv }[] = process.env.TEST_DIALECT
  ? [{ name: process.env.TEST_DIALECT, args: extraArgs, env: process.env }]
  : [
      { name: 'sqlite', args: extraArgs, env: { ...process.env, TEST_DIALECT: 'sqlite' } },
      { name: 'postgres', args: ['--passWithNoTests', ...extraArgs], env: { ...process.env, TEST_DIALECT: 'postgres' } },
    ];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const pass of passes) {
  console.log(`\n=== Tests on ${pass.name} ===\n`);
  const counts = vitestRun(pass.args, pass.env);
  console.log(`${pass.name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
// Skipped: the tests of one engine's own parts, in the other engine's pass, and those that need ../shared when it is not there.
if (total.skipped) console.log(`${total.skipped} skipped (for the other database, or needing ../shared)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
