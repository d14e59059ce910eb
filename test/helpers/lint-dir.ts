import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, lint, type Report } from '../../core/src';
import { nodeHost } from '../../core/src/host-node';
import type { LintOptions } from '../../core/src/lint';
import { discover } from '../../cli/src/discover';

/** Lint a directory (or file) as the CLI does, with paths in the report relative to `base`. */
export function lintPath(target: string, base: string = fs.statSync(target).isDirectory() ? target : path.dirname(target), options: LintOptions = {}): Report {
  const found = discover([target]);
  const inputs = found.files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));
  const result = lint(inputs, { host: nodeHost, ...options });
  if (result.ruleFailures.length) throw new Error(`rule failures: ${JSON.stringify(result.ruleFailures)}`);
  return buildReport(result, (p) => path.relative(base, p).split(path.sep).join('/'));
}

/** Lint in-memory text as one file. */
export function lintText(name: string, text: string, options: LintOptions = {}): Report {
  const result = lint([{ path: name, text }], options);
  if (result.ruleFailures.length) throw new Error(`rule failures: ${JSON.stringify(result.ruleFailures)}`);
  return buildReport(result);
}

export interface Expected {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: string;
  impact?: string;
  /** A substring the message must contain. */
  message?: string;
}

/** Every diagnostic of a report, flattened, in the shape of Expected (all fields set). */
export type Actual = Required<Expected>;

export function flatten(report: Report, ruleId?: string): Actual[] {
  const out: Actual[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (ruleId && d.ruleId !== ruleId) continue;
      out.push({ file: f.path, ruleId: d.ruleId, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, impact: d.impact, message: d.message });
    }
  }
  return out;
}

/** Project the actual findings onto the fields an expectation names, for an exact comparison. */
export function project(actual: Actual[], expected: Expected[]): Partial<Expected>[] {
  return actual.map((a, i) => {
    const e = expected[i] ?? expected[0];
    const o: Partial<Expected> = { file: a.file, ruleId: a.ruleId, line: a.line, column: a.column };
    if (e?.endLine !== undefined) o.endLine = a.endLine;
    if (e?.endColumn !== undefined) o.endColumn = a.endColumn;
    if (e?.severity !== undefined) o.severity = a.severity;
    if (e?.impact !== undefined) o.impact = a.impact;
    if (e?.message !== undefined) o.message = a.message.includes(e.message) ? e.message : a.message;
    return o;
  });
}
