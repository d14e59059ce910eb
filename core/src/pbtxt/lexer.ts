import type { PbComment, PbSyntaxError } from './ast';

/**
 * The tokenizer of protobuf's C++ text format (PB319 io/tokenizer.cc with SH_COMMENT_STYLE,
 * allow_f_after_float and require_space_after_number), over a JavaScript string.
 *
 * Tokens are kept in flat arrays (type, start, end) so that a multi-megabyte graph costs no
 * object per token. Errors are recorded and the token stream goes on exactly as protobuf's does,
 * so every tokenizer error protobuf reports is reported here too, and the parser sees the same
 * tokens. Comments go to their own list with their spans.
 */

export const enum Tok {
  End = 0,
  Ident = 1,
  Int = 2,
  Float = 3,
  String = 4,
  Symbol = 5,
}

export interface Tokens {
  count: number;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

// Character classes by char code (ASCII only; everything >= 0x80 is handled separately).
const WS = 1;
const LETTER = 2; // A-Z a-z _
const DIGIT = 4;
const OCT = 8;
const HEX = 16;
const ESCAPE = 32; // the characters allowed after a backslash as a simple escape
const CLS = new Uint8Array(128);
for (const c of ' \n\t\r\v\f') CLS[c.charCodeAt(0)]! |= WS;
for (let c = 65; c <= 90; c++) CLS[c]! |= LETTER;
for (let c = 97; c <= 122; c++) CLS[c]! |= LETTER;
CLS[95]! |= LETTER;
for (let c = 48; c <= 57; c++) CLS[c]! |= DIGIT | HEX | (c <= 55 ? OCT : 0);
for (const c of 'abcdefABCDEF') CLS[c.charCodeAt(0)]! |= HEX;
for (const c of 'abfnrtv\\?\'"') CLS[c.charCodeAt(0)]! |= ESCAPE;

export function isLetter(c: number): boolean {
  return c < 128 && (CLS[c]! & LETTER) !== 0;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isHexDigit(c: number): boolean {
  return c < 128 && (CLS[c]! & HEX) !== 0;
}
export function isOctDigit(c: number): boolean {
  return c >= 48 && c <= 55;
}
function isAlnum(c: number): boolean {
  return c < 128 && (CLS[c]! & (LETTER | DIGIT)) !== 0;
}

export interface LexResult {
  tokens: Tokens;
  comments: PbComment[];
  errors: PbSyntaxError[];
}

/** Tokens of `text[from, to)` (`from` at a token boundary); characters past `to` are only looked at. */
export function tokenize(text: string, from = 0, to = text.length): LexResult {
  const n = to;
  // graphs run 7-9 characters per token: room for one per 6 is rarely outgrown (a doubling copies all)
  let cap = Math.max(16, Math.ceil((n - from) / 6) + 16);
  let type = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let count = 0;
  const comments: PbComment[] = [];
  const errors: PbSyntaxError[] = [];
  const err = (s: number, e: number, message: string) => errors.push({ span: { start: s, end: e }, message });
  const push = (t: Tok, s: number, e: number) => {
    if (count === cap) {
      cap *= 2;
      const t2 = new Uint8Array(cap);
      t2.set(type);
      type = t2;
      const s2 = new Int32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap);
      e2.set(end);
      end = e2;
    }
    type[count] = t;
    start[count] = s;
    end[count] = e;
    count++;
  };

  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && CLS[c]! & WS) {
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      // A comment runs to the end of the line; a NUL byte ends it early (and is then an error).
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 0) break;
        j++;
      }
      comments.push({ text: text.slice(i + 1, j), span: { start: i, end: j } });
      i = j < n && text.charCodeAt(j) === 10 ? j + 1 : j;
      continue;
    }
    if (c < 32 || c === 0) {
      // Control characters other than whitespace: one error for the whole run.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 32 || CLS[d]! & WS) break;
        j++;
      }
      err(i, j, 'Invalid control characters encountered in text.');
      i = j;
      continue;
    }
    const s = i;
    if (c < 128 && CLS[c]! & LETTER) {
      i++;
      while (i < n && isAlnum(text.charCodeAt(i))) i++;
      push(Tok.Ident, s, i);
      continue;
    }
    if (c === 48 /* 0 */) {
      i = number(text, i + 1, true, false, err);
      push(numberType, s, i);
      continue;
    }
    if (c === 46 /* . */) {
      if (isDigit(text.charCodeAt(i + 1))) {
        // "blah.123" is rejected: a float may not touch a preceding identifier.
        if (count > 0 && type[count - 1] === Tok.Ident && end[count - 1] === i) {
          err(i, i + 1, 'Need space between identifier and decimal point.');
        }
        i = number(text, i + 2, false, true, err);
        push(numberType, s, i);
      } else {
        i++;
        push(Tok.Symbol, s, i);
      }
      continue;
    }
    if (c >= 49 && c <= 57) {
      i = number(text, i + 1, false, false, err);
      push(numberType, s, i);
      continue;
    }
    if (c === 34 || c === 39) {
      i = string(text, s, c, err);
      push(Tok.String, s, i);
      continue;
    }
    if (c >= 128) {
      // protobuf reads bytes: each byte with the high bit set is an error and a symbol.
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      err(i, i + len, `Interpreting non ascii codepoint ${firstUtf8Byte(cp)}.`);
      i += len;
      push(Tok.Symbol, s, i);
      continue;
    }
    i++;
    push(Tok.Symbol, s, i);
  }
  push(Tok.End, n, n);
  return { tokens: { count, type, start, end }, comments, errors };
}

