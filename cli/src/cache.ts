import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintInput, Report } from '../../core/src';
import { hash64, observationsHold, type Observation } from '../../core/src/cache';
import type { Host } from '../../core/src/host';
import type { RuleFailure } from '../../core/src/lint';

/**
 * --cache: the results of recent runs, keyed by a content hash of everything the run was given
 * (tool version, options, working directory, every input's path and text), each with the
 * observations of what else it read through the host. A run whose key matches and whose
 * observations still hold is answered from the cache, without parsing or linting anything.
 */
export interface CachedRun {
  key: string;
  observations: Observation[];
  report: Report;
  ruleFailures: RuleFailure[];
}

interface CacheFile {
  format: 1;
  runs: CachedRun[];
}

const KEEP = 16;

export function cacheKey(version: string, options: unknown, cwd: string, inputs: LintInput[]): string {
  const parts = [version, JSON.stringify(options), cwd];
  for (const i of [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    parts.push(`${i.path}\u0000${i.kind ?? ''}\u0000${hash64(i.text)}\u0000${i.text.length}`);
  }
  return hash64(parts.join('\u0001'));
}

function readCache(file: string): CacheFile {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (c && c.format === 1 && Array.isArray(c.runs)) return c;
  } catch {
    /* no cache, or an unreadable one: start afresh */
  }
  return { format: 1, runs: [] };
}

export function lookup(file: string, key: string, host: Host): CachedRun | undefined {
  const run = readCache(file).runs.find((r) => r.key === key);
  return run && observationsHold(run.observations, host) ? run : undefined;
}

export function store(file: string, run: CachedRun): string | undefined {
  const c = readCache(file);
  c.runs = [run, ...c.runs.filter((r) => r.key !== run.key)].slice(0, KEEP);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(c));
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    return `cannot write the cache ${file}: ${(e as Error).message}`;
  }
}
