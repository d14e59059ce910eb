import type { PbComment, PbDocument, PbMessage, PbSyntaxError } from './ast';
import { Interner } from '../text/intern';
import { FieldNode, ListNode, MessageNode, ScalarNode, type TextRef } from './nodes';
import { Tok, tokenize, type Tokens } from './lexer';
import { decodeLiterals, hasEscape, literalInner } from './strings';
import { exactCopy } from '../text/exact';

/**
 * A tolerant parser of the protobuf text format (the grammar of protobuf's C++ `TextFormat`
 * parser, reference mediapipe-graphs.md §1.3), without a schema: what depends on the field
 * types (`:` before a scalar, lists only on repeated fields, value types) is checked later by
 * core/src/proto against the descriptors.
 *
 * It never throws and runs in time linear in the input: nesting is kept on an explicit stack
 * (no recursion), and after an error it skips to the next token that can start a field or close
 * the current message, so one file yields the whole tree and every error.
 */

/** Messages nested deeper than this are skipped (one error): it keeps tree walkers' stacks safe. */
export const MAX_NESTING = 1000;

const LBRACE = 123;
const RBRACE = 125;
const LT = 60;
const GT = 62;
const LBRACKET = 91;
const RBRACKET = 93;
const COLON = 58;
const COMMA = 44;
const SEMI = 59;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;

interface MsgFrame {
  list: false;
  msg: MessageNode;
  /** The closing character expected, or -1 for the top-level message (ends at end of file). */
  closer: number;
  /** The field whose value (or list item) this message is. */
  field: FieldNode | undefined;
  /** Set when this message is an item of a list. */
  inList: ListFrame | undefined;
  /** Where this message's fields start in Parser.pending. */
  from: number;
}

interface ListFrame {
  list: true;
  value: ListNode;
  field: FieldNode;
  expectItem: boolean;
  sawComma: boolean;
  hasScalar: boolean;
  hasMessage: boolean;
}

type Frame = MsgFrame | ListFrame;

export function parsePbtxt(text: string): PbDocument {
  const { tokens, comments, errors } = tokenize(text);
  const src: TextRef = { text };
  const parser = new Parser(text, tokens, errors, src);
  const root = parser.run(new MessageNode(0, text.length, -1));
  errors.sort(byPosition);
  const doc = { root, comments, errors };
  sources.set(doc, src);
  return doc;
}

/** The order of syntax errors: by start, then end (sorted stably: equal ones keep the lexer's first). */
export const byPosition = (a: PbSyntaxError, b: PbSyntaxError): number => a.span.start - b.span.start || a.span.end - b.span.end;

/** The text each tree's scalars read (for ./incremental.ts). */
const sources = new WeakMap<PbDocument, TextRef>();

export function sourceOf(doc: PbDocument): TextRef | undefined {
  return sources.get(doc);
}

/** Record the text `doc`'s scalars read (a tree assembled by ./incremental.ts). */
export function adoptSource(doc: PbDocument, src: TextRef): void {
  sources.set(doc, src);
}

/** Top-level fields parsed from part of a text. */
export interface FieldsPart {
  fields: FieldNode[];
  comments: PbComment[];
  errors: PbSyntaxError[];
}

/**
 * Parse `text[from, to)` as top-level fields (the parser in the state it has at the start of a
 * top-level field at `from`, the scalars reading `src`) up to the first top-level token at or
 * after `stopAt`. Undefined unless the parse is back at the top level exactly at a token that
 * starts at `stopAt` (or, with `stopAt` Infinity, reaches the end of the text).
 */
export function parseFieldsAt(text: string, src: TextRef, from: number, to: number, stopAt: number): FieldsPart | undefined {
  const lexed = tokenize(text, from, to);
  // what the lexer found from `stopAt` on is the next fields' (lexed for the parser's lookahead)
  const errors = lexed.errors.filter((e) => e.span.start < stopAt);
  const comments = lexed.comments.filter((c) => c.span.start < stopAt);
  const parser = new Parser(text, lexed.tokens, errors, src, stopAt);
  const root = parser.run(new MessageNode(from, to, -1));
  if (stopAt !== Infinity && !parser.stoppedAt(stopAt)) return undefined;
  errors.sort(byPosition);
  return { fields: root.fields as FieldNode[], comments, errors };
}

