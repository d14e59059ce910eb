import type { Span } from '../types';

/**
 * The protobuf text-format syntax tree. Every node carries its exact span; the parser is
 * tolerant, so after an error a node may be partial (a field without a value, a message
 * without its closing delimiter) but the tree is always complete enough to walk.
 */

export interface PbComment {
  /** The comment text without the leading `#`. */
  text: string;
  span: Span;
}

export interface PbMessage {
  kind: 'message';
  span: Span;
  /** `{` or `<`; undefined for the top-level message. */
  open?: Span;
  /** Undefined when the closing delimiter is missing (a syntax error was reported). */
  close?: Span;
  fields: PbField[];
}

export type PbScalarToken = 'string' | 'number' | 'identifier';

export interface PbScalar {
  kind: 'scalar';
  token: PbScalarToken;
  span: Span;
  /** The source text of the value (for strings: every adjacent literal, quotes included). */
  raw: string;
  /**
   * The decoded value: strings unescaped and concatenated (as a JS string of the decoded
   * bytes read as UTF-8); numbers as the JS number of `raw` (the sign is in `negative`, so
   * `-0x1F` has raw `0x1F`, value 31, negative true); identifiers as the identifier itself.
   */
  value: string | number;
  /**
   * For strings with escapes: the decoded bytes (escapes can produce bytes that are not UTF-8).
   * Undefined when no literal has a backslash: the bytes are then the UTF-8 encoding of `value`.
   */
  bytes?: Uint8Array;
  /** For numbers and identifiers: whether a leading `-` was present (`raw` excludes it). */
  negative?: boolean;
  /** For numbers: an integer token (decimal, hex or octal) or a floating-point one. */
  numberKind?: 'integer' | 'float';
  /** For strings made of several adjacent literals: the span of each (quotes included). Undefined for one literal (its span is `span`). */
  parts?: Span[];
}

export interface PbList {
  kind: 'list';
  span: Span;
  items: (PbScalar | PbMessage)[];
  /** Undefined when the closing `]` is missing (a syntax error was reported). */
  close?: Span;
}

export type PbValue = PbScalar | PbMessage | PbList;

export interface PbField {
  kind: 'field';
  span: Span;
  /** The field name, or for `[a.b.c]` the extension name, or for Any `[type.googleapis.com/a.B]` the full URL. */
  name: string;
  nameSpan: Span;
  /** `name` was written in brackets: an extension or an Any type URL. */
  bracketed?: 'extension' | 'any';
  /** Span of the `:` when present. */
  colon?: Span;
  /** Undefined when the value is missing (a syntax error was reported). */
  value?: PbValue;
  /** The optional `;` or `,` after the field (not part of `span`). */
  separator?: Span;
}

export interface PbSyntaxError {
  span: Span;
  message: string;
}

export interface PbDocument {
  root: PbMessage;
  comments: PbComment[];
  errors: PbSyntaxError[];
}
