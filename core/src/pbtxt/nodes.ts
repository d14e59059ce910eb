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
// (14 bits: a bracketed name spans its brackets and blanks), the colon's distance from the name
// (12 bits, +1; 0 = no colon) and where the separator is (2 bits: none, right at the span end, or
// far). Five slots per field instead of eight. A field whose name, colon or separator lies farther
// than the bits reach (only in odd files) keeps those offsets in `far`. `m` stays below 2^30, a
// small integer even where V8 compresses pointers (VS Code).
const BRACKETS: readonly ('extension' | 'any' | undefined)[] = [undefined, 'extension', 'any'];
const NAME_BITS = 14;
const COLON_SHIFT = 2 + NAME_BITS;
const NAME_MAX = (1 << NAME_BITS) - 1;
const COLON_MAX = (1 << 12) - 1;
const SEP_SHIFT = COLON_SHIFT + 12;
const SEP_AT_END = 1;
const SEP_FAR = 2;
const far = new WeakMap<FieldNode, { ne: number; c: number; sep: number }>();

export class FieldNode implements PbField {
  get kind(): 'field' {
    return 'field';
  }
  value: PbValue | undefined = undefined;
  private m: number;

  constructor(
    readonly name: string,
    bracketed: 'extension' | 'any' | undefined,
    /** nameSpan */
    public ns: number,
    ne: number,
  ) {
    const kind = bracketed === undefined ? 0 : bracketed === 'extension' ? 1 : 2;
    if (ne - ns < NAME_MAX) this.m = kind | ((ne - ns) << 2);
    else {
      this.m = kind | (NAME_MAX << 2);
      far.set(this, { ne, c: -1, sep: -1 });
    }
  }

  /** The far offsets, made when a first offset does not fit its bits. */
  private farEntry(): { ne: number; c: number; sep: number } {
    let f = far.get(this);
    if (!f) far.set(this, (f = { ne: this.ne, c: this.c, sep: this.sep }));
    return f;
  }

  get bracketed(): 'extension' | 'any' | undefined {
    return BRACKETS[this.m & 3];
  }
  /** name span end */
  get ne(): number {
    const len = (this.m >> 2) & NAME_MAX;
    return len === NAME_MAX ? far.get(this)!.ne : this.ns + len;
  }
  /** `:` offset or -1 (one character) */
  get c(): number {
    const d = (this.m >>> COLON_SHIFT) & COLON_MAX;
    if (d === COLON_MAX) return far.get(this)!.c;
    return d === 0 ? -1 : this.ne + d - 1;
  }
  set c(offset: number) {
    const d = offset < 0 ? 0 : offset - this.ne + 1;
    const keep = this.m & ~(COLON_MAX << COLON_SHIFT);
    if (d >= 0 && d < COLON_MAX) this.m = keep | (d << COLON_SHIFT);
    else {
      this.farEntry().c = offset;
      this.m = keep | (COLON_MAX << COLON_SHIFT);
    }
  }
  /** separator offset or -1 (one character) */
  get sep(): number {
    const k = this.m >>> SEP_SHIFT;
    return k === 0 ? -1 : k === SEP_AT_END ? this.e : far.get(this)!.sep;
  }
  /** Set after the value: "right at the end" is relative to the end the value gives the field. */
  set sep(offset: number) {
    const keep = this.m & ~(3 << SEP_SHIFT);
    if (offset < 0) this.m = keep;
    else if (offset === this.e) this.m = keep | (SEP_AT_END << SEP_SHIFT);
    else {
      this.farEntry().sep = offset;
      this.m = keep | (SEP_FAR << SEP_SHIFT);
    }
  }

  /** Move by `d` characters (the field's own positions; its value is a node of its own). */
  shift(d: number): void {
    this.ns += d;
    const f = far.get(this);
    if (f) {
      f.ne += d;
      if (f.c >= 0) f.c += d;
      if (f.sep >= 0) f.sep += d;
    }
  }

