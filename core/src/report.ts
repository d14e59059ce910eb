import { fingerprints } from './fingerprint';
import type { FileResult, LintResult } from './lint';
import type { SourceFile } from './text/source';
import { docsUrl, type FileKind, type Finding, type Severity, type Span } from './types';

/**
 * The machine-readable report of design.md ("a stable contract"): what `--format json` prints,
 * and what every other formatter is built from. Lines and columns are 1-based, UTF-16 columns.
 */
export interface ReportRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportEdit extends ReportRange {
  path: string;
  newText: string;
}

export interface ReportFix {
  title: string;
  safe: boolean;
  edits: ReportEdit[];
}

export interface ReportRelated extends ReportRange {
  path: string;
  message: string;
}

export interface ReportDiagnostic extends ReportRange {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  impact: Finding['impact'];
  message: string;
  docsUrl: string;
  fixes: ReportFix[];
  related: ReportRelated[];
  /** Stable location key (JSON Pointer, node, flag) when the rule gave one. */
  key?: string;
  /** Identifies the same finding across runs when lines shift (core/src/fingerprint.ts). */
  fingerprint: string;
  suppressed?: Finding['suppressed'];
}

export interface ReportFile {
  path: string;
  kind: FileKind;
  diagnostics: ReportDiagnostic[];
}

export interface Report {
  version: 1;
  files: ReportFile[];
  summary: { errors: number; warnings: number; infos: number; files: number };
}

export function rangeOf(file: SourceFile, span: Span): ReportRange {
  const s = file.positionAt(span.start);
  const e = file.positionAt(span.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * Build the report. `displayPath` maps an absolute/internal path to what the user typed
 * (relative to the working directory); `sourceOf` finds the text of other files named by
 * related locations and fixes.
 */
export function buildReport(result: LintResult, displayPath: (p: string) => string = (p) => p): Report {
  const sources = new Map<string, SourceFile>(result.files.map((f) => [f.path, f.file]));
  const summary = { errors: 0, warnings: 0, infos: 0, files: result.files.length };
  const files: ReportFile[] = result.files.map((fr: FileResult) => {
    const shownPath = displayPath(fr.path);
    const prints = fingerprints(fr.findings, fr.file, shownPath);
    return {
    path: shownPath,
    kind: fr.kind,
    diagnostics: fr.findings.map((f, i) => {
      if (!f.suppressed) {
        if (f.severity === 'error') summary.errors++;
        else if (f.severity === 'warning') summary.warnings++;
        else summary.infos++;
      }
      const d: ReportDiagnostic = {
        ruleId: f.ruleId,
        ruleName: f.ruleName,
        severity: f.severity,
        impact: f.impact,
        message: f.message,
        ...rangeOf(fr.file, f.span),
        docsUrl: docsUrl(f.ruleId),
        fixes: (f.fixes ?? []).map((fix) => ({
          title: fix.title,
          safe: fix.safe,
          edits: fix.edits.map((e) => {
            const p = e.file ?? f.file;
            const src = sources.get(p) ?? fr.file;
            return { path: displayPath(p), ...rangeOf(src, e.span), newText: e.newText };
          }),
        })),
        related: (f.related ?? []).map((r) => {
          const src = sources.get(r.file);
          const range = src ? rangeOf(src, r.span) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
          return { path: displayPath(r.file), ...range, message: r.message };
        }),
        fingerprint: prints[i]!,
      };
      if (f.key !== undefined) d.key = f.key;
      if (f.suppressed) d.suppressed = f.suppressed;
      return d;
    }),
    };
  });
  return { version: 1, files, summary };
}
