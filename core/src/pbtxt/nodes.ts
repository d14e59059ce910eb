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

// FieldNode.m packs what is rarely read: the bracket kind (2 bits), the name's length in the text
// (14 bits: a bracketed name spans its brackets and blanks) and the colon's distance from the name
// (13 bits, +1; 0 = no colon). Six slots per field instead of eight. A field whose name or colon lies
// farther than the bits reach (only in odd files) keeps those two offsets in `far`.
const BRACKETS: readonly ('extension' | 'any' | undefined)[] = [undefined, 'extension', 'any'];
const NAME_BITS = 14;
const COLON_SHIFT = 2 + NAME_BITS;
const NAME_MAX = (1 << NAME_BITS) - 1;
const COLON_MAX = (1 << 13) - 1;
const far = new WeakMap<FieldNode, { ne: number; c: number }>();

export class FieldNode implements PbField {
  get kind(): 'field' {
    return 'field';
  }
  /** span end (the span starts at the name) */
  e: number;
  /** separator offset or -1 (one character) */
  sep = -1;
  value: PbValue | undefined = undefined;
  private m: number;

  constructor(
    readonly name: string,
    bracketed: 'extension' | 'any' | undefined,
    /** nameSpan */
    public ns: number,
    ne: number,
  ) {
    this.e = ne;
    const kind = bracketed === undefined ? 0 : bracketed === 'extension' ? 1 : 2;
    if (ne - ns <= NAME_MAX) this.m = kind | ((ne - ns) << 2);
    else {
      this.m = kind | (NAME_MAX << 2);
      far.set(this, { ne, c: -1 });
    }
  }

  get bracketed(): 'extension' | 'any' | undefined {
    return BRACKETS[this.m & 3];
  }
  /** name span end */
  get ne(): number {
    const len = (this.m >> 2) & NAME_MAX;
    return len === NAME_MAX ? (far.get(this)?.ne ?? this.ns + len) : this.ns + len;
  }
  /** `:` offset or -1 (one character) */
  get c(): number {
    const d = this.m >>> COLON_SHIFT;
    if (d === COLON_MAX) return far.get(this)?.c ?? -1;
    return d === 0 ? -1 : this.ne + d - 1;
  }
  set c(offset: number) {
    const d = offset < 0 ? 0 : offset - this.ne + 1;
    const keep = this.m & ((1 << COLON_SHIFT) - 1);
    if (d >= 0 && d < COLON_MAX) this.m = keep | (d << COLON_SHIFT);
    else {
      this.m = keep | (COLON_MAX << COLON_SHIFT);
      const f = far.get(this);
      if (f) f.c = offset;
      else far.set(this, { ne: this.ne, c: offset });
    }
  }

  /** Move by `d` characters (the field's own positions; its value is a node of its own). */
  shift(d: number): void {
    this.ns += d;
    this.e += d;
    if (this.sep >= 0) this.sep += d;
    const f = far.get(this);
    if (f) {
      f.ne += d;
      if (f.c >= 0) f.c += d;
    }
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

// ScalarNode.f: the token kind in the low two bits, then the flags.
const TOKEN_MASK = 3;
const TOKENS: readonly PbScalarToken[] = ['string', 'number', 'identifier'];
const NEGATIVE = 4;
const INTEGER = 8;
const FLOAT = 16;
/** One string literal without escapes: the value is the text between the quotes. */
const PLAIN = 32;

/** The rarely set parts of a scalar, kept out of the common object. */
interface ScalarExtra {
  bytes?: Uint8Array;
  parts?: Span[];
  /** Where `raw` starts when it is not the span start (after a `-`). */
  rs?: number;
}

export class ScalarNode implements PbScalar {
  get kind(): 'scalar' {
    return 'scalar';
  }
  private v: string | number | undefined;
  /** token index (TOKENS) | NEGATIVE | INTEGER | FLOAT: one slot for what were three */
  private f: number;
  private x: ScalarExtra | undefined = undefined;

  constructor(
    token: PbScalarToken,
    public s: number,
    public e: number,
    /** undefined for a single string literal without escapes: its inner text, sliced on first read */
    value: string | number | undefined,
    private readonly src: TextRef,
    /** where `raw` starts (after a `-`) */
    rs: number,
  ) {
    this.v = value;
    this.f = token === 'string' ? (value === undefined ? PLAIN : 0) : token === 'number' ? 1 : 2;
    if (rs !== s) this.x = { rs };
  }

  get token(): PbScalarToken {
    return TOKENS[this.f & TOKEN_MASK]!;
  }

  shift(d: number): void {
    this.s += d;
    this.e += d;
    const x = this.x;
    if (x?.rs !== undefined) x.rs += d;
    if (x?.parts) x.parts = x.parts.map((p) => span(p.start + d, p.end + d));
  }

  get value(): string | number {
    if (this.v === undefined) this.v = literalInner(this.src.text, this.s, this.e);
    return this.v;
  }
  set value(v: string | number) {
    this.v = v;
    this.f &= ~PLAIN;
  }
  /**
   * For a string written as one literal without escapes: the source text, whose offsets `s + 1`
   * to `e - 1` hold the value. Readers that only scan or measure the value use it to leave the
   * value unmade (a made value is one more string for the collector to copy).
   */
  get plainSource(): string | undefined {
    return this.f & PLAIN ? this.src.text : undefined;
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
    this.f = (this.f & (TOKEN_MASK | NEGATIVE)) | (k === 'integer' ? INTEGER : k === 'float' ? FLOAT : 0);
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
    return this.src.text.slice(this.x?.rs ?? this.s, this.e);
  }
  toJSON(): object {
    return { kind: this.kind, token: this.token, span: this.span, raw: this.raw, value: this.value, bytes: this.bytes, negative: this.negative, numberKind: this.numberKind, parts: this.parts };
  }
}

/** Whether a string scalar's value is empty, without making the value. */
export function isEmptyString(v: PbScalar): boolean {
  if (v instanceof ScalarNode && v.plainSource !== undefined) return v.e - v.s === 2;
  return v.value === '';
}
