import raw from '../generated/proto-descriptor.json';

/**
 * The schemas of schemas/proto as a compact descriptor, generated at build time by
 * scripts/gen/20-proto-descriptor.mjs (no .proto parsing at run time).
 */

export type ScalarType =
  | 'double' | 'float' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'sint32' | 'sint64'
  | 'fixed32' | 'fixed64' | 'sfixed32' | 'sfixed64' | 'bool' | 'string' | 'bytes';

export interface FieldDesc {
  name: string;
  number: number;
  type: ScalarType | 'message' | 'enum';
  label: 'optional' | 'required' | 'repeated';
  /** Full name of the message or enum type. */
  typeName?: string;
  default?: string | number | boolean;
  deprecated?: boolean;
  packed?: boolean;
  /** A proto3 singular scalar without presence: set only when it differs from its default. */
  implicit?: boolean;
  /** For extensions: the message they extend. */
  extendee?: string;
}

export interface MessageDesc {
  syntax: 'proto2' | 'proto3';
  /** Declares an extension range (`extensions 20000 to max`). */
  extendable: boolean;
  mapEntry?: boolean;
  fields: FieldDesc[];
}

export interface EnumDesc {
  values: Record<string, number>;
}

export interface Descriptor {
  messages: Record<string, MessageDesc>;
  enums: Record<string, EnumDesc>;
  extensions: Record<string, FieldDesc>;
}

export const descriptor = raw as unknown as Descriptor;

export const GRAPH_CONFIG = 'mediapipe.CalculatorGraphConfig';
export const ANY = 'google.protobuf.Any';

const byName = new Map<string, Map<string, FieldDesc>>();

/** A message's fields by name (one memoised map per message type). */
export function fieldMap(typeName: string): Map<string, FieldDesc> {
  let m = byName.get(typeName);
  if (!m) {
    m = new Map();
    for (const f of descriptor.messages[typeName]?.fields ?? []) m.set(f.name, f);
    byName.set(typeName, m);
  }
  return m;
}

/** A message's field by name. */
export function fieldByName(typeName: string, name: string): FieldDesc | undefined {
  return fieldMap(typeName).get(name);
}

/** Extensions of a message (e.g. every options type that extends mediapipe.CalculatorOptions). */
export function extensionsOf(typeName: string): string[] {
  return Object.entries(descriptor.extensions)
    .filter(([, f]) => f.extendee === typeName)
    .map(([n]) => n);
}