function firstUtf8Byte(cp: number): number {
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

let numberType: Tok = Tok.Int;

type ErrFn = (s: number, e: number, message: string) => void;

/** ConsumeNumber: `i` is just past the first character. Sets numberType; returns the end. */
function number(text: string, i: number, startedWithZero: boolean, startedWithDot: boolean, err: ErrFn): number {
  let isFloat = false;
  let c = text.charCodeAt(i);
  if (startedWithZero && (c === 120 || c === 88) /* x X */) {
    i++;
    if (!isHexDigit(text.charCodeAt(i))) err(i, i + 1, '"0x" must be followed by hex digits.');
    while (isHexDigit(text.charCodeAt(i))) i++;
  } else if (startedWithZero && isDigit(c)) {
    while (isOctDigit(text.charCodeAt(i))) i++;
    if (isDigit(text.charCodeAt(i))) {
      err(i, i + 1, 'Numbers starting with leading zero must be in octal.');
      while (isDigit(text.charCodeAt(i))) i++;
    }
  } else {
    if (startedWithDot) {
      isFloat = true;
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46) {
        isFloat = true;
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    c = text.charCodeAt(i);
    if (c === 101 || c === 69 /* e E */) {
      isFloat = true;
      i++;
      c = text.charCodeAt(i);
      if (c === 45 || c === 43) i++;
      if (!isDigit(text.charCodeAt(i))) err(i, i + 1, '"e" must be followed by exponent.');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    c = text.charCodeAt(i);
    if (c === 102 || c === 70 /* f F */) {
      isFloat = true;
      i++;
    }
  }
  c = text.charCodeAt(i);
  if (isLetter(c)) {
    err(i, i + 1, 'Need space between number and identifier.');
  } else if (c === 46) {
    err(i, i + 1, isFloat ? "Already saw decimal point or exponent; can't have another one." : 'Hex and octal numbers must be integers.');
  }
  numberType = isFloat ? Tok.Float : Tok.Int;
  return i;
}

/**
 * ConsumeString from the opening quote at `s`; returns the end of the token. An unterminated
 * string is reported on the string itself (from its quote to the end of the line).
 */
function string(text: string, s0: number, quote: number, err: ErrFn): number {
  const n = text.length;
  let i = s0 + 1;
  for (;;) {
    if (i >= n) {
      err(s0, n, 'Unexpected end of string.');
      return i;
    }
    const c = text.charCodeAt(i);
    if (c === 0) {
      err(s0, i, 'Unexpected end of string.');
      return i;
    }
    if (c === 10) {
      err(s0, i > s0 + 1 && text.charCodeAt(i - 1) === 13 ? i - 1 : i, 'String literals cannot cross line boundaries: close the string on the line where it starts.');
      return i;
    }
    if (c === 92 /* \ */) {
      const s = i;
      i++;
      const d = text.charCodeAt(i);
      if (d < 128 && CLS[d]! & ESCAPE) i++;
      else if (isOctDigit(d)) i++;
      else if (d === 120 /* x */) {
        i++;
        if (isHexDigit(text.charCodeAt(i))) i++;
        else err(s, i, 'Expected hex digits for escape sequence.');
      } else if (d === 117 /* u */) {
        i++;
        let k = 0;
        while (k < 4 && isHexDigit(text.charCodeAt(i))) {
          i++;
          k++;
        }
        if (k < 4) err(s, i, 'Expected four hex digits for \\u escape sequence.');
      } else if (d === 85 /* U */) {
        i++;
        let ok = text.charCodeAt(i) === 48;
        if (ok) i++;
        ok = ok && text.charCodeAt(i) === 48;
        if (ok) i++;
        const e = text.charCodeAt(i);
        ok = ok && (e === 48 || e === 49);
        if (ok) i++;
        for (let k = 0; ok && k < 5; k++) {
          if (isHexDigit(text.charCodeAt(i))) i++;
          else ok = false;
        }
        if (!ok) err(s, i, 'Expected eight hex digits up to 10ffff for \\U escape sequence');
      } else {
        err(s, Math.min(i + 1, n), 'Invalid escape sequence in string literal.');
      }
      continue;
    }
    i++;
    if (c === quote) return i;
  }
}
