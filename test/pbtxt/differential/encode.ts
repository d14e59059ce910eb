/**
 * Encode an ovms-lint text-format tree to protobuf binary with protobufjs, for the byte-for-byte
 * comparison with `protoc --encode`. The schema is loaded by protobufjs from schemas/proto (an
 * implementation independent of the build-time descriptor), with two adjustments so that the
 * tree's content is encoded exactly: string fields become `bytes` (same wire format; escapes can
 * produce bytes that are not UTF-8) and map fields become repeated entry messages (protoc keeps
 * the entries in text order, duplicates included).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import protobuf from 'protobufjs';
import type { PbMessage, PbScalar, PbValue } from '../../../core/src/pbtxt/ast';
import { integerValue } from '../../../core/src/pbtxt/parser';
import { descriptor, fieldByName, type FieldDesc } from '../../../core/src/proto/descriptor';

const utf8 = new TextEncoder();

function protoFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...protoFiles(p));
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

export function loadRoot(protoDir: string): protobuf.Root {
  const root = new protobuf.Root();
  for (const f of protoFiles(protoDir)) protobuf.parse(fs.readFileSync(f, 'utf8'), root, { keepCase: true });
  root.resolveAll();
  const types: protobuf.Type[] = [];
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const o of ns.nestedArray) {
      if (o instanceof protobuf.Type) types.push(o);
      if (o instanceof protobuf.Namespace || o instanceof protobuf.Type) walk(o as protobuf.NamespaceBase);
    }
  };
  walk(root);
  for (const t of types) {
    for (const f of [...t.fieldsArray]) {
      if (f instanceof protobuf.MapField) {
        const entryName = f.name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + 'Entry';
        const entry = new protobuf.Type(entryName);
        const str = (x: string) => (x === 'string' ? 'bytes' : x);
        entry.add(new protobuf.Field('key', 1, str(f.keyType)));
        entry.add(new protobuf.Field('value', 2, str(f.type)));
        t.add(entry);
        t.remove(f);
        t.add(new protobuf.Field(f.name, f.id, entryName, 'repeated'));
      } else if (f.type === 'string') {
        f.type = 'bytes';
      }
      // protobufjs always writes required fields; protoc --encode writes only what the text sets
      if (f.required) {
        t.remove(f);
        t.add(new protobuf.Field(f.name, f.id, f.type, 'optional', undefined, f.options));
      }
    }
  }
  root.resolveAll();
  return root;
}

function bytesOf(v: PbScalar): Uint8Array {
  return v.bytes ?? utf8.encode(String(v.value));
}

function int64(v: PbScalar): number | { low: number; high: number } {
  const mag = typeof v.value === 'number' && Number.isSafeInteger(v.value) ? BigInt(v.value) : integerValue(v.raw)!;
  let n = v.negative ? -mag : mag;
  if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(n);
  n = BigInt.asUintN(64, n);
  return { low: Number(n & 0xffffffffn) | 0, high: Number(n >> 32n) | 0 };
}

function scalarValue(v: PbScalar, f: FieldDesc): unknown {
  switch (f.type) {
    case 'string':
    case 'bytes':
      return bytesOf(v);
    case 'bool':
      return v.token === 'number' ? v.value === 1 : v.raw === 'true' || v.raw === 'True' || v.raw === 't';
    case 'float':
    case 'double': {
      let x: number;
      if (v.token === 'identifier') x = v.raw.toLowerCase() === 'nan' ? NaN : Infinity;
      else if (v.numberKind === 'integer') {
        const big = integerValue(v.raw);
        x = big !== undefined && big < 1n << 64n ? Number(big) : parseFloat(v.raw);
      } else x = parseFloat(v.raw);
      return v.negative ? -x : x;
    }
    case 'enum': {
      if (v.token === 'identifier') return descriptor.enums[f.typeName!]!.values[v.raw];
      return (v.negative ? -1 : 1) * Number(v.value);
    }
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return int64(v);
    default:
      return (v.negative ? -1 : 1) * Number(v.value);
  }
}

function isDefault(value: unknown, f: FieldDesc): boolean {
  if (value instanceof Uint8Array) return value.length === 0;
  if (typeof value === 'number') return f.type === 'float' || f.type === 'double' ? Object.is(value, 0) : value === 0;
  return value === false;
}

/** The protobufjs message object for a type-checked message value. */
export function build(root: protobuf.Root, msg: PbMessage, typeName: string): protobuf.Message {
  const type = root.lookupType(typeName);
  const obj: Record<string, unknown> = {};
  for (const f of msg.fields) {
    if (f.bracketed === 'any') {
      const slash = f.name.indexOf('/');
      const payloadType = f.name.slice(slash + 1);
      const payload = build(root, f.value as PbMessage, payloadType);
      obj.type_url = utf8.encode(f.name);
      const value = root.lookupType(payloadType).encode(payload).finish();
      if (value.length) obj.value = value; // proto3 bytes: an empty value is not written
      continue;
    }
    let fd: FieldDesc;
    let key: string;
    if (f.bracketed === 'extension') {
      fd = descriptor.extensions[f.name]!;
      key = `.${f.name}`;
    } else {
      fd = fieldByName(typeName, f.name)!;
      key = f.name;
    }
    const values: PbValue[] = f.value!.kind === 'list' ? f.value!.items : [f.value!];
    const converted = values.map((v) => (fd.type === 'message' ? build(root, v as PbMessage, fd.typeName!) : scalarValue(v as PbScalar, fd)));
    if (fd.label === 'repeated') {
      ((obj[key] ??= []) as unknown[]).push(...converted);
    } else {
      const value = converted[0];
      if (fd.implicit && isDefault(value, fd)) delete obj[key];
      else obj[key] = value;
    }
  }
  if (descriptor.messages[typeName]?.mapEntry) {
    // protobuf writes both key and value of a map entry, set or not
    for (const fd of descriptor.messages[typeName]!.fields) {
      if (obj[fd.name] !== undefined) continue;
      obj[fd.name] = fd.type === 'string' || fd.type === 'bytes' ? new Uint8Array(0) : fd.type === 'message' ? root.lookupType(fd.typeName!).create({}) : fd.type === 'bool' ? false : 0;
    }
  }
  return type.create(obj);
}

export function encode(root: protobuf.Root, msg: PbMessage, typeName: string): Uint8Array {
  return root.lookupType(typeName).encode(build(root, msg, typeName)).finish();
}
