/**
 * A seeded mutator of text-format graphs for the differential test. It splits a graph into
 * rough tokens with its own regular expression (independent of ovms-lint's lexer) and applies one
 * or two random edits: drop / duplicate / swap tokens, break strings and escapes, swap
 * delimiters, insert non-ASCII text, turn fields into lists, change numbers, bools and enums,
 * separators, comments, colons and field names.
 */

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*|[0-9][0-9A-Za-z_.]*|[A-Za-z_][A-Za-z0-9_]*|\s+|[^]/g;

interface Tok {
  text: string;
  kind: 'string' | 'comment' | 'number' | 'ident' | 'space' | 'symbol';
}

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const c = t[0]!;
    const kind = c === '"' || c === "'" ? 'string' : c === '#' ? 'comment' : /[0-9]/.test(c) ? 'number' : /[A-Za-z_]/.test(c) ? 'ident' : /\s/.test(c) ? 'space' : 'symbol';
    out.push({ text: t, kind });
  }
  return out;
}

const NUMBERS = ['-1', '0', '-0', '0x1F', '0X10', '017', '08', '1.5', '-2.5', '1e3', '1.5f', '10f', '.5', '5.', '1e', '0x', '4294967295', '4294967296', '18446744073709551615', '18446744073709551616', '2147483648', '-2147483648', '-2147483649', '9223372036854775807', '-9223372036854775808', '1.5.2', '0x1.5', 'inf', '-inf', 'nan', 'infinity', '1abc', '2', '- 3', '-# c\n4'];
const IDENTS = ['true', 'false', 't', 'f', 'True', 'False', 'TRUE', 'yes', '1', '0', '2', 'LAST', 'MEAN', 'CLS', 'AUTO', 'VLM', 'NORM_SUM', 'RANDOM', 'FOO', '-1', '7', 'nan', 'inf', 'x.5'];
const ESCAPES = ['\\n', '\\t', '\\\\', "\\'", '\\"', '\\?', '\\a', '\\101', '\\0', '\\777', '\\x41', '\\x4', '\\x', '\\xg', '\\u00e9', '\\u12', '\\U0001F600', '\\U00110000', '\\U00200000', '\\ud83d\\ude00', '\\ud800', '\\q', '\\X41', '\\'];
const NON_ASCII = ['é', '\uFEFF', '日本', '😀', '\u00A0', '\u0001', '\u007F', '\u0000'];
const SNIPPETS = [',', ';', ',,', ':', '{', '}', '<', '>', '[', ']', '[]', '//', '/', '-', '.', '# c\n', '// c\n', '"s"', "'s'", 'x: 1', 'foo { }', '[a.b]', '[type.googleapis.com/mediapipe.Nope] {}'];

