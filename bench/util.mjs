import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundle core modules with esbuild into the ESM file `outfile` (plain node cannot import .ts).
 * `contents`: `export … from './core/src/…'` lines, resolved from the repository root.
 */
export async function bundleCore(contents, outfile) {
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
    // the core's CommonJS dependencies call require(); give the ESM bundle one
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time in ms of one run of a command (spawned fresh: a cold start). */
export function timeCommand(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: 'ignore', ...opts });
  const t1 = process.hrtime.bigint();
  if (r.error) throw r.error;
  return Number(t1 - t0) / 1e6;
}

/** Median wall time over `runs` interleaved runs of each command, after one warm-up each. */
export function compare(commands, runs = 21) {
  for (const c of commands) timeCommand(c.cmd, c.args, c.opts);
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => times[j].push(timeCommand(c.cmd, c.args, c.opts)));
  return times.map(median);
}

export function row(label, value) {
  console.log(`${label.padEnd(58)} ${value}`);
}

/** Median wall time in ms of `runs` calls of `fn`, after two warm-up calls (JIT, caches). */
export function medianTime(fn, runs = 5) {
  fn();
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
