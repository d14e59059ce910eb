/**
 * Small readers over the text-format AST (core/src/pbtxt/ast.ts): fields by name, scalar values,
 * option payloads. Pure functions; no policy.
 */
import type { PbField, PbMessage, PbScalar } from '../pbtxt/ast';
import type { Span } from '../types';

export function fieldsNamed(msg: PbMessage, name: string): PbField[] {
  return msg.fields.filter((f) => f.name === name && !f.bracketed);
}

/** The last occurrence of a singular field (protobuf keeps the last value). */
export function lastField(msg: PbMessage, name: string): PbField | undefined {
  let found: PbField | undefined;
  for (const f of msg.fields) if (f.name === name && !f.bracketed) found = f;
  return found;
}

/** Every scalar of a field: its value, or the items of a `[a, b]` list. */
export function scalarsOf(field: PbField): PbScalar[] {
  const v = field.value;
  if (!v) return [];
  if (v.kind === 'scalar') return [v];
  if (v.kind === 'list') return v.items.filter((i): i is PbScalar => i.kind === 'scalar');
  return [];
}

/** Every message of a field: its value, or the messages of a list. */
export function messagesOf(field: PbField): PbMessage[] {
  const v = field.value;
  if (!v) return [];
  if (v.kind === 'message') return [v];
  if (v.kind === 'list') return v.items.filter((i): i is PbMessage => i.kind === 'message');
  return [];
}

/** The first message of a field: its value, or the first message of a list (no array made). */
export function firstMessageOf(field: PbField): PbMessage | undefined {
  const v = field.value;
  if (v?.kind === 'message') return v;
  if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'message') return i;
  return undefined;
}

export interface StringAt {
  readonly value: string;
  readonly span: Span;
}

/**
 * A scalar as text with its span. A string or identifier scalar already is one (its `value` is a
 * string and its span is made on access), so it is returned as is: graphs hold tens of thousands
 * of names and no copy is made of them. Numbers get a small object with the number as text.
 */
export function stringAt(s: PbScalar): StringAt {
  return typeof s.value === 'string' ? (s as StringAt) : { value: String(s.value), span: s.span };
}

/** Every string-like scalar of the repeated field `name`, with its span. */
export function stringsOf(msg: PbMessage, name: string): StringAt[] {
  const out: StringAt[] = [];
  for (const f of msg.fields) {
    if (f.name !== name || f.bracketed) continue;
    for (const s of scalarsOf(f)) out.push(stringAt(s));
  }
  return out;
}

/** The value of a singular scalar field as text (last wins), with its span. */
export function stringOf(msg: PbMessage, name: string): StringAt | undefined {
  const f = lastField(msg, name);
  if (!f) return undefined;
  const s = scalarsOf(f);
  const last = s[s.length - 1];
  return last ? stringAt(last) : undefined;
}

export interface ScalarAt {
  scalar: PbScalar;
  field: PbField;
}

/** A singular scalar field (last wins) with its field, or undefined. */
export function scalarField(msg: PbMessage, name: string): ScalarAt | undefined {
  const f = lastField(msg, name);
  if (!f || !f.value || f.value.kind !== 'scalar') return undefined;
  return { scalar: f.value, field: f };
}

/** A number-valued scalar (numbers, or `inf`-like identifiers are not numbers). */
export function numberOf(s: PbScalar | undefined): number | undefined {
  if (!s || s.token !== 'number') return undefined;
  const n = typeof s.value === 'number' ? s.value : Number(s.value);
  if (Number.isNaN(n)) return undefined;
  return s.negative && n > 0 ? -n : n;
}

/** A boolean scalar as protobuf reads it: true/True/t/1, false/False/f/0. */
export function boolOf(s: PbScalar | undefined): boolean | undefined {
  if (!s) return undefined;
  const v = String(s.token === 'number' ? Number(s.value) : s.value);
  if (v === 'true' || v === 'True' || v === 't' || v === '1') return true;
  if (v === 'false' || v === 'False' || v === 'f' || v === '0') return false;
  return undefined;
}

/**
 * The message type named by a bracketed field: `type.googleapis.com / mediapipe.X` -> `mediapipe.X`,
 * `mediapipe.X.ext` -> `mediapipe.X` (the extension of an options message is conventionally `ext`).
 */
export function bracketedTypeName(field: PbField): string {
  const name = field.name.replace(/\s+/g, '');
  if (field.bracketed === 'any' || name.includes('/')) return name.slice(name.lastIndexOf('/') + 1);
  return name.endsWith('.ext') ? name.slice(0, -4) : name;
}
