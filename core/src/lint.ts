import { linkDeployment } from './deployment/model';
import { Policy } from './config/policy';
import type { PolicyOptions } from './config/types';
import { detectKind } from './detect';
import type { ParsedDocument } from './documents';
import { emptyHost, type Host } from './host';
import { parseDocument } from './languages';
import type { RuleOptions } from './options';
import { Project } from './project';
import { allRules, findRule } from './rules';
import { syntaxRuleFor } from './rules/syntax';
import type { ReportInput, Rule, RuleContext } from './rules/types';
import { SourceFile } from './text/source';
import type { FileKind, Finding, SeverityOrOff } from './types';

export interface LintInput {
  path: string;
  text: string;
  /** Force a kind instead of detecting it from name and content. */
  kind?: FileKind;
}

export interface LintOptions extends PolicyOptions {
  /** Reaches referenced files (graphs, subconfigs, model directories). Default: none. */
  host?: Host;
  /** Severity overrides by rule id, alias or name; `off` disables a rule. */
  rules?: Record<string, SeverityOrOff>;
  ruleOptions?: Partial<RuleOptions>;
  /**
   * Milliseconds spent per phase (`parse`, `link`, `policy`) and per rule id, added up over
   * every file; filled only when given (the CLI's `TIMING=1`, the benchmarks).
   */
  timings?: Map<string, number>;
}

export interface FileResult {
  path: string;
  kind: FileKind;
  file: SourceFile;
  findings: Finding[];
}

export interface RuleFailure {
  ruleId: string;
  file: string;
  message: string;
}

export interface LintResult {
  files: FileResult[];
  /** Rules that threw: the run went on without them (a bug in ovms-lint, never in the input). */
  ruleFailures: RuleFailure[];
}

/**
 * The one entry point the CLI and the language server share: parse every input, link the
 * deployment, run the rules, apply severity settings. Never throws on bad input.
 */
export function lint(inputs: LintInput[], options: LintOptions = {}): LintResult {
  const project = new Project(options.host ?? emptyHost);
  const started = options.timings ? performance.now() : 0;
  for (const input of inputs) {
    const kind = input.kind ?? detectKind(input.path, input.text);
    if (!kind) continue;
    project.add(parseDocument(new SourceFile(input.path, input.text), kind));
  }
  if (options.timings) addTime(options.timings, 'parse', started);
  return lintProject(project, options);
}

export function lintProject(project: Project, options: LintOptions = {}): LintResult {
  // settings (.ovms-lint.json), waivers and inline suppressions: core/src/config/policy.ts
  const policy = new Policy(project, options);
  const overrides = resolveOverrides(options.rules);
  const findings = new Map<string, Finding[]>();
  const ruleFailures: RuleFailure[] = [];
  const push = (f: Finding) => {
    const sev = overrides.get(f.ruleId);
    if (sev === 'off') return;
    if (sev) f.severity = sev;
    let list = findings.get(f.file);
    if (!list) findings.set(f.file, (list = []));
    list.push(f);
  };

  const timings = options.timings;
  let started = timings ? performance.now() : 0;
  // Link config.json -> graphs -> subconfigs first: referenced files join the run and are linted in context.
  linkDeployment(project);
  if (timings) addTime(timings, 'link', started);
  // Rules may load referenced files into the project while they run; those are checked too.
  const done = new Set<string>();
  for (let pass = 0; pass < 8; pass++) {
    const pending = project.documents().filter((d) => !done.has(d.file.path));
    if (pending.length === 0) break;
    for (const doc of pending) {
      done.add(doc.file.path);
      const ruleOptions: RuleOptions = policy.ruleOptionsFor(doc);
      const syntax = syntaxRuleFor[doc.kind];
      for (const issue of doc.syntax) {
        push({
          ruleId: syntax.meta.id,
          ruleName: syntax.meta.name,
          severity: syntax.meta.severity,
          impact: doc.kind === 'subconfig' ? 'load' : doc.kind === 'settings' ? 'advice' : syntax.meta.impact,
          message: issue.message,
          file: doc.file.path,
          span: issue.span,
          ...(issue.fixes ? { fixes: issue.fixes } : {}),
        });
      }
      for (const rule of allRules) {
        if (overrides.get(rule.meta.id) === 'off') continue;
        if (timings) started = performance.now();
        try {
          runRule(rule, doc, project, ruleOptions, push);
        } catch (e) {
          ruleFailures.push({ ruleId: rule.meta.id, file: doc.file.path, message: e instanceof Error ? e.message : String(e) });
        }
        if (timings) addTime(timings, rule.meta.id, started);
      }
    }
  }

  const files: FileResult[] = project.documents().map((doc) => ({
    path: doc.file.path,
    kind: doc.kind,
    file: doc.file,
    // policy.apply sorts each file's findings, with those its directives and waivers add
    findings: findings.get(doc.file.path) ?? [],
  }));
  if (timings) started = performance.now();
  const result = policy.apply({ files, ruleFailures });
  if (timings) addTime(timings, 'policy', started);
  return result;
}

function addTime(timings: Map<string, number>, key: string, since: number): void {
  timings.set(key, (timings.get(key) ?? 0) + performance.now() - since);
}

function runRule(
  rule: Rule,
  doc: ParsedDocument,
  project: Project,
  options: RuleOptions,
  push: (f: Finding) => void,
): void {
  const ctx = <D>(d: D): RuleContext<D> => ({
    doc: d,
    file: doc.file,
    project,
    options,
    report: (r: ReportInput) => push(toFinding(rule, doc.file.path, r)),
  });
  switch (rule.target) {
    case 'config':
      if (doc.kind === 'ovms-config' || doc.kind === 'subconfig') rule.check(ctx(doc));
      return;
    case 'graph':
      if (doc.kind === 'mediapipe-graph') rule.check(ctx(doc));
      return;
    case 'commands':
      if (doc.kind === 'command-lines') rule.check(ctx(doc));
      return;
    case 'documents':
      if (doc.kind === 'ovms-config' || doc.kind === 'subconfig') rule.config?.(ctx(doc));
      else if (doc.kind === 'mediapipe-graph') rule.graph?.(ctx(doc));
      else if (doc.kind === 'command-lines') rule.commands?.(ctx(doc));
      return;
    case 'engine':
      return;
  }
}

function toFinding(rule: Rule, path: string, r: ReportInput): Finding {
  const f: Finding = {
    ruleId: rule.meta.id,
    ruleName: rule.meta.name,
    severity: r.severity ?? rule.meta.severity,
    impact: r.impact ?? rule.meta.impact,
    message: r.message,
    file: r.file ? r.file.path : path,
    span: r.span,
  };
  if (r.related?.length) f.related = r.related;
  if (r.fixes?.length) f.fixes = r.fixes;
  if (r.key !== undefined) f.key = r.key;
  return f;
}

function resolveOverrides(rules: Record<string, SeverityOrOff> | undefined): Map<string, SeverityOrOff> {
  const out = new Map<string, SeverityOrOff>();
  for (const [k, v] of Object.entries(rules ?? {})) {
    const rule = findRule(k);
    if (rule) out.set(rule.meta.id, v);
  }
  return out;
}
