/**
 * The language service: an editor-agnostic facade in the shape of vscode-json-languageservice.
 * The server hands it documents (paths + text) and LSP-shaped positions; it answers with
 * LSP-shaped results. One file per feature sits beside this one.
 */
import type { ParsedDocument } from '../documents';
import type { Host } from '../host';
import { doCodeActions } from './actions';
import { doComplete } from './completion';
import { findDefinition } from './definition';
import { doHover } from './hover';
import { findDocumentLinks } from './links';
import { dirname, joinPath } from './paths';
import { toOffset } from './positions';
import { findDocumentSymbols } from './symbols';
import { formatDocument, type FormattingOptions } from './formatting';
import type {
  LspPosition,
  LspRange,
  LspTextEdit,
  ServiceCodeAction,
  ServiceCompletionList,
  ServiceDiagnostic,
  ServiceDocumentLink,
  ServiceDocumentSymbol,
  ServiceHover,
  ServiceLocationLink,
} from './types';
import { Validator, type Analysis, type FailureLogger, type ServiceSettings } from './validation';
import { Workspace } from './workspace';

export * from './types';
export type { Analysis, ServiceSettings } from './validation';

export interface LanguageServiceOptions {
  /** Reaches files that are not open (the disk). */
  host: Host;
  /** Workspace folders (absolute paths). */
  roots?: string[];
  /** Settings for a file (editor settings merged with the project's .ovms-lint.json). */
  settingsFor?: (path: string) => ServiceSettings;
  /** Where failing rules are reported, once each. */
  log?: FailureLogger;
}

export class LanguageService {
  readonly workspace: Workspace;
  private readonly validator: Validator;

  constructor(options: LanguageServiceOptions) {
    this.workspace = new Workspace(options.host, options.roots ?? []);
    this.validator = new Validator(this.workspace, options.settingsFor ?? (() => ({})), options.log);
  }

  // documents -------------------------------------------------------------------------------

  setDocument(path: string, text: string, version = 0): void {
    this.workspace.setDocument(path, text, version);
  }

  closeDocument(path: string): void {
    this.workspace.closeDocument(path);
    this.validator.forget(path);
  }

  /** Whether the service handles this file (an OVMS config, a graph, command lines, settings). */
  isOvmsFile(path: string): boolean {
    return this.workspace.kind(path) !== undefined;
  }

  // validation ------------------------------------------------------------------------------

  doValidation(path: string): ServiceDiagnostic[] {
    return this.validator.validate(path).diagnostics;
  }

  validate(path: string): Analysis {
    return this.validator.validate(path);
  }

  /** Open documents to re-validate because `path` changed (a config and the graphs it references). */
  dependents(path: string): string[] {
    return this.validator.dependents(path);
  }

  // features --------------------------------------------------------------------------------

  doHover(path: string, position: LspPosition): ServiceHover | undefined {
    const doc = this.workspace.parsed(path);
    if (!doc) return undefined;
    return doHover(doc, toOffset(doc.file, position), this.analysisOf(path, doc).findings);
  }

  doComplete(path: string, position: LspPosition): ServiceCompletionList {
    const doc = this.workspace.parsed(path);
    if (!doc) return { isIncomplete: false, items: [] };
    return doComplete(doc, toOffset(doc.file, position));
  }

  doCodeActions(path: string, range: LspRange, context: { diagnostics: ServiceDiagnostic[]; only?: string[] }): ServiceCodeAction[] {
    const doc = this.workspace.parsed(path);
    if (!doc) return [];
    return doCodeActions(this.workspace, this.analysisOf(path, doc), doc.kind, range, context);
  }

  findDocumentSymbols(path: string): ServiceDocumentSymbol[] {
    const doc = this.workspace.parsed(path);
    return doc ? findDocumentSymbols(doc) : [];
  }

  findDefinition(path: string, position: LspPosition): ServiceLocationLink[] {
    const doc = this.workspace.parsed(path);
    if (!doc) return [];
    return findDefinition(doc, toOffset(doc.file, position), this.workspace.host, () => this.ownerDocuments(path));
  }

  findDocumentLinks(path: string): ServiceDocumentLink[] {
    const doc = this.workspace.parsed(path);
    return doc ? findDocumentLinks(doc, this.workspace.host) : [];
  }

  /** Formatting (MediaPipe graphs): indentation by nesting, no trailing whitespace. */
  format(path: string, options: FormattingOptions): LspTextEdit[] {
    const doc = this.workspace.parsed(path);
    return doc ? formatDocument(doc, options) : [];
  }

  // helpers ---------------------------------------------------------------------------------

  /** The last analysis when it is of the current text, else a fresh one. */
  private analysisOf(path: string, doc: ParsedDocument): Analysis {
    const a = this.validator.analysis(path);
    return a && a.file.text === doc.file.text ? a : this.validator.validate(path);
  }

  /** The configs owning a graph, and the subconfig beside it. */
  private ownerDocuments(path: string): ParsedDocument[] {
    const dir = dirname(path);
    const paths = [...this.validator.ownersOf(path), joinPath(dir, 'subconfig.json'), joinPath(dir, 'config.json')];
    return paths.map((p) => this.workspace.parsed(p)).filter((d): d is ParsedDocument => d !== undefined);
  }
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}
