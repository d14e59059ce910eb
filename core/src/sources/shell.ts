import type { Span } from '../types';
import { UNKNOWN, type Word } from '../flags/words';

/** A simple command: its words (redirections removed) and where it is. */
export interface SimpleCommand {
  words: Word[];
  span: Span;
}

export interface ShellIssue {
  span: Span;
  message: string;
}

export interface ShellParse {
  commands: SimpleCommand[];
  issues: ShellIssue[];
}

/**
 * `posix`: sh/bash quoting, `\` escapes and continuations. `windows`: PowerShell/cmd lines of
 * ovms.exe — backslashes are literal (paths), the continuation is a trailing backtick or caret.
 */
export type ShellDialect = 'posix' | 'windows';

const OPERATOR_CHARS = new Set([';', '&', '|', '\n']);

/**
 * Split shell text into simple commands and words, as a shell would, keeping the host-file
 * offset of every character. Expansions whose value the text cannot know (`$X`, `${X}`,
 * `$(…)`, backticks, `<placeholder>`) become UNKNOWN characters. Heredoc bodies and comments
 * are skipped. Never throws; problems become issues.
 *
 * `text` is the whole host file; only [from, to) is read.
 */
export function parseShell(text: string, from = 0, to = text.length, dialect: ShellDialect = 'posix'): ShellParse {
  const commands: SimpleCommand[] = [];
  const issues: ShellIssue[] = [];
  let words: Word[] = [];
  const heredocs: { delim: string; strip: boolean }[] = [];
  let i = from;
  let skipNextWord = false; // the target of a redirection
  let redirectStart = -1;

  const endCommand = () => {
    if (words.length) commands.push({ words, span: { start: words[0]!.span.start, end: words[words.length - 1]!.span.end } });
    words = [];
  };

  const skipHeredocs = () => {
    // called at a newline: skip the bodies of pending heredocs
    while (heredocs.length) {
      const h = heredocs.shift()!;
      while (i < to) {
        let e = text.indexOf('\n', i);
        if (e < 0 || e > to) e = to;
        let line = text.slice(i, e).replace(/\r$/, '');
        if (h.strip) line = line.replace(/^\t+/, '');
        i = Math.min(e + 1, to);
        if (line === h.delim) break;
      }
    }
  };

  while (i < to) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (isContinuation(text, i, to, dialect)) {
      const end = continuationEnd(text, i, to);
      // a continuation with nothing after it: the command goes on beyond the text we have
      // (a cut Markdown excerpt); its further arguments are unknown
      if (words.length && text.slice(end, to).trim() === '') words.push({ value: UNKNOWN, offsets: [i], span: { start: i, end: i + 1 } });
      i = end;
      continue;
    }
    if (c === '#' ) {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      endCommand();
      i++;
      if (c === '\n') skipHeredocs();
      continue;
    }
    if (c === '>' || (c === '<' && !isPlaceholderAt(text, i, to))) {
      // redirection: operator, optional `&`, then a target word (`2>&1`, `> file`, `<<EOF`)
      if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
        i += 2;
        const strip = text[i] === '-';
        if (strip) i++;
        while (text[i] === ' ' || text[i] === '\t') i++;
        const w = readWord(text, i, to, dialect, issues);
        heredocs.push({ delim: w.word.value.replace(/^['"]|['"]$/g, ''), strip });
        i = w.end;
        continue;
      }
      redirectStart = i;
      while (i < to && (text[i] === '>' || text[i] === '<' || text[i] === '&' || text[i] === '|')) i++;
      skipNextWord = true;
      const last = words[words.length - 1];
      if (last && /^\d$/.test(last.value) && last.span.end === redirectStart) words.pop();
      continue;
    }
    if (c === '(' || c === ')' || c === '{' || c === '}') {
      // subshells and groups: their contents are commands of their own
      if (c === '{' || c === '}') {
        const n = text[i + 1];
        if (n !== undefined && n !== ' ' && n !== '\t' && n !== '\n' && n !== ';') {
          const w = readWord(text, i, to, dialect, issues);
          pushWord(w.word);
          i = w.end;
          continue;
        }
      }
      endCommand();
      i++;
      continue;
    }
    const w = readWord(text, i, to, dialect, issues);
    i = w.end;
    pushWord(w.word);
  }
  endCommand();
  return { commands, issues };

  function pushWord(w: Word) {
    if (skipNextWord) {
      skipNextWord = false;
      return;
    }
    words.push(w);
  }
}

function isContinuation(text: string, i: number, to: number, dialect: ShellDialect): boolean {
  const c = text[i];
  const cont = dialect === 'posix' ? c === '\\' : c === '`' || c === '^' || c === '\\';
  if (!cont) return false;
  let j = i + 1;
  if (text[j] === '\r') j++;
  return j >= to || text[j] === '\n';
}

function continuationEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  if (text[j] === '\r') j++;
  return Math.min(j + 1, to);
}

function isPlaceholderAt(text: string, i: number, to: number): boolean {
  // docs write `<model_repository_path>`; a shell would read a redirection
  const m = /^<[A-Za-z_][^<>\s]*>/.exec(text.slice(i, Math.min(to, i + 200)));
  return m !== null;
}

const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '>', '(', ')']);

