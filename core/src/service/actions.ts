import { modify } from 'jsonc-parser';
import { SETTINGS_FILE } from '../config/types';
import { basename } from '../detect';
import type { FileKind, Finding, Fix, Span } from '../types';
import { SourceFile } from '../text/source';
import { dirname, joinPath } from './paths';
import { overlaps, toRange, toSpan } from './positions';
import type { LspRange, LspWorkspaceEdit, ServiceCodeAction, ServiceDiagnostic } from './types';
import type { Analysis } from './validation';
import type { Workspace } from './workspace';

const REASON_PLACEHOLDER = 'TODO: say why this is acceptable';

/**
 * Code actions for the findings in `range`: the core's fixes as quick fixes, "suppress with a
 * reason" (an inline comment where the format has comments, a waiver in .ovms-lint.json for
 * config.json), and "fix all" with every safe fix of the file.
 */
export function doCodeActions(
  ws: Workspace,
  analysis: Analysis,
  kind: FileKind,
  range: LspRange,
  context: { diagnostics: ServiceDiagnostic[]; only?: string[] },
): ServiceCodeAction[] {
  const file = analysis.file;
  const span = toSpan(file, range);
  const out: ServiceCodeAction[] = [];
  const wantsQuickfix = !context.only || context.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k));
  const wantsFixAll = !context.only || context.only.some((k) => 'source.fixAll.ovms-lint'.startsWith(k) && k !== '');
  const picked = pickFindings(analysis, span, context.diagnostics);
  if (wantsQuickfix) {
    for (const { finding, diagnostic } of picked) {
      for (const fix of finding.fixes ?? []) {
        out.push({
          title: `${fix.title} (${finding.ruleId})`,
          kind: 'quickfix',
          diagnostics: [diagnostic],
          isPreferred: fix.safe,
          edit: fixEdit(ws, file, finding, [fix]),
        });
      }
      const suppress = suppressAction(ws, file, kind, finding);
      if (suppress) out.push({ ...suppress, diagnostics: [diagnostic] });
    }
  }
  if (wantsFixAll) {
    const safe = analysis.findings.filter((f) => f.fixes?.some((x) => x.safe));
    if (safe.length > 0) {
      out.push({ title: 'Fix all safe ovms-lint problems', kind: 'source.fixAll.ovms-lint', edit: fixAllEdit(ws, file, safe) });
    }
  }
  return out;
}

function pickFindings(analysis: Analysis, span: Span, diagnostics: ServiceDiagnostic[]): { finding: Finding; diagnostic: ServiceDiagnostic }[] {
  const out: { finding: Finding; diagnostic: ServiceDiagnostic }[] = [];
  const seen = new Set<number>();
  for (const d of diagnostics) {
    if (d.source !== 'ovms-lint') continue;
    // the client echoes the diagnostic; find its finding by index, checked by rule and range
    let i = typeof d.data?.index === 'number' ? d.data.index : -1;
    const cand = analysis.diagnostics[i];
    if (!cand || cand.code !== d.code || !sameRange(cand.range, d.range)) {
      i = analysis.diagnostics.findIndex((x) => x.code === d.code && sameRange(x.range, d.range));
    }
    if (i < 0 || seen.has(i)) continue;
    seen.add(i);
    out.push({ finding: analysis.findings[i]!, diagnostic: analysis.diagnostics[i]! });
  }
  if (diagnostics.length === 0) {
    analysis.findings.forEach((f, i) => {
      if (overlaps(f.span, span)) out.push({ finding: f, diagnostic: analysis.diagnostics[i]! });
    });
  }
  return out;
}

function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function fixEdit(ws: Workspace, file: SourceFile, finding: Finding, fixes: Fix[]): LspWorkspaceEdit {
  const changes: LspWorkspaceEdit['changes'] = {};
  for (const fix of fixes) {
    for (const e of fix.edits) {
      const path = e.file ?? finding.file;
      const src = path === file.path ? file : new SourceFile(path, ws.text(path) ?? '');
      (changes[path] ??= []).push({ range: toRange(src, e.span), newText: e.newText });
    }
  }
  return { changes };
}

/** Every safe fix of the file whose edits do not overlap an earlier one. */
function fixAllEdit(ws: Workspace, file: SourceFile, findings: Finding[]): LspWorkspaceEdit {
  const taken: Span[] = [];
  const fixes: { finding: Finding; fix: Fix }[] = [];
  for (const f of findings) {
    const fix = f.fixes!.find((x) => x.safe)!;
    const spans = fix.edits.filter((e) => (e.file ?? f.file) === file.path).map((e) => e.span);
    if (spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end))) continue;
    taken.push(...spans);
    fixes.push({ finding: f, fix });
  }
  const changes: LspWorkspaceEdit['changes'] = {};
  for (const { finding, fix } of fixes) {
    for (const [p, edits] of Object.entries(fixEdit(ws, file, finding, [fix]).changes)) (changes[p] ??= []).push(...edits);
  }
  return { changes };
}

