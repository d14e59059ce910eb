import { emptyContainer, isOvmsImage, splitImage } from '../flags/docker';
import type { Container, OvmsCommand } from '../flags/model';
import { parseOvmsArgs } from '../flags/parse-ovms';
import type { Word } from '../flags/words';
import type { SyntaxIssue } from '../documents';
import { isOvmsProgram, fromShellC } from './invocations';
import { parseShell } from './shell';

interface Instruction {
  keyword: string;
  keywordSpan: { start: number; end: number };
  argStart: number;
  argEnd: number;
}

/** Instructions of a Dockerfile in [from, to): keyword and argument range, continuations joined. */
function instructions(text: string, from: number, to: number): Instruction[] {
  const out: Instruction[] = [];
  let i = from;
  while (i < to) {
    let e = text.indexOf('\n', i);
    if (e < 0 || e > to) e = to;
    const line = text.slice(i, e);
    const m = /^(\s*)([A-Za-z]+)(\s+|$)/.exec(line);
    if (!m || line.trimStart().startsWith('#')) {
      i = e + 1;
      continue;
    }
    const kwStart = i + m[1]!.length;
    const argStart = kwStart + m[2]!.length + m[3]!.length;
    let end = e;
    // continuation lines: a trailing backslash joins the next line (comment lines inside are skipped by the shell parser)
    while (/\\\s*$/.test(text.slice(i, end)) && end < to) {
      const next = text.indexOf('\n', end + 1);
      i = end + 1;
      end = next < 0 || next > to ? to : next;
    }
    out.push({ keyword: m[2]!.toUpperCase(), keywordSpan: { start: kwStart, end: kwStart + m[2]!.length }, argStart, argEnd: end });
    i = end + 1;
  }
  return out;
}

/** Words of an exec-form `["a", "b"]` argument; undefined when it is not exec form, null when it is a broken one. */
function execForm(text: string, start: number, end: number, issues: SyntaxIssue[]): Word[] | undefined | null {
  const s = text.slice(start, end).trimEnd();
  if (!s.startsWith('[')) return undefined;
  const words: Word[] = [];
  const re = /\s*"((?:[^"\\]|\\.)*)"\s*(,|\])/y;
  let k = 1;
  for (;;) {
    re.lastIndex = k;
    const m = re.exec(s);
    if (!m) {
      if (/^\s*\]\s*$/.test(s.slice(k))) return words;
      issues.push({ span: { start: start + k, end: start + s.length }, message: 'Exec form must be a JSON array of double-quoted strings; Docker falls back to running this text with /bin/sh -c.' });
      return null;
    }
    const raw = m[1]!;
    const qStart = start + k + m[0].indexOf('"') + 1;
    let value = '';
    const offsets: number[] = [];
    for (let j = 0; j < raw.length; j++) {
      if (raw[j] === '\\' && j + 1 < raw.length) {
        j++;
        value += raw[j] === 'n' ? '\n' : raw[j] === 't' ? '\t' : raw[j]!;
      } else value += raw[j]!;
      offsets.push(qStart + j);
    }
    words.push({ value, offsets, span: { start: qStart - 1, end: qStart + raw.length + 1 } });
    k = re.lastIndex;
    if (m[2] === ']') return words;
  }
}

/**
 * OVMS invocations of a Dockerfile (or a Dockerfile block of a Markdown file): the CMD/ENTRYPOINT
 * of a stage built FROM the OVMS image (whose entrypoint is /ovms/bin/ovms), or one that runs ovms.
 */
export function dockerfileInvocations(text: string, from = 0, to = text.length): { commands: OvmsCommand[]; issues: SyntaxIssue[] } {
  const issues: SyntaxIssue[] = [];
  const commands: OvmsCommand[] = [];
  let base: string | undefined;
  let container: Container | undefined;
  let entry: Word[] | undefined;
  let cmd: { words: Word[]; kw: Instruction } | undefined;
  let entryKw: Instruction | undefined;
  const flush = () => {
    if (!container) return;
    let words: Word[] | undefined;
    let anchor = container.anchor;
    if (entry && entry.length && isOvmsProgram(entry[0]!.value)) {
      words = [...entry.slice(1), ...(cmd?.words ?? [])];
      anchor = entryKw!.keywordSpan;
    } else if (entry && entry.length) {
      const inner = fromShellC(entry, 'dockerfile');
      if (inner) commands.push({ ...inner, container });
      return;
    } else if (cmd) {
      const inner = fromShellC(cmd.words, 'dockerfile');
      if (inner) {
        commands.push({ ...inner, container });
        return;
      }
      if (cmd.words[0] && isOvmsProgram(cmd.words[0].value)) words = cmd.words.slice(1);
      else if (isOvmsImage(base)) words = cmd.words;
      anchor = cmd.kw.keywordSpan;
    }
    if (!words) return;
    const last = words[words.length - 1];
    commands.push({
      source: 'dockerfile',
      platform: 'linux',
      span: { start: anchor.start, end: last ? last.span.end : anchor.end },
      anchor,
      args: parseOvmsArgs(words),
      container,
      env: [],
    });
  };
  for (const ins of instructions(text, from, to)) {
    const argsOf = (): Word[] | undefined => {
      const exec = execForm(text, ins.argStart, ins.argEnd, issues);
      // a broken exec form is a syntax finding; its arguments are not guessed
      if (exec === null) return undefined;
      return exec ?? parseShell(text, ins.argStart, ins.argEnd).commands.flatMap((c) => c.words);
    };
    switch (ins.keyword) {
      case 'FROM': {
        flush();
        const w = parseShell(text, ins.argStart, ins.argEnd).commands[0]?.words.filter((x) => !x.value.startsWith('--'))[0];
        base = w?.value;
        container = emptyContainer('dockerfile', ins.keywordSpan);
        if (w) {
          container.image = w;
          Object.assign(container, splitImage(w.value));
        }
        entry = isOvmsImage(base) ? undefined : [];
        cmd = undefined;
        break;
      }
      case 'USER': {
        if (container) container.user = { span: { start: ins.argStart, end: ins.argEnd }, value: text.slice(ins.argStart, ins.argEnd).trim() };
        break;
      }
      case 'ENTRYPOINT':
        entry = argsOf() ?? [];
        entryKw = ins;
        cmd = undefined;
        break;
      case 'CMD': {
        const words = argsOf();
        cmd = words ? { words, kw: ins } : undefined;
        if (!words && container) container = undefined;
        break;
      }
    }
  }
  flush();
  return { commands, issues };
}
