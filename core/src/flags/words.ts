import type { Span } from '../types';

/**
 * One argument of a command line as the program will receive it, with where each of its
 * characters came from in the host file. Parts the text cannot know (`$(nproc)`, `${PORT}`, a
 * `<placeholder>` in docs, a Kubernetes `$(VAR)`) are the UNKNOWN character in `value`.
 */
export interface Word {
  /** The argument after quote removal; unknown parts are UNKNOWN characters. */
  value: string;
  /** Offsets in the host file of each character of `value` (same length as value). */
  offsets: number[];
  /** The whole word in the host file, quotes included. */
  span: Span;
}

/** Stands for a part of an argument whose value the text cannot tell (an expansion). */
export const UNKNOWN = '\u0000';

export function isKnown(w: Word | string): boolean {
  return !(typeof w === 'string' ? w : w.value).includes(UNKNOWN);
}

/** The span in the host file of value[from, to) of a word (the whole word when empty). */
export function subSpan(w: Word, from: number, to: number = w.value.length): Span {
  if (from >= to || w.offsets.length === 0) return w.span;
  const start = w.offsets[Math.max(0, from)] ?? w.span.start;
  const last = w.offsets[Math.min(w.offsets.length, to) - 1] ?? w.span.end - 1;
  return { start, end: Math.max(start, last + 1) };
}

/** A word whose characters map one-to-one onto the host file starting at `start`. */
export function plainWord(value: string, start: number, spanLength = value.length): Word {
  return { value, offsets: Array.from({ length: value.length }, (_, i) => start + i), span: { start, end: start + spanLength } };
}

/** A word whose characters cannot be mapped one by one: every character points at the span start. */
export function opaqueWord(value: string, span: Span): Word {
  return { value, offsets: Array.from({ length: value.length }, () => span.start), span };
}

/** The part of a word after a prefix (e.g. the value of `--flag=value`), with its offsets. */
export function sliceWord(w: Word, from: number, to: number = w.value.length): Word {
  const offsets = w.offsets.slice(from, to);
  const span = from >= to ? { start: w.span.end, end: w.span.end } : subSpan(w, from, to);
  return { value: w.value.slice(from, to), offsets, span };
}

/** Printable form of a value for messages: unknown parts shown as `…`. */
export function show(value: string): string {
  return value.split(UNKNOWN).join('…');
}
