import type { Node as JsonNode } from 'jsonc-parser';
import type { OvmsCommand } from './flags/model';
import type { PbDocument } from './pbtxt/ast';
import type { SourceFile } from './text/source';
import type { FileKind, Fix, Span } from './types';

export type { JsonNode };

/** A syntax problem found by a parser: policy-free, a span and a message (and maybe a fix). */
export interface SyntaxIssue {
  span: Span;
  message: string;
  fixes?: Fix[];
}

interface DocumentBase {
  kind: FileKind;
  file: SourceFile;
  syntax: SyntaxIssue[];
}

/** config.json or subconfig.json: the positioned JSON tree (undefined when nothing parsed). */
export interface ConfigDocument extends DocumentBase {
  kind: 'ovms-config' | 'subconfig';
  root: JsonNode | undefined;
}

/** A MediaPipe graph: the text-format tree. The graph model is derived from it (core/src/graph). */
export interface GraphDocument extends DocumentBase {
  kind: 'mediapipe-graph';
  ast: PbDocument;
}

/**
 * A file holding OVMS command lines (shell, Markdown, Dockerfile, compose, Kubernetes).
 * `commands` is filled by core/src/sources; the model lives in core/src/flags.
 */
export interface CommandsDocument extends DocumentBase {
  kind: 'command-lines';
  commands: OvmsCommand[];
}

/** The project's own settings file (.ovms-lint.json). */
export interface SettingsDocument extends DocumentBase {
  kind: 'settings';
  root: JsonNode | undefined;
}

export type ParsedDocument = ConfigDocument | GraphDocument | CommandsDocument | SettingsDocument;
