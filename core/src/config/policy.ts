import picomatch from 'picomatch';
import type { ParsedDocument } from '../documents';
import type { FileResult, LintResult } from '../lint';
import { DEFAULT_RULE_OPTIONS, type RuleOptions } from '../options';
import type { Project } from '../project';
import { findRule } from '../rules';
import { settingsInvalid, suppressionWithoutReason, unusedSuppression, waiverExpired } from '../rules/lint';
import { commentStylesFor, scanDirectives } from '../suppress/directives';
import type { FileKind, Finding, SeverityOrOff } from '../types';
import { applyDirectives, finding } from './directives-apply';
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
    const failed = new Set(result.ruleFailures.map((f) => `${f.ruleId}\0${f.file}`));
    const waivers = new WaiverUse();
    for (const fr of result.files) {
      const settings = this.settingsFor(fr.path);
      if (this.ignored(settings, fr.path)) continue;
      const extra: Finding[] = fr.kind === 'settings' && this.resolver ? this.settingsFindings(fr) : [];
      let findings = this.severities(settings, [...fr.findings, ...extra]);
      const ran = (id: string) => this.ran(settings, fr.kind, id) && !failed.has(`${id}\0${fr.path}`);
      const inline = this.input.inlineConfig !== false && !settings.noInlineConfig;
      if (inline) {
        const reportUnused = this.reportUnused(settings);
        const directives = scanDirectives(fr.file, commentStylesFor(fr.path, fr.kind), (n) => findRule(n)?.meta.id);
        if (directives.length) findings = [...findings, ...this.severities(settings, applyDirectives(fr.file, directives, findings, { reportUnused, ran }))];
      }
      this.applyWaivers(settings, fr.path, findings, waivers, ran);
      files.push({ ...fr, findings });
    }
    this.unusedWaivers(waivers, files);
    for (const fr of files) fr.findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return { ...result, files };
  }

  private reportUnused(settings: EffectiveSettings): boolean {
    return this.input.reportUnusedDisableDirectives ?? settings.reportUnusedDisableDirectives ?? false;
  }

  /** Whether a rule ran on a file of this kind (before failures): it applies to the kind and is not off. */
  private ran(settings: EffectiveSettings, kind: FileKind, id: string): boolean {
    const rule = findRule(id);
    if (!rule || !rule.meta.appliesTo.includes(kind)) return false;
    return (this.cliRules.get(id) ?? settings.rules[id]) !== 'off';
  }

  /**
   * A waiver that waived nothing in this run, although a file it covers was linted and every
   * rule it names ran on such a file: OVMS-LINT-004 at the waiver, in its settings file (when
   * that file is in the run and asks for unused suppressions to be reported). A run that lints
   * none of the files a waiver covers says nothing about it.
   */
  private unusedWaivers(use: WaiverUse, files: FileResult[]): void {
    for (const w of use.exercised) {
      if (use.used.has(w) || !use.allRulesRan(w)) continue;
      const fr = files.find((f) => f.path === w.source);
      const settings = this.settingsFor(w.source);
      if (!fr || !this.reportUnused(settings)) continue;
      const message = `This waiver of ${w.rules.join(', ')} waived no finding in this run (the files it covers were linted and its rules ran): the problem it accepted is gone, or the waiver no longer matches it (files, pointer, node, flag). Remove the waiver, or correct where it points.`;
      fr.findings.push(...this.severities(settings, [finding(unusedSuppression.meta, fr.path, w.span, message)]));
    }
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

  private applyWaivers(settings: EffectiveSettings, path: string, findings: Finding[], use: WaiverUse, ran: (id: string) => boolean): void {
    if (!settings.waivers.length) return;
    for (const w of settings.waivers) {
      if (w.rules.length === 0 || (w.expires && w.expires < this.today)) continue;
      if (w.files.length && !w.files.some((g) => matches(g, w.baseDir, path))) continue;
      use.exercise(w, ran);
    }
    for (const f of findings) {
      if (f.suppressed || f.ruleId.startsWith('OVMS-LINT-')) continue;
      const w = settings.waivers.find((w) => this.waives(w, f, path));
      if (!w) continue;
      f.suppressed = { kind: 'waiver', reason: w.reason?.trim() || '(no reason given)' };
      use.used.add(w);
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

/** Which waivers covered a linted file, which of their rules ran on one, and which waived a finding. */
class WaiverUse {
  readonly used = new Set<Waiver>();
  readonly exercised = new Set<Waiver>();
  private readonly rulesRan = new Map<Waiver, Set<string>>();

  exercise(w: Waiver, ran: (id: string) => boolean): void {
    this.exercised.add(w);
    let set = this.rulesRan.get(w);
    if (!set) this.rulesRan.set(w, (set = new Set()));
    for (const id of w.rules) if (ran(id)) set.add(id);
  }

  allRulesRan(w: Waiver): boolean {
    return (this.rulesRan.get(w)?.size ?? 0) === w.rules.length;
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