class Parser {
  private p = 0;
  private readonly type: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly stack: Frame[] = [];
  private readonly msgFrames: (MsgFrame | undefined)[] = [];
  /** The fields of the open messages, innermost last (see takeFields). */
  private readonly pending: FieldNode[] = [];
  /** The used part of `pending` (the array is never shortened: setting an array's length is a runtime call). */
  private top = 0;

  constructor(
    private readonly text: string,
    tokens: Tokens,
    private readonly errors: PbSyntaxError[],
    private readonly src: TextRef,
    /** Stop at the first top-level token at or after this offset (./incremental.ts). */
    private readonly stopAt = Infinity,
  ) {
    this.type = tokens.type;
    this.start = tokens.start;
    this.end = tokens.end;
  }

  private error(start: number, end: number, message: string): void {
    this.errors.push({ span: { start, end }, message });
  }

  /** The character of a one-character symbol token at k, else -1. */
  private sym(k: number): number {
    return this.type[k] === Tok.Symbol ? this.text.charCodeAt(this.start[k]!) : -1;
  }

  // Identifiers repeat a lot (field names, enum values, true/false): one string per distinct
  // identifier, found without slicing the text.
  private readonly idents = new Interner();

  private ident(k: number): string {
    return this.idents.range(this.text, this.start[k]!, this.end[k]!);
  }

  private tokText(k: number): string {
    return this.type[k] === Tok.End ? '' : this.text.slice(this.start[k]!, this.end[k]!);
  }

  /** `found "x"` / `found end of file` for error messages. */
  private found(k: number): string {
    return this.type[k] === Tok.End ? 'found end of file' : `found "${this.tokText(k)}"`;
  }

  private errorAt(k: number, message: string): void {
    this.error(this.start[k]!, this.end[k]!, message);
  }

  /** Whether run() stopped at the top level at a token starting exactly at `offset`. */
  stoppedAt(offset: number): boolean {
    return this.stack.length === 1 && this.type[this.p] !== Tok.End && this.start[this.p] === offset;
  }

  run(root: MessageNode): PbMessage {
    const stack = this.stack;
    stack.push({ list: false, msg: root, closer: -1, field: undefined, inList: undefined, from: this.top });
    for (;;) {
      const f = stack[stack.length - 1]!;
      if (f.list) {
        this.listStep(f);
        continue;
      }
      const p = this.p;
      const ty = this.type[p];
      if (f.closer === -1 && this.start[p]! >= this.stopAt) break;
      if (ty === Tok.End) {
        if (f.closer !== -1) this.unclosedAtEnd();
        break;
      }
      const c = this.sym(p);
      if (c === RBRACE || c === GT) {
        if (f.closer === -1) {
          this.errorAt(p, `Unexpected "${String.fromCharCode(c)}": there is no open message to close here.`);
          this.p++;
          continue;
        }
        if (c !== f.closer) {
          this.errorAt(p, `Expected "${String.fromCharCode(f.closer)}" to close the message opened with "${String.fromCharCode(f.closer === RBRACE ? LBRACE : LT)}", found "${String.fromCharCode(c)}".`);
        }
        f.msg.cl = this.start[p]!;
        f.msg.e = this.end[p]!;
        this.takeFields(f);
        this.p++;
        stack.pop();
        this.afterMessage(f);
        continue;
      }
      this.field();
    }
    this.takeFields(stack[0] as MsgFrame);
    return root;
  }

  /**
   * Give a message the fields collected for it, in an array of exact size. Fields are collected
   * on one shared stack (nested messages above their parent's): a message's own array would grow
   * by push to 17 slots and then be copied to its exact size, garbage for every message.
   */
  private takeFields(f: MsgFrame): void {
    if (this.top > f.from) {
      f.msg.fields = exactCopy(this.pending, f.from, this.top - f.from);
      this.top = f.from;
    } else f.msg.fields = [];
  }

