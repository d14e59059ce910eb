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

/**
 * Decode adjacent literals and map every UTF-16 unit of the decoded text back to the source
 * offset where it was written (the start of its escape sequence, or the raw character), so that
 * a problem found inside a string's content (e.g. JSON in plugin_config) can be placed exactly.
 * `offsets` has one extra entry: the end of the last literal's content.
 */
export function decodeWithOffsets(text: string, parts: { start: number; end: number }[]): { value: string; offsets: number[] } {
  // 1. bytes with the source offset of each
  const bytes: number[] = [];
  const from: number[] = [];
  const one = new ByteBuf();
  let endOffset = parts.length ? parts[parts.length - 1]!.end : 0;
  for (const p of parts) {
    const q = text.charCodeAt(p.start);
    const closed = p.end - p.start >= 2 && text.charCodeAt(p.end - 1) === q;
    const innerEnd = closed ? p.end - 1 : p.end;
    endOffset = innerEnd;
    let i = p.start + 1;
    while (i < innerEnd) {
      // decode one unit (an escape or a raw character) through appendLiteral on a tiny slice
      let j = i + 1;
      const c = text.charCodeAt(i);
      if (c === 92 && i + 1 < innerEnd) {
        const d = text.charCodeAt(i + 1);
        j = i + 2;
        if (isOctDigit(d)) {
          while (j < innerEnd && j < i + 4 && isOctDigit(text.charCodeAt(j))) j++;
        } else if (d === 120) {
          while (j < innerEnd && j < i + 4 && isHexDigit(text.charCodeAt(j))) j++;
        } else if (d === 117 || d === 85) {
          const len = d === 117 ? 4 : 8;
          if (j + len <= innerEnd && readHex(text, j, len) >= 0) {
            const cp = readHex(text, j, len);
            j += len;
            if (cp >= 0xd800 && cp <= 0xdbff && text.charCodeAt(j) === 92 && text.charCodeAt(j + 1) === 117 && j + 6 <= innerEnd) {
              const trail = readHex(text, j + 2, 4);
              if (trail >= 0xdc00 && trail <= 0xdfff) j += 6;
            }
          }
        }
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < innerEnd) j = i + 2;
      one.len = 0;
      appendLiteral(`"${text.slice(i, j)}"`, 0, j - i + 2, one);
      for (let k = 0; k < one.len; k++) {
        bytes.push(one.buf[k]!);
        from.push(i);
      }
      i = j;
    }
  }
  // 2. UTF-8 -> UTF-16 with the offset of each code point's first byte (invalid bytes -> U+FFFD)
  let value = '';
  const offsets: number[] = [];
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k]!;
    let cp = 0xfffd;
    let len = 1;
    const cont = (n: number) => {
      for (let m = 1; m <= n; m++) if (((bytes[k + m] ?? 0) & 0xc0) !== 0x80) return false;
      return true;
    };
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && cont(1)) {
      cp = ((b & 31) << 6) | (bytes[k + 1]! & 63);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && cont(2)) {
      cp = ((b & 15) << 12) | ((bytes[k + 1]! & 63) << 6) | (bytes[k + 2]! & 63);
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5 && cont(3)) {
      cp = ((b & 7) << 18) | ((bytes[k + 1]! & 63) << 12) | ((bytes[k + 2]! & 63) << 6) | (bytes[k + 3]! & 63);
      len = 4;
    }
    const s = String.fromCodePoint(cp);
    value += s;
    for (let m = 0; m < s.length; m++) offsets.push(from[k]!);
    k += len;
  }
  offsets.push(endOffset);
  return { value, offsets };
}
