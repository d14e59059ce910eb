import { lintProject, type LintOptions } from '../lint';
import { Project } from '../project';
import { basename } from '../detect';
import type { RuleOptions } from '../options';
import { SourceFile } from '../text/source';
import { docsUrl, type Finding, type SeverityOrOff } from '../types';
import { configEntries, resolveEntryPath } from './config-entries';
import { dirname, joinPath } from './paths';
import { toRange } from './positions';
import { DiagnosticSeverity, type ServiceDiagnostic } from './types';
import type { Workspace } from './workspace';

/** Settings the editor or the project give the service. */
export interface ServiceSettings {
  /** Severity overrides by rule id or name; `off` disables a rule. */
  rules?: Record<string, SeverityOrOff>;
  ruleOptions?: Partial<RuleOptions>;
}

/** The result of validating one document, kept for code actions, hovers and dependents. */
export interface Analysis {
  path: string;
  file: SourceFile;
  findings: Finding[];
  diagnostics: ServiceDiagnostic[];
  /** Every other file the result depended on (referenced graphs, the config owning a graph). */
  deps: Set<string>;
}

/** Called once per failing rule (or crashing parser); the service goes on without it. */
export type FailureLogger = (message: string) => void;

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** How far up from a graph the service looks for the config.json that references it. */
const OWNER_SEARCH_LEVELS = 3;

export class Validator {
  private readonly last = new Map<string, Analysis>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly ws: Workspace,
    private readonly settingsFor: (path: string) => ServiceSettings,
    private readonly log: FailureLogger = () => {},
  ) {}

  /** The last analysis of `path`, if it was validated. */
  analysis(path: string): Analysis | undefined {
    return this.last.get(path);
  }

  forget(path: string): void {
    this.last.delete(path);
  }

  /**
   * Validate the document at `path` with everything it depends on: the graphs and subconfigs
   * its config references, and for a graph or subconfig the configs that reference it.
   */
  validate(path: string): Analysis {
    const text = this.ws.text(path) ?? '';
    const file = new SourceFile(path, text);
    const kind = this.ws.kind(path);
    const empty: Analysis = { path, file, findings: [], diagnostics: [], deps: new Set() };
    if (!kind) {
      this.last.set(path, empty);
      return empty;
    }
    const settings = this.settingsFor(path);
    const options: LintOptions = { host: this.ws.host };
    if (settings.rules) options.rules = settings.rules;
    if (settings.ruleOptions) options.ruleOptions = settings.ruleOptions;
    let analysis: Analysis;
    try {
      // the editor's parse of each document is shared by validation, hover and completion
      const project = new Project(this.ws.host);
      project.add(this.ws.parsed(path)!);
      if (kind === 'mediapipe-graph' || kind === 'subconfig') {
        for (const owner of this.ownersOf(path)) {
          const doc = this.ws.parsed(owner);
          if (doc) project.add(doc);
        }
      }
      const result = lintProject(project, options);
      for (const f of result.ruleFailures) this.logOnce(`rule:${f.ruleId}`, `ovms-lint: rule ${f.ruleId} failed on ${f.file}: ${f.message} (the rule is skipped; please report this bug)`);
      const mine = result.files.find((f) => f.path === path);
      const findings = (mine?.findings ?? []).filter((f) => !f.suppressed);
      const others = result.files.filter((f) => f.path !== path).map((f) => f.path);
      const sources = new Map(result.files.map((f) => [f.path, f.file]));
      analysis = {
        path,
        file: mine?.file ?? file,
        findings,
        diagnostics: findings.map((f, i) => toDiagnostic(f, i, mine?.file ?? file, sources)),
        deps: new Set([...others, ...referencedFiles(this.ws, path)]),
      };
    } catch (e) {
      this.logOnce(`crash:${kind}`, `ovms-lint: validating ${path} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)} (please report this bug)`);
      analysis = empty;
    }
    this.last.set(path, analysis);
    return analysis;
  }

  /** Open documents whose last analysis depended on `path` (to re-validate when it changes). */
  dependents(path: string): string[] {
    const out: string[] = [];
    for (const [p, a] of this.last) if (p !== path && this.ws.isOpen(p) && a.deps.has(path)) out.push(p);
    return out;
  }

  /**
   * Configs that reference the graph/subconfig at `path`: open configs whose last analysis
   * loaded it, and OVMS configs in the directories above it (up to three levels, not above a
   * workspace folder) whose text names its directory or file.
   */
  ownersOf(path: string): string[] {
    const owners = new Set<string>();
    for (const [p, a] of this.last) if (a.deps.has(path) && this.ws.kind(p) === 'ovms-config') owners.add(p);
    const names = [basename(path), basename(dirname(path))];
    let dir = dirname(path);
    for (let level = 0; level < OWNER_SEARCH_LEVELS; level++) {
      for (const entry of this.ws.host.readDir(dir) ?? []) {
        if (!entry.toLowerCase().endsWith('.json')) continue;
        const candidate = joinPath(dir, entry);
        if (candidate === path || owners.has(candidate)) continue;
        const text = this.ws.text(candidate);
        if (text === undefined || this.ws.kind(candidate) !== 'ovms-config') continue;
        if (names.some((n) => n && text.includes(n))) owners.add(candidate);
      }
      if (this.ws.roots.some((r) => sameDir(r, dir))) break;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return [...owners];
  }

  private logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(message);
  }
}

/** Graphs and subconfigs a config names (resolved as OVMS does), whether or not a rule loaded them. */
function referencedFiles(ws: Workspace, path: string): string[] {
  const kind = ws.kind(path);
  if (kind !== 'ovms-config' && kind !== 'subconfig') return [];
  const doc = ws.parsed(path);
  if (!doc || (doc.kind !== 'ovms-config' && doc.kind !== 'subconfig')) return [];
  const out: string[] = [];
  for (const e of configEntries(doc)) {
    if (e.section !== 'graph' && e.section !== 'model') continue;
    const graph = resolveEntryPath(path, e, 'graph_path');
    // a model entry whose base_path holds graph.pbtxt is a graph too (reference ovms-config.md §2.4)
    if (!graph || (e.section === 'model' && !ws.host.stat(graph)?.isFile)) continue;
    out.push(graph);
    const sub = resolveEntryPath(path, e, 'subconfig');
    if (sub) out.push(sub);
  }
  return out;
}

function sameDir(a: string, b: string): boolean {
  return a.replace(/[\\/]+$/, '') === b.replace(/[\\/]+$/, '');
}

export function toDiagnostic(f: Finding, index: number, file: SourceFile, sources: Map<string, SourceFile>): ServiceDiagnostic {
  const d: ServiceDiagnostic = {
    range: toRange(file, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    source: 'ovms-lint',
    message: f.message,
    data: { ruleName: f.ruleName, impact: f.impact, index, ...(f.key !== undefined ? { key: f.key } : {}) },
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.flatMap((r) => {
      const src = sources.get(r.file) ?? (r.file === file.path ? file : undefined);
      return src ? [{ location: { path: r.file, range: toRange(src, r.span) }, message: r.message }] : [];
    });
  }
  return d;
}
