// npm test: builds the server (integration tests start it over HTTP), runs vitest, and ends with
// one line "N passed, N failed" that CI reads. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extraArgs = process.argv.slice(2);
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit', env: process.env });

if (!process.env.SKIP_BUILD) {
  const build = run('npx', ['astro', 'build']);
  if (build.status !== 0) {
    console.error('The server did not build, so the tests were not run.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'directory-tests-'));
const reportPath = join(dir, 'vitest.json');
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...extraArgs]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    testResults: { status: string; assertionResults: { status: string }[] }[];
  };
  passed = report.numPassedTests;
  // A file that fails before any test runs (an import error, a failing hook) counts as one failure.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
  failed = report.numFailedTests + brokenFiles.length;
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(1, failed); // no report: vitest itself failed
}
rmSync(dir, { recursive: true, force: true });
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
