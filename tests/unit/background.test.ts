// A background job (an import) lowers its own CPU priority, and never raises one already lower.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { getPriority } from 'node:os';

const niceness = (prefix: string[]) => {
  const result = spawnSync(
    prefix[0] ?? process.execPath,
    [
      ...prefix.slice(1),
      ...(prefix.length ? [process.execPath] : []),
      '--import',
      'tsx',
      '-e',
      "import('./scripts/background.ts').then((m) => process.stdout.write(String(m.lowerPriority())))",
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return Number(result.stdout);
};

describe('lowerPriority', () => {
  it('runs a job at niceness 10', () => {
    // (Or lower still, if these tests were themselves started at a lower priority.)
    expect(niceness([])).toBe(Math.max(10, getPriority()));
  });

  it('leaves a job started at a lower priority where it is', () => {
    expect(niceness(['nice', '-n', '15'])).toBe(Math.min(19, Math.max(15, getPriority() + 15)));
  });
});
