import picomatch from 'picomatch';
import type { ParsedDocument } from '../documents';
import type { FileResult, LintResult } from '../lint';
import { DEFAULT_RULE_OPTIONS, type RuleOptions } from '../options';
import type { Project } from '../project';
import { allRules, findRule } from '../rules';
import { settingsInvalid, suppressionUnknownRule, suppressionWithoutReason, unusedSuppression, waiverExpired } from '../rules/lint';
import type { RuleMeta } from '../rules/types';
import { commentStylesFor, scanDirectives, type Directive } from '../suppress/directives';
import type { SourceFile } from '../text/source';
import { didYouMeanSuffix } from '../text/suggest';
import type { Finding, SeverityOrOff, Span } from '../types';
import { relativeTo } from './paths';
import { SettingsResolver } from './resolve';
import { EMPTY_SETTINGS, type EffectiveSettings, type PolicyOptions, type Waiver } from './types';

/**
 * Everything between the rules and the results: the settings in force for each file (rule
 * options, severities, ignores, waivers) and inline suppressions. lint() asks it for each
 * document's rule options before the rules run, and hands it the findings afterwards.
 */
export interface PolicyInput extends PolicyOptions {
  rules?: Record<string, SeverityOrOff>;
  ruleOptions?: Partial<RuleOptions>;
}

export class Policy {
  readonly resolver: SettingsResolver | undefined;
  private readonly cliRules = new Map<string, SeverityOrOff>();
  private readonly today: string;

  constructor(
    project: Project,
    private readonly input: PolicyInput,
  ) {
    this.resolver = input.settings === false ? undefined : new SettingsResolver(project);
    for (const [k, v] of Object.entries(input.rules ?? {})) {
      const r = findRule(k);
      if (r) this.cliRules.set(r.meta.id, v);
    }
    this.today = input.today ?? new Date().toISOString().slice(0, 10);
  }

  settingsFor(path: string): EffectiveSettings {
    return this.resolver ? this.resolver.forFile(path) : EMPTY_SETTINGS;
  }

  /** Defaults < the settings file's options < options given to lint() (CLI, editor). */
  ruleOptionsFor(doc: ParsedDocument): RuleOptions {
    return { ...DEFAULT_RULE_OPTIONS, ...this.settingsFor(doc.file.path).options, ...this.input.ruleOptions };
  }

  /** Apply settings and suppressions to the findings of a run; adds OVMS-LINT-* findings. */
  apply(result: LintResult): LintResult {
    const files: FileResult[] = [];
    for (const fr of result.files) {
      const settings = this.settingsFor(fr.path);
      if (this.ignored(settings, fr.path)) continue;
      const extra: Finding[] = fr.kind === 'settings' && this.resolver ? this.settingsFindings(fr) : [];
      let findings = this.severities(settings, [...fr.findings, ...extra]);
      const inline = this.input.inlineConfig !== false && !settings.noInlineConfig;
      if (inline) {
        const reportUnused = this.input.reportUnusedDisableDirectives ?? settings.reportUnusedDisableDirectives ?? false;
        const directives = scanDirectives(fr.file, commentStylesFor(fr.path, fr.kind), (n) => findRule(n)?.meta.id);
        if (directives.length) findings = [...findings, ...this.severities(settings, applyDirectives(fr.file, directives, findings, reportUnused))];
      }
      this.applyWaivers(settings, fr.path, findings);
      findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
      files.push({ ...fr, findings });
    }
    return { ...result, files };
  }

  private ignored(settings: EffectiveSettings, path: string): boolean {
    return settings.ignores.some((ig) => matches(ig.pattern, ig.baseDir, path));
  }

