import type { PbComment, PbDocument, PbSyntaxError } from './ast';
import { MessageNode, type FieldNode, type ListNode, type ScalarNode } from './nodes';
import { adoptSource, byPosition, parseFieldsAt, sourceOf } from './parser';

/**
 * Incremental re-parse of an edited text-format file (the language server re-parses a graph on
 * every keystroke). When the edit lies inside one top-level field of the root message (one
 * `node { … }` block, with the whitespace and comments after it), only that field's text is
 * lexed and parsed again; the fields it now holds replace it and everything after it is shifted
 * by the length difference. The result equals what parsePbtxt returns for the new text (the
 * property test test/pbtxt/incremental.test.ts compares them after thousands of random edits).
 *
 * Why that is exact: the text before the edit is unchanged, so the lexer reaches the field's
 * first token in the same state, and the parser reaches it with only the root message open; the
 * parse of a complete previous field (its value closed) looks no further than the class of that
 * token (an identifier or `[`), which the edit does not change. If the new parse is back at the
 * root exactly at the next field's first token, the old parse from there on holds (same text,
 * same state); its lookahead reaches at most into the next field, which is lexed with it.
 *
 * Otherwise undefined, and the caller parses the whole text: the edit starts before the first
 * field or reaches into the next one; a field's first token is glued to the token before it (the
 * lexer reports some problems of a number at the character after it); the previous or next field
 * is incomplete, or they (or, for the first field, the text before it) have syntax errors, whose
 * recovery may have looked into this field; the edit touches a directive comment
 * (`ovms-lint-…`, `# OVMS_GRAPH_QUEUE_MAX_SIZE`, `# proto-message:`); the new text of the field
 * does not end at the next field (it opened or closed a message, a string or a comment runs on).
 *
 * The previous tree is consumed: its nodes are reused and shifted in place, and its scalars read
 * the new text, so it must not be used after a successful re-parse.
 */

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface ChangedRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The range of `text` that differs from `old` (common prefix and suffix skipped); undefined when equal. */
export function changedRange(old: string, text: string): ChangedRange | undefined {
  if (old === text) return undefined;
  const min = Math.min(old.length, text.length);
  let p = 0;
  // compare in chunks first (substring equality is a memcmp), then per character
  for (let step = 4096; step >= 1; step >>= 4) {
    while (p + step <= min && old.slice(p, p + step) === text.slice(p, p + step)) p += step;
  }
  while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  const maxS = min - p;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (s + step <= maxS && old.slice(old.length - s - step, old.length - s) === text.slice(text.length - s - step, text.length - s)) s += step;
  }
  while (s < maxS && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { start: p, oldEnd: old.length - s, newEnd: text.length - s };
}

/** Comments whose text other passes read (suppressions, the queue-size directive, the message type). */
const DIRECTIVE = /ovms-lint-|OVMS_GRAPH_QUEUE_MAX_SIZE|proto-message/i;

/**
 * The tree of `text`, made from `prev` (the tree of `prevText`) by re-parsing the one top-level
 * field the edit lies in; undefined when that is not possible or not sure to be exact.
 */