  /**
   * span end (the span starts at the name): the value's end, else the colon's, else the name's.
   * Derived, not stored: a graph has hundreds of thousands of fields.
   */
  get e(): number {
    const v = this.value as ScalarNode | MessageNode | ListNode | undefined;
    if (v !== undefined) return v.e;
    const c = this.c;
    return c >= 0 ? c + 1 : this.ne;
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

// Until the parser closes a message it has no array of its own (one per message would be garbage:
// the parser collects fields on a stack and gives each message an exact-size array, see takeFields).
const UNSET: PbField[] = [];

export class MessageNode implements PbMessage {
  get kind(): 'message' {
    return 'message';
  }
  /** close offset or -1 */
  cl = -1;
  fields: PbField[] = UNSET;

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

// ScalarNode.f: the token kind in the low two bits, then the flags, then the length of the span.
const TOKEN_MASK = 3;
const TOKENS: readonly PbScalarToken[] = ['string', 'number', 'identifier'];
const NEGATIVE = 4;
const INTEGER = 8;
const FLOAT = 16;
/** One closed string literal without escapes: the value is the text between the quotes. */
const PLAIN = 32;
/** The scalar has a ScalarExtra in `extras`. */
const EXTRA = 64;
const FLAG_BITS = 7;
/**
 * The span's length, above the flags (23 bits, so `f` stays below 2^30: a small integer even where
 * V8 compresses pointers); a longer scalar keeps its end in its ScalarExtra.
 */
const LEN_MAX = (1 << 23) - 1;

/** The rarely set parts of a scalar, kept out of the common object. */
interface ScalarExtra {
  bytes?: Uint8Array;
  parts?: Span[];
  /** Where `raw` starts when it is not the span start (after a `-`). */
  rs?: number;
  /** The span end of a scalar longer than LEN_MAX. */
  e?: number;
}
const extras = new WeakMap<ScalarNode, ScalarExtra>();

// Four slots per scalar (a large graph has hundreds of thousands): the end is stored as a length
// packed with the flags, and the rare parts (escapes, adjacent literals, a `-`) live in `extras`.
export class ScalarNode implements PbScalar {
  get kind(): 'scalar' {
    return 'scalar';
  }
  private v: string | number | undefined;
  /** token index (TOKENS) | flags | length << FLAG_BITS */
  private f: number;

  constructor(
    token: PbScalarToken,
    public s: number,
    e: number,
    /** undefined for a single string literal without escapes: its inner text, sliced on first read */
    value: string | number | undefined,
    private readonly src: TextRef,
    /** where `raw` starts (after a `-`) */
    rs: number,
    /** a string written as one closed literal without escapes (see plainSource) */
    plain = false,
  ) {
    this.v = value;
    const len = e - s;
    this.f = (token === 'string' ? (plain ? PLAIN : 0) : token === 'number' ? 1 : 2) | (Math.min(len, LEN_MAX) << FLAG_BITS);
    if (rs !== s) this.extra().rs = rs;
    if (len >= LEN_MAX) this.extra().e = e;
  }

  private extra(): ScalarExtra {
    if (this.f & EXTRA) return extras.get(this)!;
    const x: ScalarExtra = {};
    extras.set(this, x);
    this.f |= EXTRA;
    return x;
  }
  private get x(): ScalarExtra | undefined {
    return this.f & EXTRA ? extras.get(this) : undefined;
  }

  /** span end */
  get e(): number {
    const len = this.f >>> FLAG_BITS;
    return len === LEN_MAX ? this.x!.e! : this.s + len;
  }

  get token(): PbScalarToken {
    return TOKENS[this.f & TOKEN_MASK]!;
  }

  shift(d: number): void {
    this.s += d;
    const x = this.x;
    if (!x) return;
    if (x.e !== undefined) x.e += d;
    if (x.rs !== undefined) x.rs += d;
    if (x.parts) x.parts = x.parts.map((p) => span(p.start + d, p.end + d));
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
   * For a string written as one closed literal without escapes: the source text, whose offsets `s + 1`
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
    this.f = (this.f & ~(INTEGER | FLOAT)) | (k === 'integer' ? INTEGER : k === 'float' ? FLOAT : 0);
  }
  get bytes(): Uint8Array | undefined {
    return this.x?.bytes;
  }
  set bytes(b: Uint8Array | undefined) {
    this.extra().bytes = b;
  }
  get parts(): Span[] | undefined {
    return this.x?.parts;
  }
  set parts(p: Span[] | undefined) {
    this.extra().parts = p;
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