export function mutate(text: string, r: () => number): string {
  const toks = lex(text);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const idx = (pred: (t: Tok) => boolean): number => {
    const cands: number[] = [];
    for (let i = 0; i < toks.length; i++) if (pred(toks[i]!)) cands.push(i);
    return cands.length ? pick(cands) : -1;
  };
  const nonSpace = (t: Tok) => t.kind !== 'space';
  const rounds = r() < 0.75 ? 1 : 2;
  for (let round = 0; round < rounds; round++) {
    const op = Math.floor(r() * 17);
    switch (op) {
      case 0: {
        const i = idx(nonSpace);
        if (i >= 0) toks.splice(i, 1);
        break;
      }
      case 1: {
        const i = idx(nonSpace);
        if (i >= 0) toks.splice(i, 0, { ...toks[i]! }, { text: ' ', kind: 'space' });
        break;
      }
      case 2: {
        const i = idx(nonSpace);
        let j = i + 1;
        while (j < toks.length && toks[j]!.kind === 'space') j++;
        if (i >= 0 && j < toks.length) [toks[i], toks[j]] = [toks[j]!, toks[i]!];
        break;
      }
      case 3: {
        // break or decorate a string
        const i = idx((t) => t.kind === 'string');
        if (i < 0) break;
        const t = toks[i]!;
        const q = t.text[0]!;
        const inner = t.text.slice(1, -1);
        const at = Math.floor(r() * (inner.length + 1));
        const choice = Math.floor(r() * 6);
        if (choice === 0) t.text = t.text.slice(0, -1); // unterminated
        else if (choice === 1) t.text = q + inner.slice(0, at) + '\n' + inner.slice(at) + q;
        else if (choice === 2) t.text = `${q}${inner.slice(0, at)}${q} ${pick(['"', "'"])}${inner.slice(at)}${pick(['"', "'"])}`;
        else if (choice === 3) t.text = q + inner.slice(0, at) + (q === '"' ? "'" : '"') + inner.slice(at) + q;
        else t.text = q + inner.slice(0, at) + pick(ESCAPES) + inner.slice(at) + q;
        break;
      }
      case 4: {
        // swap delimiters
        const i = idx((t) => /^[{}<>[\]]$/.test(t.text));
        if (i < 0) break;
        const map: Record<string, string> = { '{': pick(['<', '[', '(']), '}': pick(['>', ']', ')']), '<': '{', '>': '}', '[': '{', ']': '}' };
        toks[i]!.text = map[toks[i]!.text]!;
        if (r() < 0.5) {
          // and the matching other one: the next closer of the same family
          const closer = toks[i]!.text === '<' ? '}' : toks[i]!.text === '{' ? '>' : undefined;
          if (closer) {
            let depth = 0;
            for (let j = i + 1; j < toks.length; j++) {
              const x = toks[j]!.text;
              if (x === '{' || x === '<') depth++;
              else if ((x === '}' || x === '>') && depth-- === 0) {
                toks[j]!.text = toks[i]!.text === '<' ? '>' : '}';
                break;
              }
            }
          }
        }
        break;
      }
      case 5: {
        // non-ASCII anywhere (inside strings and comments it is fine)
        const i = Math.floor(r() * (toks.length + 1));
        const where = r();
        if (where < 0.15) toks.unshift({ text: '\uFEFF', kind: 'symbol' });
        else if (where < 0.5) {
          const s = idx((t) => t.kind === 'string' || t.kind === 'comment');
          if (s >= 0) toks[s]!.text = toks[s]!.text.slice(0, 1) + pick(NON_ASCII) + toks[s]!.text.slice(1);
        } else toks.splice(i, 0, { text: pick(NON_ASCII), kind: 'symbol' });
        break;
      }
      case 6: {
        // scalar field -> list
        const i = idx((t) => t.text === ':');
        if (i < 0) break;
        let j = i + 1;
        while (j < toks.length && toks[j]!.kind === 'space') j++;
        const v = toks[j];
        if (!v || !['string', 'number', 'ident'].includes(v.kind)) break;
        const c = Math.floor(r() * 4);
        v.text = c === 0 ? `[${v.text}]` : c === 1 ? `[${v.text}, ${v.text}]` : c === 2 ? `[]` : `[${v.text},]`;
        break;
      }
      case 7: {
        // message field -> list of messages
        const i = idx((t) => t.text === '{');
        if (i < 0) break;
        let depth = 0;
        for (let j = i + 1; j < toks.length; j++) {
          const x = toks[j]!.text;
          if (x === '{') depth++;
          else if (x === '}' && depth-- === 0) {
            const dup = r() < 0.5;
            const body = toks.slice(i, j + 1).map((t) => t.text).join('');
            toks[j]!.text = dup ? `}, ${body}]` : '}]';
            toks[i]!.text = '[{';
            break;
          }
        }
        break;
      }
      case 8: {
        const i = idx((t) => t.kind === 'number');
        if (i >= 0) toks[i]!.text = pick(NUMBERS);
        else {
          const j = idx((t) => t.kind === 'string');
          if (j >= 0) toks[j]!.text = pick(NUMBERS);
        }
        break;
      }
      case 9: {
        const i = idx((t) => t.kind === 'ident' && toks[toks.indexOf(t) - 1]?.text !== '.');
        if (i >= 0 && r() < 0.5 && /^(true|false|[A-Z_]+)$/.test(toks[i]!.text)) toks[i]!.text = pick(IDENTS);
        else if (i >= 0) {
          const s = idx((t) => t.kind === 'string');
          if (s >= 0) toks[s]!.text = pick(IDENTS);
        }
        break;
      }
      case 10: {
        // separators, symbols and snippets
        const i = Math.floor(r() * (toks.length + 1));
        toks.splice(i, 0, { text: ` ${pick(SNIPPETS)} `, kind: 'symbol' });
        break;
      }
      case 11: {
        // drop or add a colon
        if (r() < 0.5) {
          const i = idx((t) => t.text === ':');
          if (i >= 0) toks.splice(i, 1);
        } else {
          const i = idx((t) => t.text === '{');
          if (i >= 0) toks.splice(i, 0, { text: ': ', kind: 'symbol' });
        }
        break;
      }
      case 12: {
        // misspell a field name
        const i = idx((t) => t.kind === 'ident' && /^[a-z_]+$/.test(t.text) && t.text.length > 3);
        if (i >= 0) {
          const t = toks[i]!.text;
          const k = Math.floor(r() * t.length);
          toks[i]!.text = pick([t.slice(0, k) + t.slice(k + 1), t + 's', t.toUpperCase(), t.slice(0, k) + 'x' + t.slice(k + 1)]);
        }
        break;
      }
      case 13: {
        // duplicate a whole line (a non-repeated field given twice, or a repeated one)
        const lines = toks.map((t) => t.text).join('').split('\n');
        const k = Math.floor(r() * lines.length);
        lines.splice(k, 0, lines[k]!);
        return finish(lines.join('\n'), round, rounds, r);
      }
      case 14: {
        // drop a line
        const lines = toks.map((t) => t.text).join('').split('\n');
        lines.splice(Math.floor(r() * lines.length), 1);
        return finish(lines.join('\n'), round, rounds, r);
      }
      case 15: {
        // Any URL / extension spellings
        const i = idx((t) => t.text === 'type' || t.text === 'googleapis' || t.text === 'ext' || t.text === 'mediapipe');
        if (i >= 0) toks[i]!.text = pick(['type', 'googleprod', 'googleapis', 'example', 'ext', 'mediapipe', 'mediapip', '']);
        break;
      }
      default: {
        // CRLF / tabs / no whitespace
        const i = idx((t) => t.kind === 'space');
        if (i >= 0) toks[i]!.text = pick(['\r\n', '\t', '', '\v', '\f', '\r']);
      }
    }
  }
  return toks.map((t) => t.text).join('');
}

function finish(text: string, round: number, rounds: number, r: () => number): string {
  return round + 1 < rounds ? mutate(text, r) : text;
}
