import type { Position, Span } from '../types';

/**
 * A file's text with its path, and the offset <-> line/column mapping (computed once, lazily).
 * Offsets are UTF-16 code unit indices into `text`; lines and columns are 1-based.
 */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** The line/column of an offset; offsets past the end clamp to the end. */
  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /** The offset of a 1-based line/column, clamped into the file. */
  offsetAt(pos: Position): number {
    const starts = this.starts();
    const line = Math.max(1, Math.min(pos.line, starts.length));
    const lineStart = starts[line - 1]!;
    const lineEnd = line < starts.length ? starts[line]! : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + pos.column - 1, lineEnd));
  }

  /** Offset of the start of the 1-based line. */
  lineStart(line: number): number {
    const starts = this.starts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    const s = this.lineStart(line);
    const e = line < starts.length ? starts[line]! : this.text.length;
    return this.text.slice(s, e).replace(/\r?\n$|\r$/, '');
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