  /** Settings severities, then those given to lint() (which win); `off` drops the finding. */
  private severities(settings: EffectiveSettings, findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const sev = this.cliRules.get(f.ruleId) ?? settings.rules[f.ruleId];
      if (sev === 'off') continue;
      if (sev) f.severity = sev;
      out.push(f);
    }
    return out;
  }

  private settingsFindings(fr: FileResult): Finding[] {
    const out: Finding[] = [];
    const resolver = this.resolver!;
    for (const issue of resolver.issuesOf(fr.path)) out.push(finding(settingsInvalid.meta, fr.path, issue.span, issue.message));
    for (const w of resolver.dataOf(fr.path)?.waivers ?? []) {
      if (!w.reason?.trim()) {
        out.push(
          finding(suppressionWithoutReason.meta, fr.path, w.span, `This waiver of ${w.rules.join(', ')} gives no "reason": write down why the finding is acceptable, so that reviewers and SARIF readers can tell an accepted risk from a silenced one.`),
        );
      }
      if (w.expires && w.expires < this.today) {
        out.push(
          finding(waiverExpired.meta, fr.path, w.expiresSpan ?? w.span, `This waiver of ${w.rules.join(', ')} expired on ${w.expires}: the findings it covered are reported again. Fix them and remove the waiver, or decide again and move the date.`),
        );
      }
    }
    return out;
  }

  private applyWaivers(settings: EffectiveSettings, path: string, findings: Finding[]): void {
    if (!settings.waivers.length) return;
    for (const f of findings) {
      if (f.suppressed || f.ruleId.startsWith('OVMS-LINT-')) continue;
      const w = settings.waivers.find((w) => this.waives(w, f, path));
      if (w) f.suppressed = { kind: 'waiver', reason: w.reason?.trim() || '(no reason given)' };
    }
  }

  private waives(w: Waiver, f: Finding, path: string): boolean {
    if (!w.rules.includes(f.ruleId)) return false;
    if (w.expires && w.expires < this.today) return false;
    if (w.files.length && !w.files.some((g) => matches(g, w.baseDir, f.file === path ? path : f.file))) return false;
    if (w.pointer !== undefined) return f.key !== undefined && (f.key === w.pointer || f.key.startsWith(w.pointer + '/'));
    if (w.node !== undefined) return f.key === w.node;
    if (w.flag !== undefined) return f.key !== undefined && f.key.replace(/^-+/, '') === w.flag.replace(/^-+/, '');
    return true;
  }
}

const matchers = new Map<string, (p: string) => boolean>();

/** Whether `path` (inside `baseDir`) matches a glob written relative to `baseDir`. */
export function matches(glob: string, baseDir: string, path: string): boolean {
  const rel = relativeTo(baseDir, path);
  if (rel === undefined) return false;
  let m = matchers.get(glob);
  if (!m) {
    const g = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
    m = picomatch(g, { dot: true, basename: !g.includes('/') });
    matchers.set(glob, m);
  }
  return m(rel);
}

function finding(meta: RuleMeta, file: string, span: Span, message: string): Finding {
  return { ruleId: meta.id, ruleName: meta.name, severity: meta.severity, impact: meta.impact, message, file, span };
}

/**
 * Mark the findings the directives cover as suppressed; return the directives' own findings
 * (missing reason, unknown rule, and with `reportUnused` the directives that covered nothing).
 */
function applyDirectives(file: SourceFile, directives: Directive[], findings: Finding[], reportUnused: boolean): Finding[] {
  const path = file.path;
  const out: Finding[] = [];
  const names = allRules.flatMap((r) => [r.meta.id, r.meta.name]);
  // findings by start line, so that each next-line directive looks only at its lines (linear)
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
    const ids: { id: string | undefined; span: Span }[] = d.rules.map((r) => ({ id: findRule(r.name)?.meta.id, span: r.span }));
    for (const [i, r] of d.rules.entries()) {
      if (!ids[i]!.id) {
        out.push(finding(suppressionUnknownRule.meta, path, r.span, `"${r.name}" is not an ovms-lint rule id or name, so this directive suppresses nothing for it.${didYouMeanSuffix(r.name, names)}`));
      }
    }
    if (d.kind === 'enable') continue;
    const used = new Set<number>();
    let usedAll = false;
    for (const f of linesOf(d.from, d.to)) {
      if (f.suppressed || f.file !== path || f.ruleId.startsWith('OVMS-LINT-')) continue;
      if (d.rules.length === 0) {
        usedAll = true;
      } else {
        const i = ids.findIndex((x) => x.id === f.ruleId);
        if (i < 0) continue;
        const to = d.rules[i]!.to;
        if (to !== undefined && file.positionAt(f.span.start).line > to) continue;
        used.add(i);
      }
      f.suppressed = { kind: 'inline', reason: d.reason ?? '(no reason given)' };
    }
    if (!reportUnused) continue;
    if (d.rules.length === 0 && !usedAll) {
      out.push(finding(unusedSuppression.meta, path, d.span, `This ovms-lint-${d.kind} directive suppresses no finding: remove it.`));
    }
    for (const [i, r] of d.rules.entries()) {
      if (ids[i]!.id && !used.has(i)) {
        out.push(finding(unusedSuppression.meta, path, r.span, `${r.name} reports nothing ${d.kind === 'disable' ? 'in the lines this directive covers' : 'on the next line'}, so this suppression is unused: remove it from the directive.`));
      }
    }
  }
  return out;
}
