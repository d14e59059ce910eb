import type { ParsedDocument } from '../documents';
import { tokenize, Tok } from '../pbtxt/lexer';
import type { SourceFile } from '../text/source';
import type { LspTextEdit } from './types';

export interface FormattingOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/**
 * Formatting of a MediaPipe graph: indentation by nesting depth (`{}`, `<>`, `[]`) and no
 * trailing whitespace. Only whitespace at line starts and ends changes, so the tokens (and
 * comments) of the graph stay exactly as written. A graph with syntax errors is left alone.
 */
export function formatDocument(doc: ParsedDocument, options: FormattingOptions): LspTextEdit[] {
  if (doc.kind !== 'mediapipe-graph' || doc.syntax.length > 0) return [];
  return reindent(doc.file, options);
}

const OPEN = new Set(['{', '<', '[']);
const CLOSE = new Set(['}', '>', ']']);

function reindent(file: SourceFile, options: FormattingOptions): LspTextEdit[] {
  const text = file.text;
  const { tokens } = tokenize(text);
  const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
  const edits: LspTextEdit[] = [];
  let depth = 0;
  let t = 0;
  for (let line = 1; line <= file.lineCount; line++) {
    const start = file.lineStart(line);
    const content = file.lineText(line);
    const end = start + content.length;
    const lead = /^[ \t]*/.exec(content)![0].length;
    const trail = content.length - content.trimEnd().length;
    // the first token on this line decides a dedent; then every delimiter on it moves the depth
    while (t < tokens.count && tokens.start[t]! < start) t++;
    let lineDepth = depth;
    let first = true;
    for (; t < tokens.count && tokens.start[t]! < end; t++) {
      if (tokens.type[t] !== Tok.Symbol) {
        first = false;
        continue;
      }
      const ch = text[tokens.start[t]!]!;
      if (OPEN.has(ch)) depth++;
      else if (CLOSE.has(ch)) {
        depth = Math.max(0, depth - 1);
        if (first) lineDepth = depth;
      }
      first = false;
    }
    const at = (offset: number) => file.positionAt(offset);
    if (content.trim() === '') {
      if (content.length > 0) edits.push({ range: { start: pos(at(start)), end: pos(at(end)) }, newText: '' });
      continue;
    }
    const want = unit.repeat(lineDepth);
    if (content.slice(0, lead) !== want) edits.push({ range: { start: pos(at(start)), end: pos(at(start + lead)) }, newText: want });
    if (trail > 0) edits.push({ range: { start: pos(at(end - trail)), end: pos(at(end)) }, newText: '' });
  }
  return edits;
}

const pos = (p: { line: number; column: number }) => ({ line: p.line - 1, character: p.column - 1 });
