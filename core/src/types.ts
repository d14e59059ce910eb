/**
 * The ground floor of the core: the finding model shared by every parser, rule, formatter and
 * the language server. Nothing here imports anything else of the project.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** What happens in OVMS (design.md): the word users care about more than a severity. */
export type Impact = 'startup' | 'load' | 'request' | 'exposure' | 'risk' | 'advice';

/** The kind of a linted file, as in the JSON output contract. */
export type FileKind = 'ovms-config' | 'subconfig' | 'mediapipe-graph' | 'command-lines' | 'settings';

/** A span of a file's text as UTF-16 offsets (JavaScript string indices), end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line and column; columns count UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** A text edit in one file: replace `span` by `newText`. */
export interface TextEdit {
  /** The file the edit applies to; defaults to the finding's file. */
  file?: string;
  span: Span;
  newText: string;
}

export interface Fix {
  /** What the fix does, imperative: "Publish the port on 127.0.0.1 only". */
  title: string;
  /** A safe fix keeps the meaning the user intended; unsafe fixes change behaviour. */
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

/** A finding as rules and parsers produce it: offsets, not lines. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  impact: Impact;
  message: string;
  file: string;
  span: Span;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /**
   * A location key that does not move when lines shift: a JSON Pointer in a config, a graph
   * node name, a flag name. Used for waivers and SARIF fingerprints.
   */
  key?: string;
  /** Set when a waiver or an inline directive suppressed the finding. */
  suppressed?: { kind: 'waiver' | 'inline'; reason: string };
}

/** Where rule documentation lives; every finding links to it. */
export const DOCS_BASE_URL = 'https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
