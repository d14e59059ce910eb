import { isHexDigit, isOctDigit } from './lexer';

/**
 * Decoding of string literals as protobuf's `Tokenizer::ParseStringAppend` does it (PB319
 * tokenizer.cc:1088-1160): octal escapes take up to 3 digits, `\x` up to 2, `\u`/`\U` are
 * emitted as UTF-8 (a head surrogate pairs with a directly following `\u` trail surrogate; a
 * value above 0x10FFFF stays as the literal text `\Uxxxxxxxx`), other escapes map to their byte.
 */

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** Does the literal need decoding (a backslash)? Literals without one decode to their inner text. */
export function hasEscape(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

/** The inner text of one literal token [start, end), without decoding (no backslash inside). */
export function literalInner(text: string, start: number, end: number): string {
  const q = text.charCodeAt(start);
  const closed = end - start >= 2 && text.charCodeAt(end - 1) === q;
  return text.slice(start + 1, closed ? end - 1 : end);
}

function hexVal(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

function translate(c: number): number {
  switch (c) {
    case 97: return 7; // a
    case 98: return 8; // b
    case 102: return 12; // f
    case 110: return 10; // n
    case 114: return 13; // r
    case 116: return 9; // t
    case 118: return 11; // v
    default: return c; // \\ \? \' \" (and, for invalid escapes, the character itself)
  }
}

class ByteBuf {
  buf = new Uint8Array(64);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = b & 0xff;
  }
  pushCodePoint(cp: number): void {
    if (cp < 0x80) this.push(cp);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6));
      this.push(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      this.push(0xe0 | (cp >> 12));
      this.push(0x80 | ((cp >> 6) & 63));
      this.push(0x80 | (cp & 63));
    } else if (cp <= 0x10ffff) {
      this.push(0xf0 | (cp >> 18));
      this.push(0x80 | ((cp >> 12) & 63));
      this.push(0x80 | ((cp >> 6) & 63));
      this.push(0x80 | (cp & 63));
    } else {
      for (const b of utf8.encode(`\\U${cp.toString(16).padStart(8, '0')}`)) this.push(b);
    }
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function readHex(text: string, i: number, len: number): number {
  let v = 0;
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(i + k);
    if (!isHexDigit(c)) return -1;
    v = v * 16 + hexVal(c);
  }
  return v;
}

/**
 * Append the decoded bytes of one literal token [start, end) (quotes included; the closing quote
 * may be missing after an error) to `out`. Raw characters are appended as UTF-8.
 */
function appendLiteral(text: string, start: number, end: number, out: ByteBuf): void {
  const q = text.charCodeAt(start);
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 && i + 1 < end) {
      i++;
      const d = text.charCodeAt(i);
      if (isOctDigit(d)) {
        let code = d - 48;
        if (i + 1 < end && isOctDigit(text.charCodeAt(i + 1))) code = code * 8 + (text.charCodeAt(++i) - 48);
        if (i + 1 < end && isOctDigit(text.charCodeAt(i + 1))) code = code * 8 + (text.charCodeAt(++i) - 48);
        out.push(code);
        i++;
      } else if (d === 120) {
        let code = 0;
        if (i + 1 < end && isHexDigit(text.charCodeAt(i + 1))) code = hexVal(text.charCodeAt(++i));
        if (i + 1 < end && isHexDigit(text.charCodeAt(i + 1))) code = code * 16 + hexVal(text.charCodeAt(++i));
        out.push(code);
        i++;
      } else if (d === 117 || d === 85) {
        const len = d === 117 ? 4 : 8;
        let cp = i + len < end ? readHex(text, i + 1, len) : -1;
        if (cp < 0) {
          out.push(d);
          i++;
          continue;
        }
        let p = i + 1 + len;
        if (cp >= 0xd800 && cp <= 0xdbff && text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === 117 && p + 6 <= end) {
          const trail = readHex(text, p + 2, 4);
          if (trail >= 0xdc00 && trail <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (trail - 0xdc00);
            p += 6;
          }
        }
        out.pushCodePoint(cp);
        i = p;
      } else {
        out.push(translate(d));
        i++;
      }
      continue;
    }
    if (c === q && i === end - 1) break;
    if (c < 0x80) {
      out.push(c);
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      out.pushCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
}

/** Decode adjacent literals (token spans) into bytes and their UTF-8 reading. */
export function decodeLiterals(text: string, parts: { start: number; end: number }[]): { value: string; bytes: Uint8Array } {
  const out = new ByteBuf();
  for (const p of parts) appendLiteral(text, p.start, p.end, out);
  const bytes = out.bytes();
  return { value: utf8Decoder.decode(bytes), bytes };
}
