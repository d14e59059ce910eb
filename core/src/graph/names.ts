/**
 * MediaPipe's naming rules for streams and side packets (reference mediapipe-graphs.md §3.1/§3.2,
 * `tool/validate_name.cc`): `name`, `TAG:name`, `TAG:index:name`, and `TAG:index` for tag_index.
 */
import { Interner } from '../text/intern';

export const NAME_RE = /^[a-z_][a-z0-9_]*$/;
export const TAG_RE = /^[A-Z_][A-Z0-9_]*$/;
export const INDEX_RE = /^(0|[1-9][0-9]*)$/;
/** kMaxCollectionItemId (`validate_name.h:31`). */
export const MAX_INDEX = 10000;

export interface TagIndexName {
  tag: string;
  index: number;
  name: string;
  /** The index was written (`TAG:1:x`), rather than implied. */
  explicitIndex: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ENTRY_EXAMPLES = '(examples: "TAG:name", "VIDEO:2:name_b", "longer_name")';
const TAG_INDEX_EXAMPLES = '(examples: "TAG", "VIDEO:2")';

/**
 * Parse one stream or side-packet entry as `ParseTagIndexName` does. An untagged entry gets
 * index -1 here: its real index is its position among the untagged entries of its list.
 */
export function parseTagIndexName(text: string): Parsed<TagIndexName> {
  const fast = scanTagIndexName(text);
  if (fast) return { ok: true, value: fast };
  const parts = text.split(':');
  const bad = (why: string): Parsed<TagIndexName> => ({ ok: false, error: `"${text}" is not a valid TAG:index:name entry: ${why} ${ENTRY_EXAMPLES}.` });
  if (parts.length > 3) return bad('it has more than two `:` separators');
  const name = parts[parts.length - 1]!;
  if (!NAME_RE.test(name)) {
    return bad(name === '' ? 'the name is empty' : `the name "${name}" must match [a-z_][a-z0-9_]* (lower case, digits, underscores)`);
  }
  if (parts.length === 1) return { ok: true, value: { tag: '', index: -1, name, explicitIndex: false } };
  const tag = parts[0]!;
  if (!TAG_RE.test(tag)) return bad(tag === '' ? 'the tag before `:` is empty' : `the tag "${tag}" must match [A-Z_][A-Z0-9_]* (upper case, digits, underscores)`);
  if (parts.length === 2) return { ok: true, value: { tag, index: 0, name, explicitIndex: false } };
  const idx = parts[1]!;
  if (!INDEX_RE.test(idx)) return bad(`the index "${idx}" must be 0 or a number without leading zeros`);
  const index = Number(idx);
  if (index > MAX_INDEX) return bad(`the index ${index} exceeds MediaPipe's maximum of ${MAX_INDEX}`);
  return { ok: true, value: { tag, index, name, explicitIndex: true } };
}

// Character classes of MediaPipe's names, for the scanner below.
const isLower = (c: number) => (c >= 97 && c <= 122) || c === 95; // a-z _
const isUpper = (c: number) => (c >= 65 && c <= 90) || c === 95; // A-Z _
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The common case of parseTagIndexName without splitting or regular expressions: a valid entry
 * is read in one scan; anything else returns undefined and the caller takes the slow path, which
 * explains the error. Graphs have tens of thousands of entries, so this is on the hot path.
 * `from` and `to` delimit the entry within `text` (the graph model scans entries in the source
 * text, without making a string of each).
 */
export function scanTagIndexName(text: string, from = 0, to = text.length): TagIndexName | undefined {
  return scanEntry(text, from, to) ? { tag: scanned.tag, index: scanned.index, name: scanned.name, explicitIndex: scanned.explicitIndex } : undefined;
}

/** What scanEntry read last (one object, reused: read it before the next scan). */
export const scanned: TagIndexName = { tag: '', index: 0, name: '', explicitIndex: false };

const accept = (tag: string, index: number, name: string, explicitIndex: boolean): true => {
  scanned.tag = tag;
  scanned.index = index;
  scanned.name = name;
  scanned.explicitIndex = explicitIndex;
  return true;
};

/** scanTagIndexName into `scanned`, without a result object (the graph model scans every entry). */
export function scanEntry(text: string, from = 0, to = text.length): boolean {
  const c1 = colonIn(text, from, to);
  if (c1 < 0) return validName(text, from, to) && accept('', -1, slice(text, from, to), false);
  if (c1 === from) return false;
  for (let i = from; i < c1; i++) {
    const c = text.charCodeAt(i);
    if (!(isUpper(c) || (i > from && isDigit(c)))) return false;
  }
  const c2 = colonIn(text, c1 + 1, to);
  if (c2 < 0) return validName(text, c1 + 1, to) && accept(tags.range(text, from, c1), 0, text.slice(c1 + 1, to), false);
  if (colonIn(text, c2 + 1, to) >= 0 || !validName(text, c2 + 1, to)) return false;
  let index = 0;
  const len = c2 - c1 - 1;
  if (len === 0 || len > 5 || (len > 1 && text.charCodeAt(c1 + 1) === 48)) return false;
  for (let i = c1 + 1; i < c2; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return false;
    index = index * 10 + (c - 48);
  }
  if (index > MAX_INDEX) return false;
  return accept(tags.range(text, from, c1), index, text.slice(c2 + 1, to), true);
}

/** The first `:` in text[from, to), or -1 (a bounded scan: `text` may be a whole file). */
function colonIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 58) return i;
  return -1;
}

/** `text` itself when the range is all of it (no copy), else the slice. */
const slice = (text: string, from: number, to: number): string => (from === 0 && to === text.length ? text : text.slice(from, to));

// Tags repeat on every node (OVTENSOR, LOOPBACK, HTTP_REQUEST_PAYLOAD, ...): one string each.
const tags = new Interner(4096);

function validName(text: string, from: number, to: number): boolean {
  if (from >= to || !isLower(text.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(isLower(c) || isDigit(c))) return false;
  }
  return true;
}

export interface TagIndex {
  tag: string;
  index: number;
}

/** Parse a `tag_index` (`""`, `"TAG"`, `":3"`, `"TAG:3"`) as `ParseTagIndex` does. */
export function parseTagIndex(text: string): Parsed<TagIndex> {
  const parts = text.split(':');
  const bad = (why: string): Parsed<TagIndex> => ({ ok: false, error: `"${text}" is not a valid TAG:index: ${why} ${TAG_INDEX_EXAMPLES}.` });
  if (parts.length > 2) return bad('it has more than one `:` separator');
  const tag = parts[0]!;
  if (tag !== '' && !TAG_RE.test(tag)) return bad(`the tag "${tag}" must match [A-Z_][A-Z0-9_]*`);
  if (parts.length === 1) return { ok: true, value: { tag, index: 0 } };
  const idx = parts[1]!;
  if (!INDEX_RE.test(idx)) return bad(`the index "${idx}" must be 0 or a number without leading zeros`);
  const index = Number(idx);
  if (index > MAX_INDEX) return bad(`the index ${index} exceeds MediaPipe's maximum of ${MAX_INDEX}`);
  return { ok: true, value: { tag, index } };
}

/** `TAG:index` as MediaPipe prints it. */
export function tagIndexText(tag: string, index: number): string {
  return `${tag}:${index}`;
}
