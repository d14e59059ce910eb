import type { CommandsDocument, ConfigDocument, GraphDocument } from '../documents';
import type { Project } from '../project';
import type { SourceFile } from '../text/source';
import type { FileKind, Fix, Impact, RelatedLocation, Severity, Span } from '../types';
import type { RuleOptions } from '../options';

/** Language of a documentation example, for syntax highlighting in generated docs. */
export type ExampleLanguage = 'json' | 'pbtxt' | 'shell' | 'yaml' | 'dockerfile' | 'markdown' | 'text';

/**
 * A rule's metadata: everything the docs, `ovms-lint rules`, SARIF and hovers show.
 * Rule documentation is generated from this and never written anywhere else.
 */
export interface RuleMeta {
  /** The public id, e.g. `OVMS-SEC-013`. Never renamed. */
  id: string;
  /** kebab-case name, e.g. `api-key-missing`. Settings accept it instead of the id. */
  name: string;
  severity: Severity;
  impact: Impact;
  /** e.g. `security`, `dos`, `schema`, `deprecated`, `cross-file`. */
  tags: string[];
  /** CWE number where one fits (e.g. 306 Missing Authentication for Critical Function). */
  cwe?: number;
  /** The file kinds whose findings this rule produces. */
  appliesTo: FileKind[];
  /** Other ids that name the same rule (accepted in settings, suppressions and `explain`). */
  aliases?: string[];
  /** One line, sentence case, no trailing period: used as the short description. */
  title: string;
  /** What the rule checks, in a paragraph. */
  description: string;
  /** Why it matters, with the OVMS/MediaPipe fact behind it (and its source). */
  why: string;
  /** An invalid example and its corrected form. */
  example: { language: ExampleLanguage; invalid: string; valid: string };
  /** How to fix it. */
  fix: string;
}

/** What a rule hands to `report`. Spans are offsets in `ctx.file` unless `file` says otherwise. */
export interface ReportInput {
  message: string;
  span: Span;
  /** Report in another file (e.g. a deployment rule reporting in a graph). Defaults to ctx.file. */
  file?: SourceFile;
  /** Per-case severity when the catalogue gives one (otherwise the rule's default). */
  severity?: Severity;
  /** Per-case impact when it differs from the rule's (e.g. a syntax error in a subconfig is `load`). */
  impact?: Impact;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Stable location key: JSON Pointer, graph node name or flag (waivers, SARIF fingerprints). */
  key?: string;
}

export interface RuleContext<D> {
  readonly doc: D;
  readonly file: SourceFile;
  readonly project: Project;
  readonly options: RuleOptions;
  report(finding: ReportInput): void;
}

interface RuleBase {
  meta: RuleMeta;
}

/** Checks one config.json or subconfig.json (ctx.doc.kind tells which). */
export interface ConfigRule extends RuleBase {
  target: 'config';
  check(ctx: RuleContext<ConfigDocument>): void;
}

/** Checks one MediaPipe graph. */
export interface GraphRule extends RuleBase {
  target: 'graph';
  check(ctx: RuleContext<GraphDocument>): void;
}

/** Checks one file of command lines. */
export interface CommandsRule extends RuleBase {
  target: 'commands';
  check(ctx: RuleContext<CommandsDocument>): void;
}

/** A rule whose findings a parser or the engine produces (syntax errors); it has no check. */
export interface EngineRule extends RuleBase {
  target: 'engine';
}

/**
 * Checks documents of several kinds with one rule (e.g. a version rule about both command-line
 * flags and config.json keys): each present check runs on the documents of its kind.
 */
export interface DocumentsRule extends RuleBase {
  target: 'documents';
  config?(ctx: RuleContext<ConfigDocument>): void;
  graph?(ctx: RuleContext<GraphDocument>): void;
  commands?(ctx: RuleContext<CommandsDocument>): void;
}

export type Rule = ConfigRule | GraphRule | CommandsRule | DocumentsRule | EngineRule;
