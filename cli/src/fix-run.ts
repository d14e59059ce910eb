import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { fixAndLint } from '../../core/src/fix/apply';
import type { LintInput, LintOptions, LintResult } from '../../core/src';

export interface FixFlags {
  fix?: boolean;
  fixUnsafe?: boolean;
  fixDryRun?: boolean;
}

export function wantsFix(flags: FixFlags): boolean {
  return Boolean(flags.fix || flags.fixUnsafe || flags.fixDryRun);
}

/** A unified diff of every fixed file, paths as the user sees them (a/ and b/ prefixes like git). */
export function unifiedDiff(original: Map<string, string>, fixed: Map<string, string>, shown: (p: string) => string): string {
  let out = '';
  for (const [p, after] of [...fixed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = shown(p);
    out += createTwoFilesPatch(name.startsWith("/") ? `a${name}` : `a/${name}`, name.startsWith("/") ? `b${name}` : `b/${name}`, original.get(p) ?? '', after, undefined, undefined, { context: 3 })
      .replace(/^=+\n/, '')
      .replace(/^(---|\+\+\+) (\S+)\t$/gm, '$1 $2');
  }
  return out;
}

export interface FixOutcome {
  result: LintResult;
  /** Set when the run ends here (dry run): the exit code. */
  exit?: number;
}

/**
 * `--fix` / `--fix-unsafe` write the fixed files and report what is left; `--fix-dry-run` prints
 * the diff instead (exit 1 when there is something to fix, 0 otherwise) and writes nothing.
 * Standard input is never written back.
 */
export function runFixes(
  inputs: LintInput[],
  options: LintOptions,
  flags: FixFlags,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
  shown: (p: string) => string,
  notWritable: Set<string>,
): FixOutcome {
  const run = fixAndLint(inputs, options, { unsafe: Boolean(flags.fixUnsafe) });
  if (flags.fixDryRun) {
    io.stdout(unifiedDiff(run.original, run.fixed, shown));
    return { result: run.result, exit: run.fixed.size > 0 ? 1 : 0 };
  }
  for (const [p, text] of run.fixed) {
    if (notWritable.has(p)) {
      io.stderr(`ovms-lint: not writing fixes to standard input (${shown(p)}); use --fix-dry-run to see them\n`);
      continue;
    }
    try {
      fs.writeFileSync(p, text);
    } catch (e) {
      io.stderr(`ovms-lint: cannot write ${shown(p)}: ${(e as Error).message}\n`);
    }
  }
  if (run.applied > 0) io.stderr(`ovms-lint: applied ${run.applied} fix${run.applied === 1 ? '' : 'es'} to ${run.fixed.size} file${run.fixed.size === 1 ? '' : 's'}\n`);
  return { result: run.result };
}
