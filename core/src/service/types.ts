/**
 * The language service's vocabulary: small, LSP-shaped types (0-based lines and UTF-16
 * characters, as LSP counts them) so that server/ converts nothing but URIs. Nothing here imports
 * the rest of the service; core never imports vscode-languageserver.
 */
import type { Fix, Impact, Span } from '../types';

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface LspLocation {
  /** A file path (the server maps it to a URI). */
  path: string;
  range: LspRange;
}

export enum DiagnosticSeverity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

export interface RelatedInformation {
  location: LspLocation;
  message: string;
}

export interface ServiceDiagnostic {
  range: LspRange;
  severity: DiagnosticSeverity;
  /** The rule id, e.g. `OVMS-CFG-002`. */
  code: string;
  codeDescription: { href: string };
  source: 'ovms-lint';
  message: string;
  relatedInformation?: RelatedInformation[];
  /** Round-trips through the client into code-action requests. */
  data: DiagnosticData;
}

export interface DiagnosticData {
  ruleName: string;
  impact: Impact;
  key?: string;
  /** Index of the finding in the file's last result: code actions find its fixes by it. */
  index: number;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

/** Edits per file path; `create` lists files that must be created (empty) before the edits apply. */
export interface LspWorkspaceEdit {
  changes: Record<string, LspTextEdit[]>;
  create?: string[];
}

export interface MarkupContent {
  kind: 'markdown';
  value: string;
}

/** What a language-specific hover found: markdown and the span it is about. */
export interface HoverTopic {
  markdown: string;
  span: Span;
}

export interface ServiceHover {
  contents: MarkupContent;
  range?: LspRange;
}

export enum CompletionItemKind {
  Text = 1,
  Field = 5,
  Variable = 6,
  Class = 7,
  Module = 9,
  Property = 10,
  Value = 12,
  Enum = 13,
  Keyword = 14,
  Snippet = 15,
  File = 17,
  EnumMember = 20,
  Event = 23,
}

export enum InsertTextFormat {
  PlainText = 1,
  Snippet = 2,
}

export interface ServiceCompletionItem {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: MarkupContent;
  /** Replaces `range` of the document. */
  textEdit?: LspTextEdit;
  insertTextFormat?: InsertTextFormat;
  filterText?: string;
  sortText?: string;
}

export interface ServiceCompletionList {
  isIncomplete: boolean;
  items: ServiceCompletionItem[];
}

export interface ServiceCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.ovms-lint';
  diagnostics?: ServiceDiagnostic[];
  isPreferred?: boolean;
  edit: LspWorkspaceEdit;
}

export enum SymbolKind {
  File = 1,
  Module = 2,
  Namespace = 3,
  Package = 4,
  Class = 5,
  Method = 6,
  Property = 7,
  Field = 8,
  Function = 12,
  Variable = 13,
  String = 15,
  Object = 19,
  Event = 24,
  Operator = 25,
}

export interface ServiceDocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: LspRange;
  selectionRange: LspRange;
  children?: ServiceDocumentSymbol[];
}

export interface ServiceLocationLink {
  originSelectionRange: LspRange;
  targetPath: string;
  targetRange: LspRange;
  targetSelectionRange: LspRange;
}

export interface ServiceDocumentLink {
  range: LspRange;
  /** Absolute path of the target. */
  target: string;
  tooltip?: string;
}

/** A finding's fix, kept as core data so actions can rebuild edits. */
export type { Fix };
