/**
 * `TIMING=1 ovms-lint …` (as in ESLint): after the report, the slowest rules and phases of the
 * run on standard error, so that machine-readable output on standard output stays clean.
 * `TIMING=all` lists every entry; a number lists that many (default 10).
 */

/** How many rows `TIMING` asks for, or undefined when it is unset or off. */
export function timingRows(value: string | undefined): number | undefined {
  if (value === undefined || value === '' || value === '0' || value.toLowerCase() === 'false') return undefined;
  if (value.toLowerCase() === 'all') return Infinity;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function formatTimings(timings: Map<string, number>, rows: number): string {
  const entries = [...timings].sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((s, [, ms]) => s + ms, 0);
  const shown = entries.slice(0, rows);
  const width = Math.max('Rule / phase'.length, ...shown.map(([k]) => k.length));
  const lines = [`${'Rule / phase'.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|-----------|---------`];
  for (const [k, ms] of shown) {
    const rel = total > 0 ? (100 * ms) / total : 0;
    lines.push(`${k.padEnd(width)} | ${ms.toFixed(3).padStart(9)} | ${`${rel.toFixed(1)}%`.padStart(8)}`);
  }
  return `${lines.join('\n')}\n`;
}
