import docsJson from '../generated/proto-docs.json';
import { descriptor, fieldByName, type FieldDesc } from '../proto/descriptor';
import { REASONING_PARSERS, TOOL_PARSERS } from '../rules/llm/llm009-parsers';
import { INPUT_HANDLERS, OUTPUT_HANDLERS } from '../rules/mp/mp012-unknown-stream-handler';

/**
 * What the editor says about graph fields, read from the proto descriptor (types, labels,
 * defaults, enum values) and the comments of the .proto files (schemas/proto/**, carried into
 * core/src/generated/proto-docs.json by scripts/gen/20-proto-descriptor.mjs). Only this module
 * (and so only the language server) loads the comments.
 */

interface ProtoDocs {
  messages: Record<string, { doc?: string; fields: Record<string, string> }>;
  enums: Record<string, { doc?: string; values: Record<string, string> }>;
}
const docs = docsJson as ProtoDocs;

/**
 * String fields whose values OVMS or MediaPipe check against a list (the descriptor says only
 * `string`); the lists are the rules' own.
 */
const STRING_VALUES: Record<string, readonly string[]> = {
  'mediapipe.LLMCalculatorOptions.tool_parser': TOOL_PARSERS,
  'mediapipe.LLMCalculatorOptions.reasoning_parser': REASONING_PARSERS,
  'mediapipe.InputStreamHandlerConfig.input_stream_handler': INPUT_HANDLERS,
  'mediapipe.OutputStreamHandlerConfig.output_stream_handler': OUTPUT_HANDLERS,
};

/** A field of a message, as hover and completion present it. */
export interface FieldInfo {
  name: string;
  /** `string`, `uint64`, `Node`, `enum PipelineType`, `map<string, string>`. */
  type: string;
  /** Full name of the message type of a message field (also of a map's entry). */
  message?: string;
  repeated: boolean;
  required: boolean;
  default?: string;
  /** Enum values, or the values OVMS accepts for a string field. */
  values?: readonly string[];
  /** Whether `values` are enum names (written bare) rather than strings (written quoted). */
  enumValues: boolean;
  doc?: string;
}

const short = (full: string) => full.slice(full.lastIndexOf('.') + 1);

function info(type: string, f: FieldDesc): FieldInfo {
  const entry = f.type === 'message' ? descriptor.messages[f.typeName!] : undefined;
  const isMap = Boolean(entry?.mapEntry);
  const enumDesc = f.type === 'enum' ? descriptor.enums[f.typeName!] : undefined;
  const values = enumDesc ? Object.keys(enumDesc.values) : STRING_VALUES[`${type}.${f.name}`];
  const doc = docs.messages[type]?.fields[f.name];
  let label: string = f.type;
  if (isMap) label = `map<${entry!.fields.map((x) => (x.typeName ? short(x.typeName) : x.type)).join(', ')}>`;
  else if (f.type === 'message') label = short(f.typeName!);
  else if (f.type === 'enum') label = `enum ${short(f.typeName!)}`;
  return {
    name: f.name,
    type: label,
    ...(f.type === 'message' ? { message: f.typeName! } : {}),
    repeated: f.label === 'repeated' && !isMap,
    required: f.label === 'required',
    ...(f.default !== undefined ? { default: typeof f.default === 'string' && f.type === 'string' ? JSON.stringify(f.default) : String(f.default) } : {}),
    ...(values ? { values } : {}),
    enumValues: Boolean(enumDesc),
    ...(doc ? { doc } : {}),
  };
}

/** The field `name` of message `type`, undefined when the schema has none. */
export function fieldInfo(type: string, name: string): FieldInfo | undefined {
  const f = fieldByName(type, name);
  return f ? info(type, f) : undefined;
}

/** Every field of message `type`, in field-number order. */
export function fieldsOf(type: string): FieldInfo[] {
  return (descriptor.messages[type]?.fields ?? []).map((f) => info(type, f));
}

export function isMessage(type: string): boolean {
  return descriptor.messages[type] !== undefined;
}

export function messageDoc(type: string): string | undefined {
  return docs.messages[type]?.doc;
}

/** The documentation of an enum value, by the enum's full name. */
export function enumValueDoc(enumType: string, value: string): string | undefined {
  return docs.enums[enumType]?.values[value];
}

/** The full name of a field's enum type. */
export function enumTypeOf(type: string, name: string): string | undefined {
  const f = fieldByName(type, name);
  return f?.type === 'enum' ? f.typeName : undefined;
}
