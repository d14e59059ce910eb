/**
 * A small text-format reader producing the AST of core/src/pbtxt/ast.ts, for unit tests of the
 * graph model that must not depend on the real parser (issue #3). It accepts the well-formed
 * subset real graphs use; it reports nothing and gives up quietly on anything else.
 */
import type { PbComment, PbDocument, PbField, PbList, PbMessage, PbScalar, PbValue } from '../../core/src/pbtxt/ast';

interface Tok {
  t: 'id' | 'str' | 'num' | 'p';
  v: string;
  start: number;
  end: number;
}

function lex(text: string, comments: PbComment[]): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = text.length;
      comments.push({ text: text.slice(i + 1, j).replace(/\r$/, ''), span: { start: i, end: j } });
      i = j;
    } else if (/\s/.test(c)) i++;
    else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out.push({ t: 'str', v: text.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      out.push({ t: 'id', v: text.slice(i, j), start: i, end: j });
      i = j;
    } else if (/[-0-9.]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9a-zA-Z.+-]/.test(text[j]!)) j++;
      out.push({ t: 'num', v: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      out.push({ t: 'p', v: c, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch);
}

export function miniParse(text: string): PbDocument {
  const comments: PbComment[] = [];
  const toks = lex(text, comments);
  let p = 0;
  const peek = () => toks[p];
  const isP = (v: string) => peek()?.t === 'p' && peek()!.v === v;

  function scalar(): PbScalar | undefined {
    const t = peek();
    if (!t) return undefined;
    if (t.t === 'str') {
      let end = t.end;
      let value = '';
      let raw = '';
      const start = t.start;
      while (peek()?.t === 'str') {
        const s = toks[p++]!;
        value += unquote(s.v);
        end = s.end;
      }
      raw = text.slice(start, end);
      return { kind: 'scalar', token: 'string', span: { start, end }, raw, value };
    }
    if (t.t === 'num') {
      p++;
      return { kind: 'scalar', token: 'number', span: { start: t.start, end: t.end }, raw: t.v, value: Number(t.v), negative: t.v.startsWith('-') };
    }
    if (t.t === 'id') {
      p++;
      return { kind: 'scalar', token: 'identifier', span: { start: t.start, end: t.end }, raw: t.v, value: t.v };
    }
    return undefined;
  }

  function message(open: Tok | undefined, closeCh: string | undefined): PbMessage {
    const fields: PbField[] = [];
    const start = open ? open.start : 0;
    let close: { start: number; end: number } | undefined;
    while (p < toks.length) {
      if (closeCh && isP(closeCh)) {
        const t = toks[p++]!;
        close = { start: t.start, end: t.end };
        break;
      }
      const f = field();
      if (!f) {
        p++;
        continue;
      }
      fields.push(f);
      if (isP(',') || isP(';')) p++;
    }
    const end = close ? close.end : text.length;
    const m: PbMessage = { kind: 'message', span: { start, end }, fields };
    if (open) m.open = { start: open.start, end: open.end };
    if (close) m.close = close;
    return m;
  }

  function value(): PbValue | undefined {
    if (isP('{') || isP('<')) {
      const o = toks[p++]!;
      return message(o, o.v === '{' ? '}' : '>');
    }
    if (isP('[')) {
      const o = toks[p++]!;
      const items: (PbScalar | PbMessage)[] = [];
      while (p < toks.length && !isP(']')) {
        const v = value();
        if (v && v.kind !== 'list') items.push(v);
        else p++;
        if (isP(',')) p++;
      }
      const c = toks[p++];
      const l: PbList = { kind: 'list', span: { start: o.start, end: c ? c.end : text.length }, items };
      return l;
    }
    return scalar();
  }

  function field(): PbField | undefined {
    const t = peek();
    if (!t) return undefined;
    let name: string;
    let nameSpan: { start: number; end: number };
    let bracketed: PbField['bracketed'];
    if (t.t === 'id') {
      p++;
      name = t.v;
      nameSpan = { start: t.start, end: t.end };
    } else if (isP('[')) {
      const o = toks[p++]!;
      let s = '';
      while (p < toks.length && !isP(']')) s += toks[p++]!.v;
      const c = toks[p++];
      name = s;
      nameSpan = { start: o.start, end: c ? c.end : o.end };
      bracketed = s.includes('/') ? 'any' : 'extension';
    } else return undefined;
    const f: PbField = { kind: 'field', span: { start: t.start, end: nameSpan.end }, name, nameSpan };
    if (bracketed) f.bracketed = bracketed;
    if (isP(':')) {
      const c = toks[p++]!;
      f.colon = { start: c.start, end: c.end };
    }
    const v = value();
    if (v) {
      f.value = v;
      f.span = { start: f.span.start, end: v.span.end };
    }
    return f;
  }

  const root = message(undefined, undefined);
  root.span = { start: 0, end: text.length };
  return { root, comments, errors: [] };
}
