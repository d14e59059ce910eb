import type { Span } from '../types';
import type { PbField, PbList, PbMessage, PbScalar, PbScalarToken, PbValue } from './ast';
import { literalInner } from './strings';

/**
 * The parser's implementations of the tree interfaces of ./ast. Positions are stored as plain
 * numbers and the `Span` objects are made on access: a large graph then costs one object per
 * node instead of four or five (allocation dominated parsing time). Readers see the interfaces;
 * only the parser writes the numeric fields.
 */

const span = (start: number, end: number): Span => ({ start, end });

/**
 * The text a tree was parsed from, shared by its scalars (they slice their raw text and value
 * from it on first read). An incremental re-parse (./incremental.ts) points it at the new text.
 */
export interface TextRef {
  text: string;
}

// `kind` lives on each class's prototype (a getter), not in every instance: a large graph has
// hundreds of thousands of nodes, and every instance slot is memory the garbage collector copies.

export class FieldNode implements PbField {
  get kind(): 'field' {
    return 'field';
  }
  /** span end (the span starts at the name) */
  e: number;
  /** `:` offset or -1; separator offset or -1 (both one character). */
  c = -1;
  sep = -1;
  value: PbValue | undefined = undefined;

  constructor(
    readonly name: string,
    readonly bracketed: 'extension' | 'any' | undefined,
    /** nameSpan */
    public ns: number,
    public ne: number,
  ) {
    this.e = ne;
  }

  /** Move by `d` characters (the field's own positions; its value is a node of its own). */
  shift(d: number): void {
    this.ns += d;
    this.ne += d;
    this.e += d;
    if (this.c >= 0) this.c += d;
    if (this.sep >= 0) this.sep += d;
  }

  /** span start */
  get s(): number {
    return this.ns;
  }
  get span(): Span {
    return span(this.ns, this.e);
  }
  get nameSpan(): Span {
    return span(this.ns, this.ne);
  }
  get colon(): Span | undefined {
    return this.c < 0 ? undefined : span(this.c, this.c + 1);
  }
  get separator(): Span | undefined {
    return this.sep < 0 ? undefined : span(this.sep, this.sep + 1);
  }
  toJSON(): object {
    return { kind: this.kind, span: this.span, name: this.name, nameSpan: this.nameSpan, bracketed: this.bracketed, colon: this.colon, value: this.value, separator: this.separator };
  }
}

export class MessageNode implements PbMessage {
  get kind(): 'message' {
    return 'message';
  }
  /** close offset or -1 */
  cl = -1;
  fields: PbField[] = [];

  constructor(
    public s: number,
    public e: number,
    /** open offset, or -1 for the top-level message */
    public o: number,
  ) {}

  shift(d: number): void {
    this.s += d;
    this.e += d;
    if (this.o >= 0) this.o += d;
    if (this.cl >= 0) this.cl += d;
  }

  get span(): Span {
    return span(this.s, this.e);
  }
  get open(): Span | undefined {
    return this.o < 0 ? undefined : span(this.o, this.o + 1);
  }
  get close(): Span | undefined {
    return this.cl < 0 ? undefined : span(this.cl, this.cl + 1);
  }
  toJSON(): object {
    return { kind: this.kind, span: this.span, open: this.open, close: this.close, fields: this.fields };
  }
}

export class ListNode implements PbList {
  get kind(): 'list' {
    return 'list';
  }
  cl = -1;
  items: (PbScalar | PbMessage)[] = [];

  constructor(
    public s: number,
    public e: number,
  ) {}

  shift(d: number): void {
    this.s += d;
    this.e += d;
    if (this.cl >= 0) this.cl += d;
  }

  get span(): Span {
    return span(this.s, this.e);
  }
  get close(): Span | undefined {
    return this.cl < 0 ? undefined : span(this.cl, this.cl + 1);
  }
  toJSON(): object {
    return { kind: this.kind, span: this.span, items: this.items, close: this.close };
  }
}

const NEGATIVE = 1;
const INTEGER = 2;
const FLOAT = 4;

/** The rarely set parts of a scalar, kept out of the common object. */
interface ScalarExtra {
  bytes?: Uint8Array;
  parts?: Span[];
}

export class ScalarNode implements PbScalar {
  get kind(): 'scalar' {
    return 'scalar';
  }
  private v: string | number | undefined;
  /** NEGATIVE | INTEGER | FLOAT */
  private f = 0;
  private x: ScalarExtra | undefined = undefined;

  constructor(
    readonly token: PbScalarToken,
    public s: number,
    public e: number,
    /** undefined for a single string literal without escapes: its inner text, sliced on first read */
    value: string | number | undefined,
    private readonly src: TextRef,
    /** where `raw` starts (after a `-`) */
    private rs: number,
  ) {
    this.v = value;
  }

  shift(d: number): void {
    this.s += d;
    this.e += d;
    this.rs += d;
    const parts = this.x?.parts;
    if (parts) this.x!.parts = parts.map((p) => span(p.start + d, p.end + d));
  }

  get value(): string | number {
    if (this.v === undefined) this.v = literalInner(this.src.text, this.s, this.e);
    return this.v;
  }
  set value(v: string | number) {
    this.v = v;
  }
  get negative(): boolean | undefined {
    return this.f & NEGATIVE ? true : undefined;
  }
  set negative(v: boolean | undefined) {
    this.f = v ? this.f | NEGATIVE : this.f & ~NEGATIVE;
  }
  get numberKind(): 'integer' | 'float' | undefined {
    return this.f & INTEGER ? 'integer' : this.f & FLOAT ? 'float' : undefined;
  }
  set numberKind(k: 'integer' | 'float' | undefined) {
    this.f = (this.f & NEGATIVE) | (k === 'integer' ? INTEGER : k === 'float' ? FLOAT : 0);
  }
  get bytes(): Uint8Array | undefined {
    return this.x?.bytes;
  }
  set bytes(b: Uint8Array | undefined) {
    (this.x ??= {}).bytes = b;
  }
  get parts(): Span[] | undefined {
    return this.x?.parts;
  }
  set parts(p: Span[] | undefined) {
    (this.x ??= {}).parts = p;
  }
  get span(): Span {
    return span(this.s, this.e);
  }
  get raw(): string {
    return this.src.text.slice(this.rs, this.e);
  }
  toJSON(): object {
    return { kind: this.kind, token: this.token, span: this.span, raw: this.raw, value: this.value, bytes: this.bytes, negative: this.negative, numberKind: this.numberKind, parts: this.parts };
  }
}
