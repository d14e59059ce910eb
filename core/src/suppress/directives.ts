import type { SourceFile } from '../text/source';
import type { FileKind, Span } from '../types';

/**
 * Inline suppression comments, found by a line scanner that knows only comment syntax (it does
 * not depend on any parser):
 *
 *   # ovms-lint-disable-next-line OVMS-SEC-013, OVMS-DOS-002 -- reason   (next statement)
 *   # ovms-lint-disable OVMS-SEC-013 -- reason                           (from here to a matching
 *   # ovms-lint-enable OVMS-SEC-013                                       enable, else end of file)
 *   <!-- ovms-lint-disable-next-line OVMS-SEC-013 -- reason -->          (Markdown)
 *
 * `#` comments work in .pbtxt, shell, Dockerfile and YAML (and in Markdown code blocks);
 * `<!-- -->` in Markdown. No rule ids = every rule. The reason follows ` -- `.
 */
export type CommentStyle = 'hash' | 'html';

export interface DirectiveRule {
  name: string;
  span: Span;
  /** disable: the last line this rule is off (the line of the enable that ends it, else the last line). */
  to?: number;
}

export interface Directive {
  kind: 'disable' | 'disable-next-line' | 'enable';
  /** From `ovms-lint-` to the end of the comment's text. */
  span: Span;
  /** The whole comment, from `#` or `<!--` to the end of its text or `-->`. */
  comment: Span;
  /** enable: whether it ended an open disable. */
  matched?: boolean;
  rules: DirectiveRule[];
  reason: string | undefined;
  /** 1-based line of the directive. */
  line: number;
  /**
   * The 1-based lines covered: disable-next-line the next statement with its continuation lines;
   * disable from its own line to the last line any of its rules stays off; enable its own line.
   */
  from: number;
  to: number;
}

const MARKER = 'ovms-lint-';

/** Which comment syntaxes a file has; JSON files (config.json, settings) have none. */
export function commentStylesFor(path: string, kind: FileKind): CommentStyle[] {
  if (kind === 'mediapipe-graph') return ['hash'];
  if (kind !== 'command-lines') return [];
  return /\.(md|markdown)$/i.test(path) ? ['html', 'hash'] : ['hash'];
}

/**
 * `canon` maps a rule name as written to the id it stands for (ids, aliases and names are all
 * accepted), so that `ovms-lint-enable name` ends `ovms-lint-disable ID`; default: as written.
 */
export function scanDirectives(file: SourceFile, styles: CommentStyle[], canon: (name: string) => string | undefined = (n) => n): Directive[] {
  const text = file.text;
  const out: Directive[] = [];
  if (styles.length === 0 || !text.includes(MARKER)) return out;
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    const { line } = file.positionAt(at);
    const lineStart = file.lineStart(line);
    const lineText = file.lineText(line);
    const before = text.slice(lineStart, at);
    let style: CommentStyle | undefined;
    let opener: RegExpExecArray | null = null;
    if (styles.includes('hash') && (opener = /(?<=^|\s)#+\s*$/.exec(before))) style = 'hash';
    else if (styles.includes('html') && (opener = /<!--\s*$/.exec(before))) style = 'html';
    if (!style || !opener) continue;
    let end = lineStart + lineText.length;
    let commentEnd = lineStart + lineText.trimEnd().length;
    if (style === 'html') {
      const close = text.indexOf('-->', at);
      if (close < 0 || close > end) continue;
      end = close;
      commentEnd = close + 3;
    }
    const head = /^ovms-lint-(disable-next-line|disable|enable)(?=\s|$)/.exec(text.slice(at, end));
    if (!head) continue;
    const kind = head[1] as Directive['kind'];
    const bodyStart = at + head[0].length;
    const body = text.slice(bodyStart, end);
    const sep = /(^|\s)--(\s|$)/.exec(body);
    const rulesPart = sep ? body.slice(0, sep.index) : body;
    const reason = sep ? body.slice(sep.index + sep[0].length).trim() || undefined : undefined;
    const rules: DirectiveRule[] = [];
    for (const m of rulesPart.matchAll(/[^\s,]+/g)) {
      rules.push({ name: m[0], span: { start: bodyStart + m.index!, end: bodyStart + m.index! + m[0].length } });
    }
    const trimmedEnd = at + text.slice(at, end).trimEnd().length;
    const comment = { start: lineStart + opener.index, end: commentEnd };
    const d: Directive = { kind, span: { start: at, end: trimmedEnd }, comment, rules, reason, line, from: line, to: line };
    if (kind === 'disable-next-line') {
      const [from, to] = nextStatement(file, line, styles);
      d.from = from;
      d.to = to;
    }
    out.push(d);
  }
  pairRanges(out, file.lineCount, canon);
  return out;
}

/**
 * Where each `disable` ends, as ESLint does: `ovms-lint-enable` without ids ends every open
 * disable; `ovms-lint-enable ID…` ends the open disables of those rules (a disable without ids
 * is ended only by an enable without ids). An unclosed disable runs to the end of the file. One
 * pass over the directives, each disable open until its rules are all closed.
 */
function pairRanges(directives: Directive[], lastLine: number, canon: (name: string) => string | undefined): void {
  let open: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'disable') {
      d.to = lastLine;
      for (const r of d.rules) r.to = lastLine;
      open.push(d);
      continue;
    }
    if (d.kind !== 'enable') continue;
    if (d.rules.length === 0) {
      for (const o of open) closeAll(o, d.line);
      d.matched = open.length > 0;
      open = [];
      continue;
    }
    const ids = new Set(d.rules.map((r) => canon(r.name) ?? r.name));
    open = open.filter((o) => {
      if (o.rules.length === 0) return true;
      for (const r of o.rules) {
        if (r.to !== lastLine || !ids.has(canon(r.name) ?? r.name)) continue;
        r.to = d.line;
        d.matched = true;
      }
      o.to = Math.max(...o.rules.map((r) => r.to!));
      return o.rules.some((r) => r.to === lastLine);
    });
  }
  for (const d of directives) if (d.kind === 'disable' && d.rules.length) d.to = Math.max(...d.rules.map((r) => r.to!));
}

function closeAll(d: Directive, line: number): void {
  d.to = line;
  for (const r of d.rules) if (r.to === undefined || r.to > line) r.to = line;
}

/**
 * The lines of the statement after a directive: the next line that is not blank, a comment or a
 * Markdown fence opener, plus the lines a trailing `\` continues onto.
 */
function nextStatement(file: SourceFile, line: number, styles: CommentStyle[]): [number, number] {
  let l = line + 1;
  for (; l <= file.lineCount; l++) {
    const t = file.lineText(l).trim();
    if (t === '') continue;
    if (styles.includes('hash') && t.startsWith('#')) continue;
    if (styles.includes('html') && /^<!--.*-->$/.test(t)) continue;
    if (styles.includes('html') && /^(```|~~~)/.test(t)) continue;
    break;
  }
  let to = l;
  while (to < file.lineCount && /\\$/.test(file.lineText(to).trimEnd())) to++;
  return [l, to];
}
