import { allRules, findRule } from '../rules';
import { suppressionUnknownRule, suppressionWithoutReason, unusedSuppression } from '../rules/lint';
import type { RuleMeta } from '../rules/types';
import type { Directive } from '../suppress/directives';
import type { SourceFile } from '../text/source';
import { didYouMeanSuffix } from '../text/suggest';
import type { Finding, Fix, Span } from '../types';

export function finding(meta: RuleMeta, file: string, span: Span, message: string, fixes?: Fix[]): Finding {
  const f: Finding = { ruleId: meta.id, ruleName: meta.name, severity: meta.severity, impact: meta.impact, message, file, span };
  if (fixes?.length) f.fixes = fixes;
  return f;
}

export interface DirectiveRun {
  /** Report directives, and rule ids in them, that suppressed nothing (OVMS-LINT-004). */
  reportUnused: boolean;
  /** Whether a rule ran on this file: it applies to the file's kind, is not off and did not fail. */
  ran: (ruleId: string) => boolean;
}

/**
 * Mark the findings the directives cover as suppressed; return the directives' own findings
 * (missing reason, unknown rule, and with `reportUnused` the directives that covered nothing).
 * A rule id counts as unused only when that rule ran here, so a rule turned off, or one that
 * never looks at this kind of file, does not make a directive "unused".
 */
export function applyDirectives(file: SourceFile, directives: Directive[], findings: Finding[], run: DirectiveRun): Finding[] {
  const path = file.path;
  const out: Finding[] = [];
  const names = allRules.flatMap((r) => [r.meta.id, r.meta.name]);
  // findings by start line, so that each directive looks only at its lines
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    const line = file.positionAt(f.span.start).line;
    let list = byLine.get(line);
    if (!list) byLine.set(line, (list = []));
    list.push(f);
  }
  const linesOf = (from: number, to: number): Finding[] => {
    const out: Finding[] = [];
    for (let l = from; l <= to; l++) out.push(...(byLine.get(l) ?? []));
    return out;
  };
  for (const d of directives) {
    if (!d.reason && d.kind !== 'enable') {
      out.push(
        finding(suppressionWithoutReason.meta, path, d.span, `This ovms-lint-${d.kind} directive gives no reason: add \` -- why this is acceptable\` after the rule ids, so that reviewers and SARIF readers can tell an accepted risk from a silenced one.`),
      );
    }
    const ids = d.rules.map((r) => findRule(r.name)?.meta.id);
    for (const [i, r] of d.rules.entries()) {
      if (!ids[i]) {
        out.push(finding(suppressionUnknownRule.meta, path, r.span, `"${r.name}" is not an ovms-lint rule id or name, so this directive suppresses nothing for it.${didYouMeanSuffix(r.name, names)}`));
      }
    }
    if (d.kind === 'enable') {
      if (run.reportUnused && !d.matched) {
        out.push(finding(unusedSuppression.meta, path, d.span, 'This ovms-lint-enable directive ends no ovms-lint-disable above it (none is open for its rules), so it does nothing: remove it.', removeComment(file, d)));
      }
      continue;
    }
    const used = new Set<number>();
    let usedAll = false;
    for (const f of linesOf(d.from, d.to)) {
      if (f.suppressed || f.file !== path || f.ruleId.startsWith('OVMS-LINT-')) continue;
      if (d.rules.length === 0) {
        usedAll = true;
      } else {
        const i = ids.indexOf(f.ruleId);
        if (i < 0) continue;
        const to = d.rules[i]!.to;
        if (to !== undefined && file.positionAt(f.span.start).line > to) continue;
        used.add(i);
      }
      f.suppressed = { kind: 'inline', reason: d.reason ?? '(no reason given)' };
    }
    if (!run.reportUnused) continue;
    const where = d.kind === 'disable' ? 'in the lines this directive covers' : 'on the next line';
    if (d.rules.length === 0) {
      if (!usedAll) out.push(finding(unusedSuppression.meta, path, d.span, `This ovms-lint-${d.kind} directive suppresses no finding ${where}: remove it.`, removeComment(file, d)));
      continue;
    }
    // only rules that are known and ran here can be unused
    const unused = d.rules.flatMap((_, i) => (ids[i] && run.ran(ids[i]) && !used.has(i) ? [i] : []));
    if (unused.length === 0) continue;
    if (unused.length === d.rules.length) {
      const list = d.rules.map((r) => r.name).join(', ');
      out.push(finding(unusedSuppression.meta, path, d.span, `${list} ${d.rules.length > 1 ? 'report' : 'reports'} nothing ${where}, so this ovms-lint-${d.kind} directive suppresses nothing: remove it.`, removeComment(file, d)));
      continue;
    }
    for (const i of unused) {
      const r = d.rules[i]!;
      out.push(finding(unusedSuppression.meta, path, r.span, `${r.name} reports nothing ${where}, so this suppression is unused: remove it from the directive.`, removeRule(d, i)));
    }
  }
  return out;
}

/** Remove the directive's comment: the whole line when the comment is alone on it. */
function removeComment(file: SourceFile, d: Directive): Fix[] {
  const start = file.lineStart(d.line);
  const text = file.lineText(d.line);
  const before = file.text.slice(start, d.comment.start);
  const after = file.text.slice(d.comment.end, start + text.length);
  let span: Span;
  if (before.trim() === '' && after.trim() === '') {
    span = { start, end: d.line < file.lineCount ? file.lineStart(d.line + 1) : start + text.length };
  } else {
    span = { start: d.comment.start - (before.length - before.trimEnd().length), end: d.comment.end };
  }
  return [{ title: `Remove this unused ovms-lint-${d.kind} comment`, safe: true, edits: [{ span, newText: '' }] }];
}

/** Remove one rule id from the directive's list, with the separator after it (or before it, for the last). */
function removeRule(d: Directive, i: number): Fix[] {
  const r = d.rules[i]!;
  const span = i < d.rules.length - 1 ? { start: r.span.start, end: d.rules[i + 1]!.span.start } : { start: d.rules[i - 1]!.span.end, end: r.span.end };
  return [{ title: `Remove ${r.name} from this directive`, safe: true, edits: [{ span, newText: '' }] }];
}