export function reparsePbtxt(prev: PbDocument, prevText: string, text: string): PbDocument | undefined {
  const src = sourceOf(prev);
  if (!src || src.text !== prevText) return undefined;
  const ch = changedRange(prevText, text);
  if (!ch) return undefined;
  const fields = prev.root.fields as FieldNode[];
  // the top-level field the edit starts in (strictly after its first character)
  let lo = 0;
  let hi = fields.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fields[mid]!.ns < ch.start) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (i < 0) return undefined; // in the header (before the first field)
  const a = fields[i]!.ns;
  const last = i === fields.length - 1;
  const bOld = last ? prevText.length : fields[i + 1]!.ns;
  if (ch.oldEnd > bOld) return undefined; // reaches into the next field
  // a token glued to a field's first one: the lexer reports some problems of a token (a number
  // followed by a letter) at the character after it, which would then be at the boundary
  if (a > 0 && !isSpace(prevText.charCodeAt(a - 1))) return undefined;
  if (!last && !isSpace(text.charCodeAt(bOld + text.length - prevText.length - 1))) return undefined;
  if (i > 0 && !complete(fields[i - 1]!)) return undefined;
  if (!last && !complete(fields[i + 1]!)) return undefined;
  const cOld = i + 2 < fields.length ? fields[i + 2]!.ns : prevText.length;
  const delta = text.length - prevText.length;
  // syntax errors in the neighbours (or before the first field): their parse, or the recovery
  // after them, may have looked into this field
  const near = i > 0 ? fields[i - 1]!.ns : 0;
  const errors = prev.errors;
  const e0 = firstAt(errors, near);
  if (e0 < errors.length && errors[e0]!.span.start <= a) return undefined;
  // (at the end of the file, errors "at the end of the file" belong to the last field)
  const eB = last ? errors.length : firstAt(errors, bOld);
  if (!last && eB < errors.length && errors[eB]!.span.start < cOld) return undefined;
  const eA = firstAt(errors, a);
  // directive comments the edit touches
  const comments = prev.comments;
  const cA = firstAt(comments, a);
  const cB = last ? comments.length : firstAt(comments, bOld);
  for (let k = cA; k < cB; k++) if (touches(comments[k]!, ch.start, ch.oldEnd) && DIRECTIVE.test(comments[k]!.text)) return undefined;

  const stopAt = last ? Infinity : bOld + delta;
  const to = last ? text.length : cOld + delta;
  const part = parseFieldsAt(text, src, a, to, stopAt);
  if (!part) return undefined;
  const newComments = part.comments;
  for (const c of newComments) if (touches(c, ch.start, ch.newEnd) && DIRECTIVE.test(c.text)) return undefined;

  // commit: from here on `prev` is consumed
  src.text = text;
  shiftFields(fields, i + 1, delta);
  const root = new MessageNode(0, text.length, -1);
  root.fields = fields.slice(0, i).concat(part.fields, fields.slice(i + 1));
  const doc: PbDocument = {
    root,
    comments: comments.slice(0, cA).concat(newComments, shiftSpans(comments, cB, delta)),
    errors: errors.slice(0, eA).concat(part.errors, shiftSpans(errors, eB, delta)).sort(byPosition),
  };
  adoptSource(doc, src);
  return doc;
}

/** A field with a value that is closed: its parse looked no further than the token after it. */
function complete(f: FieldNode): boolean {
  const v = f.value;
  if (!v) return false;
  if (v.kind === 'scalar') return true;
  return (v as MessageNode | ListNode).cl >= 0;
}

/** The index of the first item whose span starts at or after `offset` (items sorted by start). */
function firstAt(items: readonly { span: { start: number } }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a comment touches (overlaps or borders) the range `[start, end]`. */
function touches(c: PbComment, start: number, end: number): boolean {
  return c.span.start <= end && c.span.end >= start;
}

/** Copies of `items[from..]` moved by `d` characters. */
function shiftSpans<T extends PbComment | PbSyntaxError>(items: readonly T[], from: number, d: number): T[] {
  const out: T[] = [];
  for (let k = from; k < items.length; k++) {
    const it = items[k]!;
    out.push(d === 0 ? it : { ...it, span: { start: it.span.start + d, end: it.span.end + d } });
  }
  return out;
}

type AnyNode = FieldNode | MessageNode | ListNode | ScalarNode;

/** Move `fields[from..]` and everything in them by `d` characters, in place (no recursion). */
function shiftFields(fields: readonly FieldNode[], from: number, d: number): void {
  if (d === 0) return;
  const stack: AnyNode[] = [];
  for (let k = fields.length - 1; k >= from; k--) stack.push(fields[k]!);
  while (stack.length) {
    const n = stack.pop()!;
    n.shift(d);
    switch (n.kind) {
      case 'field':
        if (n.value) stack.push(n.value as AnyNode);
        break;
      case 'message':
        for (const f of n.fields) stack.push(f as FieldNode);
        break;
      case 'list':
        for (const it of n.items) stack.push(it as AnyNode);
        break;
    }
  }
}

/** Whitespace as the lexer skips it. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12;
}
