/**
 * TIMING=n: the slowest rules and phases of the run on standard error (never on standard output,
 * which may be JSON or SARIF); nothing when TIMING is unset. Values are never asserted (tests do
 * not time anything), only the table's shape and names.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/src';
import { run } from '../../cli/src/main';
import { formatTimings, timingRows } from '../../cli/src/timing';

const examples = path.join(__dirname, '../../examples');

async function lintExamples(env: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await run(['-f', 'json', '.'], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: () => '', cwd: examples, isTTY: false, env });
  return { code, out, err };
}

describe('TIMING', () => {
  it('prints the requested number of rows, named by rule id or phase, on stderr only', async () => {
    const plain = await lintExamples({});
    const timed = await lintExamples({ TIMING: '3' });
    expect(plain.err).toBe('');
    expect(timed.out).toBe(plain.out);
    expect(timed.code).toBe(plain.code);
    const lines = timed.err.trimEnd().split('\n');
    expect(lines[0]).toBe('Rule / phase | Time (ms) | Relative');
    expect(lines).toHaveLength(2 + 3);
    const known = new Set([...allRules.map((r) => r.meta.id), 'parse', 'link', 'policy']);
    for (const row of lines.slice(2)) {
      const [name, ms, rel] = row.split('|').map((c) => c.trim());
      expect(known.has(name!), name).toBe(true);
      expect(ms).toMatch(/^\d+\.\d{3}$/);
      expect(rel).toMatch(/^\d+\.\d%$/);
    }
  });

  it('reads TIMING as a row count, "all", or off', () => {
    expect(timingRows(undefined)).toBeUndefined();
    expect(timingRows('0')).toBeUndefined();
    expect(timingRows('false')).toBeUndefined();
    expect(timingRows('1')).toBe(1);
    expect(timingRows('25')).toBe(25);
    expect(timingRows('all')).toBe(Infinity);
    expect(timingRows('yes')).toBe(10);
  });

  it('sorts by time and gives each entry its share of the total', () => {
    const t = new Map([['OVMS-MP-001', 1], ['parse', 3]]);
    expect(formatTimings(t, 10)).toBe(
      'Rule / phase | Time (ms) | Relative\n' +
        '-------------|-----------|---------\n' +
        'parse        |     3.000 |    75.0%\n' +
        'OVMS-MP-001  |     1.000 |    25.0%\n',
    );
  });
});