/** The comment syntax of a file that can hold comments, or undefined (JSON cannot). */
function commentStyle(path: string, kind: FileKind): { open: string; close: string } | undefined {
  if (kind === 'mediapipe-graph') return { open: '#', close: '' };
  if (kind === 'command-lines') {
    const b = basename(path).toLowerCase();
    if (b.endsWith('.md') || b.endsWith('.markdown')) return { open: '<!--', close: ' -->' };
    if (b.endsWith('.bat') || b.endsWith('.cmd')) return { open: 'REM', close: '' };
    return { open: '#', close: '' };
  }
  return undefined;
}

function suppressAction(ws: Workspace, file: SourceFile, kind: FileKind, f: Finding): Omit<ServiceCodeAction, 'diagnostics'> | undefined {
  if (f.file !== file.path) return undefined;
  const style = commentStyle(file.path, kind);
  if (style) {
    const line = statementStart(file, kind, file.positionAt(f.span.start).line);
    const start = file.lineStart(line);
    const indent = /^[ \t]*/.exec(file.lineText(line))![0];
    const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
    const comment = `${indent}${style.open} ovms-lint-disable-next-line ${f.ruleId} -- ${REASON_PLACEHOLDER}${style.close}${eol}`;
    const at = toRange(file, { start, end: start });
    return {
      title: `Suppress ${f.ruleId} on this line (with a reason)`,
      kind: 'quickfix',
      edit: { changes: { [file.path]: [{ range: at, newText: comment }] } },
    };
  }
  if (kind === 'ovms-config' || kind === 'subconfig') return waiverAction(ws, file, f);
  return undefined;
}

/**
 * The line a next-line directive must precede: the first line of a statement continued with
 * `\` (or PowerShell's backtick, cmd's `^`) — a comment inside the continuation would cut the
 * command in two — and, in Markdown, the opener of the code fence holding the command.
 */
function statementStart(file: SourceFile, kind: FileKind, line: number): number {
  if (kind !== 'command-lines') return line;
  if (/\.(md|markdown)$/i.test(file.path)) {
    let opener = 0;
    for (let l = 1; l < line; l++) if (/^\s*(```|~~~)/.test(file.lineText(l))) opener = opener ? 0 : l;
    return opener || line;
  }
  const cont = /\.ps1$/i.test(file.path) ? /`\s*$/ : /\.(bat|cmd)$/i.test(file.path) ? /\^\s*$/ : /\\\s*$/;
  while (line > 1 && cont.test(file.lineText(line - 1))) line--;
  return line;
}

/** A waiver for a config.json finding in the nearest .ovms-lint.json (created next to the config if none). */
function waiverAction(ws: Workspace, file: SourceFile, f: Finding): Omit<ServiceCodeAction, 'diagnostics'> {
  const settingsPath = nearestSettings(ws, file.path) ?? joinPath(dirname(file.path), SETTINGS_FILE);
  const existing = ws.text(settingsPath);
  const rel = relativePath(dirname(settingsPath), file.path);
  const waiver: Record<string, string> = { rule: f.ruleId, files: rel };
  if (f.key !== undefined) waiver.pointer = f.key;
  waiver.reason = REASON_PLACEHOLDER;
  const title = `Waive ${f.ruleId}${f.key !== undefined ? ` at ${f.key}` : ''} in ${SETTINGS_FILE} (with a reason)`;
  if (existing === undefined || existing.trim() === '') {
    const text = JSON.stringify({ waivers: [waiver] }, null, 2) + '\n';
    return {
      title,
      kind: 'quickfix',
      edit: { create: existing === undefined ? [settingsPath] : [], changes: { [settingsPath]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] } },
    };
  }
  const src = new SourceFile(settingsPath, existing);
  const opts = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: existing.includes('\r\n') ? '\r\n' : '\n' } };
  let edits = modify(existing, ['waivers', -1], waiver, { ...opts, isArrayInsertion: true });
  if (edits.length === 0) edits = modify(existing, ['waivers'], [waiver], opts);
  return {
    title,
    kind: 'quickfix',
    edit: { changes: { [settingsPath]: edits.map((e) => ({ range: toRange(src, { start: e.offset, end: e.offset + e.length }), newText: e.content })) } },
  };
}

function nearestSettings(ws: Workspace, path: string): string | undefined {
  let dir = dirname(path);
  for (let i = 0; i < 32; i++) {
    const candidate = joinPath(dir, SETTINGS_FILE);
    if (ws.host.stat(candidate)?.isFile) return candidate;
    if (ws.roots.some((r) => r.replace(/[\\/]+$/, '') === dir)) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** `to` relative to directory `from`, with `/` separators. */
export function relativePath(from: string, to: string): string {
  const a = from.split(/[\\/]+/).filter(Boolean);
  const b = to.split(/[\\/]+/).filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}