  /** End of file inside open messages/lists: one error at the innermost opener, close everything. */
  private unclosedAtEnd(): void {
    const n = this.text.length;
    const stack = this.stack;
    let reported = false;
    while (stack.length > 1) {
      const f = stack.pop()!;
      if (f.list) {
        f.value.e = n;
        if (!reported) {
          this.error(f.value.s, f.value.s + 1, 'This "[" is never closed: expected "]" before the end of the file.');
          reported = true;
        }
        continue;
      }
      f.msg.e = n;
      this.takeFields(f);
      if (!reported) {
        const o = f.msg.o;
        const ch = this.text[o];
        this.error(o, o + 1, `This "${ch}" is never closed: expected "${ch === '<' ? '>' : '}'}" before the end of the file.`);
        reported = true;
      }
    }
  }

  /** A message value or list item was closed. */
  private afterMessage(f: MsgFrame): void {
    if (f.inList) {
      f.inList.expectItem = false;
      return;
    }
    if (f.field) this.finishField(f.field);
  }

  /** After a field's value: the separator that may follow it (its span ends where the value does). */
  private finishField(field: FieldNode): void {
    const p = this.p;
    const c = this.sym(p);
    if (c === SEMI || c === COMMA) {
      if (field.bracketed === 'any') {
        this.errorAt(
          p,
          `Expected identifier, got: ${String.fromCharCode(c)} — protobuf 3.19 (the version OVMS parses graphs with) does not accept a "${String.fromCharCode(c)}" right after an Any expansion "[…] { … }".`,
        );
      }
      field.sep = this.start[p]!;
      this.p++;
    }
  }

  private isScalarStart(k: number): boolean {
    const t = this.type[k];
    return t === Tok.String || t === Tok.Int || t === Tok.Float || t === Tok.Ident || this.sym(k) === MINUS;
  }

  /** An identifier followed by `:`, `{` or `<`: very likely the start of the next field. */
  private looksLikeFieldStart(k: number): boolean {
    if (this.type[k] !== Tok.Ident) return false;
    const c = this.sym(k + 1);
    return c === COLON || c === LBRACE || c === LT;
  }

  private field(): void {
    const p0 = this.p;
    if (!this.fieldName()) {
      this.resync(p0);
      return;
    }
    const field = new FieldNode(this.nameText, this.nameKind, this.nameStart, this.nameEnd);
    this.pending[this.top++] = field;
    let p = this.p;
    let c = this.sym(p);
    if (c === COLON) {
      field.c = this.start[p]!;
      p = ++this.p;
      c = this.sym(p);
    }
    if (c === LBRACE || c === LT) {
      const msg = this.openMessage(field);
      field.value = msg;
      if (msg.cl >= 0) this.finishField(field);
      return;
    }
    if (field.bracketed === 'any') {
      this.errorAt(p, `Expected "{", ${this.found(p)}: the value of an Any expansion "[${field.name}]" must be a message.`);
      this.resync(p0);
      return;
    }
    if (c === LBRACKET) {
      const list = new ListNode(this.start[p]!, this.end[p]!);
      field.value = list;
      this.p++;
      this.stack.push({ list: true, value: list, field, expectItem: true, sawComma: false, hasScalar: false, hasMessage: false });
      return;
    }
    if (this.isScalarStart(p)) {
      if (field.c < 0) {
        this.errorAt(p, `Expected ":" or "{" after field name "${field.name}", ${this.found(p)}.`);
        if (this.looksLikeFieldStart(p)) return; // the value is missing; this is the next field
      }
      const v = this.scalar();
      if (!v) {
        this.resync(p0);
        return;
      }
      field.value = v;
      this.finishField(field);
      return;
    }
    this.errorAt(p, field.c >= 0 ? `Expected a value for field "${field.name}", ${this.found(p)}.` : `Expected ":" or "{" after field name "${field.name}", ${this.found(p)}.`);
    if (c === RBRACE || c === GT || this.type[p] === Tok.End) return;
    this.resync(p0);
  }

