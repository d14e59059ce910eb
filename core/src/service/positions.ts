import type { SourceFile } from '../text/source';
import type { Span } from '../types';
import type { LspPosition, LspRange } from './types';

/** Offsets <-> LSP positions (0-based line, UTF-16 character), through the file's line table. */
export function toPosition(file: SourceFile, offset: number): LspPosition {
  const p = file.positionAt(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toRange(file: SourceFile, span: Span): LspRange {
  return { start: toPosition(file, span.start), end: toPosition(file, span.end) };
}

export function toOffset(file: SourceFile, pos: LspPosition): number {
  return file.offsetAt({ line: pos.line + 1, column: pos.character + 1 });
}

export function toSpan(file: SourceFile, range: LspRange): Span {
  return { start: toOffset(file, range.start), end: toOffset(file, range.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
