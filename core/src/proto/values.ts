import type { PbScalar } from '../pbtxt/ast';
import { isEmptyString } from '../pbtxt/nodes';
import { integerValue } from '../pbtxt/parser';
import { descriptor, type FieldDesc } from './descriptor';

/**
 * Scalar values against a field type, as protobuf's `ConsumeFieldValue` accepts them (reference
 * mediapipe-graphs.md §1.4). Returns an error message, or undefined when the value is accepted;
 * the message follows protobuf's wording, then says what the field expects.
 */

const RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  sint32: [-(1n << 31n), (1n << 31n) - 1n],
  sfixed32: [-(1n << 31n), (1n << 31n) - 1n],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  sint64: [-(1n << 63n), (1n << 63n) - 1n],
  sfixed64: [-(1n << 63n), (1n << 63n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
  fixed32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  fixed64: [0n, (1n << 64n) - 1n],
  bool: [0n, 1n],
};

const BOOL_TRUE = new Set(['true', 'True', 't']);
const BOOL_FALSE = new Set(['false', 'False', 'f']);

/**
 * An identifier scalar's text. Its value is the identifier (one string per distinct identifier
 * in a parse); `raw` would slice the text again on every read.
 */
function identifierOf(v: PbScalar): string {
  return typeof v.value === 'string' ? v.value : v.raw;
}

/** ` (one of A, B, C)` for messages about an enum field; only built when there is a message. */
function allowedValues(e: { values: Record<string, number> } | undefined): string {
  const names = e ? Object.keys(e.values) : [];
  return names.length ? ` (one of ${names.join(', ')})` : '';
}

/** The text protobuf shows for the token where a scalar starts (`-` when there is a sign). */
function firstToken(v: PbScalar): string {
  return v.negative ? '-' : v.token === 'string' ? literalText(v) : v.raw;
}

function literalText(v: PbScalar): string {
  const r = v.raw;
  const q = r[0]!;
  const end = r.indexOf(q, 1);
  return end > 0 ? r.slice(0, end + 1) : r;
}

/** Is this integer token within the range of the type? (`value` is the magnitude.) */
function inRange(v: PbScalar, type: string): boolean {
  const n = v.value;
  if (typeof n === 'number' && Number.isSafeInteger(n)) {
    // fast path without BigInt: every safe integer fits a 64-bit type
    const x = v.negative ? -n : n;
    switch (type) {
      case 'bool':
        return x === 0 || x === 1;
      case 'int32':
      case 'sint32':
      case 'sfixed32':
        return x >= -2147483648 && x <= 2147483647;
      case 'uint32':
      case 'fixed32':
        return x >= 0 && x <= 4294967295;
      case 'uint64':
      case 'fixed64':
        return x >= 0;
      default:
        return true;
    }
  }
  const [lo, hi] = RANGES[type]!;
  const mag = typeof v.value === 'number' && Number.isSafeInteger(v.value) ? BigInt(v.value) : integerValue(v.raw);
  if (mag === undefined) return false;
  const val = v.negative ? -mag : mag;
  return val >= lo && val <= hi;
}

function isDecimal(raw: string): boolean {
  return !(raw.length > 1 && raw.charCodeAt(0) === 48 && raw.charCodeAt(1) !== 46 && raw.charCodeAt(1) !== 101 && raw.charCodeAt(1) !== 69);
}

export function checkScalar(v: PbScalar, f: FieldDesc): string | undefined {
  const t = f.type;
  switch (t) {
    case 'string':
    case 'bytes':
      return v.token === 'string' ? undefined : `Expected string, got: ${firstToken(v)} — field "${f.name}" is a ${t}; quote the value.`;
    case 'bool':
      if (v.token === 'number' && v.numberKind === 'integer' && !v.negative) {
        return inRange(v, 'bool') ? undefined : `Integer out of range (${v.raw}) — field "${f.name}" is a bool: use true or false.`;
      }
      if (v.token === 'identifier' && !v.negative) {
        const id = identifierOf(v);
        if (BOOL_TRUE.has(id) || BOOL_FALSE.has(id)) return undefined;
        return `Invalid value for boolean field "${f.name}". Value: "${v.raw}". Use true or false.`;
      }
      return `Expected identifier, got: ${firstToken(v)} — field "${f.name}" is a bool: use true or false.`;
    case 'float':
    case 'double':
      if (v.token === 'number') {
        if (v.numberKind === 'integer' && !isDecimal(v.raw)) return `Expect a decimal number, got: ${v.raw} — field "${f.name}" is a ${t}.`;
        return undefined;
      }
      if (v.token === 'identifier') {
        const l = v.raw.toLowerCase();
        if (l === 'inf' || l === 'infinity' || l === 'nan') return undefined;
        return `Expected double, got: ${l} — field "${f.name}" is a ${t}.`;
      }
      return `Expected double, got: ${firstToken(v)} — field "${f.name}" is a ${t}.`;
    case 'enum': {
      const e = descriptor.enums[f.typeName!];
      if (v.token === 'identifier' && !v.negative) {
        if (e && Object.prototype.hasOwnProperty.call(e.values, identifierOf(v))) return undefined;
        return `Unknown enumeration value of "${v.raw}" for field "${f.name}"${allowedValues(e)}.`;
      }
      if (v.token === 'number' && v.numberKind === 'integer') {
        if (!inRange(v, 'int32')) return `Integer out of range (${v.raw}) for enum field "${f.name}".`;
        const n = Number(v.value) * (v.negative ? -1 : 1);
        if (e && Object.values(e.values).includes(n)) return undefined;
        return `Unknown enumeration value of "${v.negative ? '-' : ''}${v.raw}" for field "${f.name}"${allowedValues(e)}.`;
      }
      if (v.negative) return `Expected integer, got: ${v.raw} — field "${f.name}" is an enum${allowedValues(e)}.`;
      return `Expected integer or identifier, got: ${firstToken(v)} — field "${f.name}" is an enum${allowedValues(e)}.`;
    }
    case 'message':
      return `Expected "{", found "${firstToken(v)}" — field "${f.name}" is a message (${f.typeName}).`;
    default: {
      // integers
      const unsigned = t.startsWith('uint') || t.startsWith('fixed');
      if (v.negative && unsigned) return `Expected integer, got: - — field "${f.name}" is a ${t} and cannot be negative.`;
      if (v.token !== 'number' || v.numberKind !== 'integer') return `Expected integer, got: ${v.negative ? v.raw : firstToken(v)} — field "${f.name}" is a ${t}.`;
      if (!inRange(v, t)) return `Integer out of range (${v.raw}) — field "${f.name}" is a ${t}.`;
      return undefined;
    }
  }
}

/** A message value given to a scalar field. */
export function messageForScalar(f: FieldDesc): string {
  const what = f.type === 'enum' ? 'an enum' : `a ${f.type}`;
  return `Field "${f.name}" is ${what}, not a message: write "${f.name}: value".`;
}

/** Whether a scalar equals the proto3 default (0, "", false, first enum value). */
export function isDefaultValue(v: PbScalar, f: FieldDesc): boolean {
  switch (f.type) {
    case 'string':
    case 'bytes':
      return v.bytes ? v.bytes.length === 0 : isEmptyString(v);
    case 'bool':
      return v.token === 'number' ? v.value === 0 : BOOL_FALSE.has(identifierOf(v));
    case 'enum': {
      if (v.token === 'number') return v.value === 0;
      return descriptor.enums[f.typeName!]?.values[identifierOf(v)] === 0;
    }
    case 'float':
    case 'double':
      // protobuf 3.21 compares the bits: -0.0 counts as set
      return v.token === 'number' && v.value === 0 && !v.negative;
    default:
      return v.token === 'number' && v.value === 0;
  }
}