  private readonly bracketNames = new Map<string, string>();
  private readonly bracketTexts = new Interner();

  // The field name just read by fieldName() (instance fields: no object per field).
  private nameText = '';
  private nameKind: 'extension' | 'any' | undefined = undefined;
  private nameStart = 0;
  private nameEnd = 0;

  /** `name`, `[pkg.ext]` or `[prefix/pkg.Type]` into the name* fields; reports and returns false on error. */
  private fieldName(): boolean {
    const p = this.p;
    if (this.type[p] === Tok.Ident) {
      this.p++;
      this.nameText = this.ident(p);
      this.nameKind = undefined;
      this.nameStart = this.start[p]!;
      this.nameEnd = this.end[p]!;
      return true;
    }
    if (this.sym(p) !== LBRACKET) {
      if (this.sym(p) === SLASH && (this.sym(p + 1) === SLASH || this.sym(p + 1) === 42)) {
        this.error(this.start[p]!, this.end[p + 1]!, `Expected a field name, found "${this.tokText(p)}${this.tokText(p + 1)}": comments start with "#" in protobuf text format; "//" and "/*" are not comments.`);
        return false;
      }
      this.errorAt(p, `Expected a field name, ${this.found(p)}.`);
      return false;
    }
    let k = p + 1;
    let slash = false;
    for (;;) {
      if (this.type[k] !== Tok.Ident) {
        this.errorAt(k, `Expected identifier, ${this.found(k)}: an extension name "[pkg.Message.ext]" or an Any type URL "[type.googleapis.com/pkg.Message]" goes inside the brackets.`);
        this.p = k;
        return false;
      }
      k++;
      const c = this.sym(k);
      if (c === DOT) {
        k++;
        continue;
      }
      if (c === SLASH && !slash) {
        slash = true;
        k++;
        continue;
      }
      if (c === RBRACKET) break;
      this.errorAt(k, `Expected "]", ${this.found(k)}.`);
      this.p = k;
      return false;
    }
    this.p = k + 1;
    // every node names its options type: the text between the brackets, as written, finds the
    // name (tokens joined without blanks) without slicing or joining anything again
    const written = this.bracketTexts.range(this.text, this.start[p + 1]!, this.end[k - 1]!);
    let interned = this.bracketNames.get(written);
    if (interned === undefined) {
      interned = '';
      for (let i = p + 1; i < k; i++) interned += this.tokText(i);
      this.bracketNames.set(written, interned);
    }
    this.nameText = interned;
    this.nameKind = slash ? 'any' : 'extension';
    this.nameStart = this.start[p]!;
    this.nameEnd = this.end[k]!;
    return true;
  }

  /** At `{` or `<`: open a message (pushed on the stack), or skip it when nested too deep. */
  private openMessage(field: FieldNode, inList?: ListFrame): MessageNode {
    const p = this.p;
    const o = this.start[p]!;
    const msg = new MessageNode(o, o + 1, o);
    this.p++;
    if (this.stack.length >= MAX_NESTING) {
      this.error(o, o + 1, `Messages are nested more than ${MAX_NESTING} levels deep here; ovms-lint does not read this message.`);
      let depth = 1;
      while (this.type[this.p] !== Tok.End) {
        const c = this.sym(this.p);
        if (c === LBRACE || c === LT) depth++;
        else if (c === RBRACE || c === GT) depth--;
        this.p++;
        if (depth === 0) {
          msg.cl = this.start[this.p - 1]!;
          break;
        }
      }
      msg.e = msg.cl >= 0 ? msg.cl + 1 : this.text.length;
      msg.fields = [];
      if (inList) inList.expectItem = false;
      return msg;
    }
    // one frame object per depth, reused: a frame lives only while its message is open
    const depth = this.stack.length;
    const closer = this.text.charCodeAt(o) === LT ? GT : RBRACE;
    let frame = this.msgFrames[depth];
    if (frame === undefined) this.msgFrames[depth] = frame = { list: false, msg, closer, field, inList, from: this.top };
    else {
      frame.msg = msg;
      frame.closer = closer;
      frame.field = field;
      frame.inList = inList;
      frame.from = this.top;
    }
    this.stack.push(frame);
    return msg;
  }