/** Read one word starting at i; returns it and the offset after it. */
function readWord(text: string, i: number, to: number, dialect: ShellDialect, issues: ShellIssue[]): { word: Word; end: number } {
  const start = i;
  let value = '';
  const offsets: number[] = [];
  const add = (s: string, at: number) => {
    value += s;
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  const unknown = (at: number) => {
    value += UNKNOWN;
    offsets.push(at);
  };
  while (i < to) {
    const c = text[i]!;
    if (WORD_END.has(c)) break;
    if (c === '<') {
      if (!isPlaceholderAt(text, i, to)) break;
      const e = text.indexOf('>', i);
      unknown(i);
      i = e + 1;
      continue;
    }
    if (isContinuation(text, i, to, dialect)) {
      i = continuationEnd(text, i, to);
      break;
    }
    if (c === '\\' && dialect === 'posix') {
      if (i + 1 < to) add(text[i + 1]!, i + 1);
      i += 2;
      continue;
    }
    if (c === "'") {
      const e = text.indexOf("'", i + 1);
      if (e < 0 || e >= to) {
        issues.push({ span: { start: i, end: i + 1 }, message: 'Unterminated single quote: the shell reads to the end of the file looking for the closing quote.' });
        for (let k = i + 1; k < to; k++) add(text[k]!, k);
        return { word: { value, offsets, span: { start, end: to } }, end: to };
      }
      for (let k = i + 1; k < e; k++) add(text[k]!, k);
      i = e + 1;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      let closed = false;
      while (k < to) {
        const d = text[k]!;
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '\\' && dialect === 'posix' && k + 1 < to && '"\\$`\n'.includes(text[k + 1]!)) {
          if (text[k + 1] !== '\n') add(text[k + 1]!, k + 1);
          k += 2;
          continue;
        }
        if (d === '`' && dialect === 'windows' && k + 1 < to) {
          add(text[k + 1]!, k + 1);
          k += 2;
          continue;
        }
        if (d === '$' || d === '`') {
          const e = expansionEnd(text, k, to, dialect);
          if (e > k + 1) {
            unknown(k);
            k = e;
            continue;
          }
        }
        add(d, k);
        k++;
      }
      if (!closed) {
        issues.push({ span: { start: i, end: i + 1 }, message: 'Unterminated double quote: the shell reads to the end of the file looking for the closing quote.' });
        return { word: { value, offsets, span: { start, end: to } }, end: to };
      }
      i = k + 1;
      continue;
    }
    if (c === '$' || (c === '`' && dialect === 'posix') || (c === '%' && dialect === 'windows')) {
      const e = expansionEnd(text, i, to, dialect);
      if (e > i + 1) {
        if (e === -1) break;
        unknown(i);
        i = e;
        continue;
      }
      if (e < 0) {
        issues.push({ span: { start: i, end: i + 1 }, message: 'Unterminated command substitution or expansion.' });
        unknown(i);
        i = to;
        break;
      }
    }
    add(c, i);
    i++;
  }
  return { word: { value, offsets, span: { start, end: i } }, end: i };
}

/**
 * End offset of an expansion starting at i (`$X`, `${…}`, `$(…)`, `` `…` ``, `%X%`), i + 1 when
 * the `$` is literal, -1 when unterminated.
 */
function expansionEnd(text: string, i: number, to: number, dialect: ShellDialect): number {
  const c = text[i];
  if (c === '`') {
    const e = text.indexOf('`', i + 1);
    return e < 0 || e >= to ? -1 : e + 1;
  }
  if (c === '%') {
    const m = /^%[A-Za-z_][A-Za-z0-9_]*%/.exec(text.slice(i, Math.min(to, i + 100)));
    return m ? i + m[0].length : i + 1;
  }
  const n = text[i + 1];
  if (n === '{' || n === '(') {
    const open = n;
    const close = n === '{' ? '}' : ')';
    let depth = 0;
    let k = i + 1;
    while (k < to) {
      const d = text[k]!;
      if (d === open) depth++;
      else if (d === close) {
        depth--;
        if (depth === 0) return k + 1;
      } else if (d === "'" && open === '(') {
        const e = text.indexOf("'", k + 1);
        if (e < 0 || e >= to) return -1;
        k = e;
      } else if (d === '"' && open === '(') {
        let e = k + 1;
        while (e < to && text[e] !== '"') e += text[e] === '\\' ? 2 : 1;
        if (e >= to) return -1;
        k = e;
      } else if (d === '\\') k++;
      k++;
    }
    return -1;
  }
  if (dialect === 'windows' && n === 'e' && /^\$env:[A-Za-z_]/.test(text.slice(i, i + 6))) {
    const m = /^\$env:[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, Math.min(to, i + 100)))!;
    return i + m[0].length;
  }
  const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?@*$!-])/.exec(text.slice(i, Math.min(to, i + 100)));
  return m ? i + m[0].length : i + 1;
}
