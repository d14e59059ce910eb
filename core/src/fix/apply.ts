import type { Host } from '../host';
import { lint, type LintInput, type LintOptions, type LintResult } from '../lint';
import type { Finding, Fix, Span } from '../types';

/**
 * Applying the fixes rules offer (Finding.fixes: the same text edits the language server offers
 * as code actions). Never corrupts a file: per pass, a fix is taken only when none of its edits
 * touches an edit already taken; the others wait for the next pass, after a re-lint of the fixed
 * text (like ESLint, at most 10 passes).
 */
export interface FixOptions {
  /** Also apply fixes marked unsafe (they change behaviour). */
  unsafe?: boolean;
  maxPasses?: number;
}

export interface FixRun {
  /** Final text of every file a fix changed, by path. */
  fixed: Map<string, string>;
  /** Original text of those files. */
  original: Map<string, string>;
  /** The lint result of the final texts. */
  result: LintResult;
  /** Fixes applied, over all passes. */
  applied: number;
  passes: number;
}

interface PlannedEdit {
  span: Span;
  newText: string;
}

function conflicts(a: Span, b: Span): boolean {
  // touching edits conflict too: their order would be ambiguous
  return a.start <= b.end && b.start <= a.end;
}

/** Apply non-overlapping edits to a text (any order); throws on overlapping edits. */
export function applyEdits(text: string, edits: PlannedEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at || e.span.end < e.span.start || e.span.end > text.length) throw new Error(`overlapping or out-of-range edit at ${e.span.start}-${e.span.end}`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** The fix of a finding that may be applied: the first one, if it is safe or unsafe ones are allowed. */
export function fixOf(f: Finding, unsafe: boolean): Fix | undefined {
  if (f.suppressed) return undefined;
  return f.fixes?.find((x) => x.safe || unsafe);
}

/**
 * One pass: the fixes to apply together, by file. `lengthOf` bounds the edits (a fix whose edit
 * falls outside its file is dropped rather than trusted).
 */
export function planFixes(result: LintResult, unsafe: boolean): { edits: Map<string, PlannedEdit[]>; count: number } {
  const edits = new Map<string, PlannedEdit[]>();
  const lengths = new Map(result.files.map((f) => [f.path, f.file.text.length]));
  let count = 0;
  for (const fr of result.files) {
    for (const f of fr.findings) {
      const fix = fixOf(f, unsafe);
      if (!fix || fix.edits.length === 0) continue;
      const planned = fix.edits.map((e) => ({ file: e.file ?? f.file, span: e.span, newText: e.newText }));
      const ok = planned.every((p) => {
        const len = lengths.get(p.file);
        if (len === undefined || p.span.start < 0 || p.span.end > len || p.span.end < p.span.start) return false;
        const taken = edits.get(p.file) ?? [];
        return !taken.some((t) => conflicts(t.span, p.span)) && !planned.some((q) => q !== p && q.file === p.file && conflicts(q.span, p.span));
      });
      if (!ok) continue;
      for (const p of planned) {
        let list = edits.get(p.file);
        if (!list) edits.set(p.file, (list = []));
        list.push({ span: p.span, newText: p.newText });
      }
      count++;
    }
  }
  return { edits, count };
}

/** A host that sees the fixed texts instead of the disk's. */
function overlay(base: Host | undefined, texts: Map<string, string>): Host {
  return {
    readFile: (p) => texts.get(p) ?? base?.readFile(p),
    stat: (p) => (texts.has(p) ? { isFile: true, isDirectory: false, size: texts.get(p)!.length } : base?.stat(p)),
    readDir: (p) => base?.readDir(p),
  };
}

/** Lint, fix, re-lint until nothing more can be fixed (or maxPasses). */
export function fixAndLint(inputs: LintInput[], options: LintOptions = {}, fixOptions: FixOptions = {}): FixRun {
  const max = fixOptions.maxPasses ?? 10;
  const current = new Map<string, string>();
  const original = new Map<string, string>();
  let result = lint(inputs, options);
  let applied = 0;
  let passes = 0;
  while (passes < max) {
    const plan = planFixes(result, fixOptions.unsafe ?? false);
    if (plan.count === 0) break;
    let changed = false;
    for (const [path, edits] of plan.edits) {
      const before = current.get(path) ?? result.files.find((f) => f.path === path)!.file.text;
      if (!original.has(path)) original.set(path, before);
      const after = applyEdits(before, edits);
      if (after !== before) changed = true;
      current.set(path, after);
    }
    passes++;
    applied += plan.count;
    if (!changed) break;
    const relinted = inputs.map((i) => (current.has(i.path) ? { ...i, text: current.get(i.path)! } : i));
    result = lint(relinted, { ...options, host: overlay(options.host, current) });
  }
  const fixed = new Map<string, string>();
  for (const [p, t] of current) if (t !== original.get(p)) fixed.set(p, t);
  return { fixed, original, result, applied, passes };
}