  private listStep(L: ListFrame): void {
    const p = this.p;
    const c = this.sym(p);
    if (L.expectItem) {
      if (c === RBRACKET) {
        if (L.sawComma) this.errorAt(p, 'Expected a value after ",", found "]": a list may not end with a comma.');
        this.closeList(L, p);
        return;
      }
      if (c === LBRACE || c === LT) {
        if (L.hasScalar) this.errorAt(p, 'A list holds either values or messages, not both.');
        L.hasMessage = true;
        const msg = this.openMessage(L.field, L);
        L.value.items.push(msg);
        L.expectItem = false;
        return;
      }
      if (this.isScalarStart(p)) {
        const v = this.scalar();
        if (v) {
          if (L.hasMessage) this.error(v.s, v.e, 'A list holds either values or messages, not both.');
          else if (!L.hasScalar && L.field.c < 0) this.error(L.value.s, L.value.s + 1, `Expected ":" before a list of values for field "${L.field.name}", found "[".`);
          L.hasScalar = true;
          L.value.items.push(v);
          L.expectItem = false;
          return;
        }
        this.endList(L);
        return;
      }
      if (this.type[p] === Tok.End) this.error(L.value.s, L.value.s + 1, 'This "[" is never closed: expected "]" before the end of the file.');
      else this.errorAt(p, `Expected a list item, ${this.found(p)}.`);
      this.endList(L);
      return;
    }
    if (c === COMMA) {
      this.p++;
      L.expectItem = true;
      L.sawComma = true;
      return;
    }
    if (c === RBRACKET) {
      this.closeList(L, p);
      return;
    }
    if (this.type[p] === Tok.End) {
      this.error(L.value.s, L.value.s + 1, 'This "[" is never closed: expected "]" before the end of the file.');
      this.endList(L);
      return;
    }
    this.errorAt(p, `Expected "," or "]" in the list, ${this.found(p)}.`);
    // A value or message where a comma was expected: most likely a forgotten comma.
    if ((this.isScalarStart(p) && !this.looksLikeFieldStart(p)) || c === LBRACE || c === LT) {
      L.expectItem = true;
      return;
    }
    this.endList(L);
  }

  private closeList(L: ListFrame, p: number): void {
    L.value.cl = this.start[p]!;
    this.p++;
    this.endList(L);
  }

  /** Pop a list (closed or not) and finish its field. */
  private endList(L: ListFrame): void {
    const v = L.value;
    if (v.items.length) v.items = exactCopy(v.items, 0, v.items.length);
    if (v.cl >= 0) v.e = v.cl + 1;
    else {
      const last = v.items[v.items.length - 1] as ScalarNode | MessageNode | undefined;
      if (last) v.e = last.e;
    }
    this.stack.pop();
    if (v.cl >= 0) this.finishField(L.field);
  }

  /** A scalar value: adjacent strings, a number, an identifier, each number/identifier with an optional `-`. */
  private scalar(): ScalarNode | undefined {
    const text = this.text;
    let p = this.p;
    const t = this.type[p];
    if (t === Tok.String) {
      const first = p;
      let escaped = false;
      while (this.type[p] === Tok.String) {
        if (!escaped && hasEscape(text, this.start[p]!, this.end[p]!)) escaped = true;
        p++;
      }
      this.p = p;
      const s = this.start[first]!;
      const e = this.end[p - 1]!;
      const single = p - first === 1 && !escaped;
      // closed: the lexer ends an unclosed literal at the end of its line, without a closing quote
      const sc = new ScalarNode('string', s, e, undefined, this.src, s, single && e - s >= 2 && text.charCodeAt(e - 1) === text.charCodeAt(s));
      if (single) return sc; // value: the inner text, sliced when read
      const parts = [];
      for (let k = first; k < p; k++) parts.push({ start: this.start[k]!, end: this.end[k]! });
      sc.parts = parts;
      if (escaped) {
        const d = decodeLiterals(text, parts);
        sc.value = d.value;
        sc.bytes = d.bytes;
      } else {
        let v = '';
        for (const part of parts) v += literalInner(text, part.start, part.end);
        sc.value = v;
      }
      return sc;
    }
    let negative = false;
    const s = this.start[p]!;
    if (this.sym(p) === MINUS) {
      negative = true;
      p++;
      const t2 = this.type[p];
      if (t2 !== Tok.Int && t2 !== Tok.Float && t2 !== Tok.Ident) {
        this.errorAt(p, `Expected a number after "-", ${this.found(p)}.`);
        this.p = p;
        return undefined;
      }
    }
    const tt = this.type[p];
    const raw = tt === Tok.Ident ? this.ident(p) : this.tokText(p);
    this.p = p + 1;
    const rs = this.start[p]!;
    const e = this.end[p]!;
    if (tt === Tok.Ident) {
      const sc = new ScalarNode('identifier', s, e, raw, this.src, rs);
      if (negative) sc.negative = true;
      return sc;
    }
    const isFloat = tt === Tok.Float;
    const sc = new ScalarNode('number', s, e, numberValue(raw, isFloat), this.src, rs);
    sc.numberKind = isFloat ? 'float' : 'integer';
    if (negative) sc.negative = true;
    return sc;
  }

  /**
   * After an error in a field starting at token `from`: skip to the next token that can start a
   * field (an identifier followed by `:`, `{` or `<`, or a `[` extension name) at this nesting
   * level, or to a closing delimiter of the current message, or to the end of the file.
   */
  private resync(from: number): void {
    if (this.p <= from) this.p = from;
    let depth = 0;
    let moved = this.p > from;
    for (;;) {
      const p = this.p;
      const t = this.type[p];
      if (t === Tok.End) return;
      const c = this.sym(p);
      if (c === LBRACE || c === LT || c === LBRACKET) {
        if (depth === 0 && c === LBRACKET && moved && this.type[p + 1] === Tok.Ident && this.bracketNameAhead(p)) return;
        depth++;
      } else if (c === RBRACE || c === GT || c === RBRACKET) {
        if (depth === 0) {
          if (c !== RBRACKET) return;
        } else depth--;
      } else if (depth === 0 && moved && this.looksLikeFieldStart(p)) {
        return;
      }
      this.p++;
      moved = true;
    }
  }

  /** `[ident(.ident)*(/ident(.ident)*)? ]` followed by `:`, `{` or `<`: an extension field name. */
  private bracketNameAhead(p: number): boolean {
    let k = p + 1;
    for (let guard = 0; guard < 64; guard++) {
      if (this.type[k] !== Tok.Ident) return false;
      k++;
      const c = this.sym(k);
      if (c === DOT || c === SLASH) {
        k++;
        continue;
      }
      if (c !== RBRACKET) return false;
      const d = this.sym(k + 1);
      return d === COLON || d === LBRACE || d === LT;
    }
    return false;
  }
}

/** The JS number of an integer (decimal, 0x hex, 0 octal) or float token text. */
export function numberValue(raw: string, isFloat: boolean): number {
  if (isFloat) return parseFloat(raw);
  if (raw.length > 1 && raw.charCodeAt(0) === 48) {
    const c = raw.charCodeAt(1);
    if (c === 120 || c === 88) return raw.length > 2 ? parseInt(raw.slice(2), 16) : 0;
    return parseInt(raw.slice(1), 8);
  }
  return Number(raw);
}

/** The exact value of an integer token, for range checks beyond 2^53. */
export function integerValue(raw: string): bigint | undefined {
  try {
    if (raw.length > 1 && raw.charCodeAt(0) === 48) {
      const c = raw.charCodeAt(1);
      if (c === 120 || c === 88) return raw.length > 2 ? BigInt(raw) : undefined;
      return BigInt('0o' + raw.slice(1));
    }
    return BigInt(raw);
  } catch {
    return undefined;
  }
}
