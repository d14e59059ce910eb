/**
 * Turns one schema violation (an ajv error on the generated OVMS validator) into a finding in
 * OVMS terms: which rule, which node (key node for unknown keys, value node for type and bound
 * errors, the object for required / oneOf), and a message that says what to do. Never a raw
 * ajv message.
 */
import type { SchemaError } from '../../generated/ovms-config-validator';
import type { JsonNode } from '../../documents';
import type { Fix } from '../../types';
import { didYouMeanSuffix } from '../../text/suggest';
import { type JsonIndex, escapePointerSegment, pointerSegments } from './json-index';
import {
  CLI_ONLY_MODEL_KEYS,
  MEDIAPIPE_CONFIG_KEYS,
  MODEL_CONFIG_KEYS,
  MODEL_ONLY_KEYS,
  NODE_KEYS,
  PIPELINE_KEYS,
  REMOVED_STATEFUL_KEYS,
  TOP_LEVEL_KEYS,
} from './keys';
import { POLICY_FORMS, describeValue, diagnoseLayoutShape, diagnoseNodeKind, diagnosePolicy } from './schema-shapes';

export type SchemaRuleId =
  | 'OVMS-CFG-002'
  | 'OVMS-CFG-003'
  | 'OVMS-CFG-004'
  | 'OVMS-CFG-005'
  | 'OVMS-CFG-006'
  | 'OVMS-CFG-014'
  | 'OVMS-CFG-015';

export interface Explained {
  ruleId: SchemaRuleId;
  node: JsonNode;
  /** JSON Pointer of the finding (the key's member pointer for unknown keys). */
  pointer: string;
  message: string;
  fixes?: Fix[];
}

export const REJECTED = 'OVMS rejects the whole config.json (schema validation) and does not start';

/** Which rule owns a violation at `segs` (instance path segments). */
export function routeRule(segs: string[]): SchemaRuleId {
  const [top, , second, third] = segs;
  switch (top) {
    case undefined:
      return 'OVMS-CFG-002';
    case 'model_config_list':
      if (segs.length === 1) return 'OVMS-CFG-002';
      if (second !== 'config' || segs.length === 3) return 'OVMS-CFG-003';
      if (third === 'plugin_config') return 'OVMS-CFG-004';
      if (third === 'model_version_policy') return 'OVMS-CFG-005';
      return 'OVMS-CFG-006';
    case 'mediapipe_config_list':
      if (segs.length === 1) return 'OVMS-CFG-002';
      return segs.length === 2 ? 'OVMS-CFG-003' : 'OVMS-CFG-006';
    case 'pipeline_config_list':
    case 'custom_node_library_config_list':
      return 'OVMS-CFG-014';
    case 'monitoring':
      return 'OVMS-CFG-015';
    default:
      return 'OVMS-CFG-002';
  }
}

export function valueAt(root: unknown, segs: string[]): unknown {
  let v = root;
  for (const s of segs) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return v;
}

/** "model `resnet`", "pipeline `p`", "node `n` of pipeline `p`" … for the entity holding `segs`. */
export function whose(root: unknown, segs: string[]): string {
  const nameOf = (path: string[], fallback: string) => {
    const n = valueAt(root, [...path, 'name']);
    return typeof n === 'string' ? `\`${n}\`` : fallback;
  };
  const [top, i, sub, j] = segs;
  if (i === undefined) return '';
  switch (top) {
    case 'model_config_list':
      return ` of model ${nameOf([top, i, 'config'], `#${i}`)}`;
    case 'mediapipe_config_list':
      return ` of graph ${nameOf([top, i], `#${i}`)}`;
    case 'pipeline_config_list':
      if (sub === 'nodes' && j !== undefined) return ` of node ${nameOf([top, i, sub, j], `#${j}`)} in pipeline ${nameOf([top, i], `#${i}`)}`;
      return ` of pipeline ${nameOf([top, i], `#${i}`)}`;
    case 'custom_node_library_config_list':
      return ` of custom node library ${nameOf([top, i], `#${i}`)}`;
    case 'custom_loader_config_list':
      return ` of custom loader #${i}`;
    default:
      return '';
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

/** Field-specific advice appended to type / bound errors. */
const FIELD_HINTS: Record<string, string> = {
  nireq: 'Use a whole number ≥ 0 (0 lets OpenVINO choose the number of infer requests).',
  batch_size: 'Use a whole number ≥ 0, or a string such as "-1" (dynamic) or "1:8" (a range); "auto" is deprecated.',
  allow_cache: 'Write true or false without quotes.',
  enable: 'Write true or false without quotes.',
  demultiply_count: 'Use -1 (dynamic) or a whole number up to 10000.',
  version: 'Use a model version number ≥ 1.',
  target_device: 'Write the device as a string, e.g. "CPU", "GPU.1" or "HETERO:GPU,CPU".',
};

export interface ExplainEnv {
  index: JsonIndex;
  text: string;
}

function node(env: ExplainEnv, pointer: string): JsonNode | undefined {
  return env.index.nodes.get(pointer)?.node;
}

/** Explain one error, or undefined when it is noise another error already explains. */
export function explainError(err: SchemaError, env: ExplainEnv): Explained[] {
  const ptr = err.instancePath;
  const segs = pointerSegments(ptr);
  const ruleId = routeRule(segs);
  const root = env.index.value;
  const value = valueAt(root, segs);
  const target = node(env, ptr);
  if (!target) return [];
  const last = segs[segs.length - 1] ?? '';
  const field = /^\d+$/.test(last) ? segs[segs.length - 2] ?? '' : last;
  const of = whose(root, segs);
  const out = (message: string, n: JsonNode = target, pointer = ptr, fixes?: Fix[]): Explained[] => [
    { ruleId, node: n, pointer, message, ...(fixes ? { fixes } : {}) },
  ];

  switch (err.keyword) {
    case 'additionalProperties': {
      const k = String(err.params.additionalProperty);
      const keyPtr = `${ptr}/${escapePointerSegment(k)}`;
      const keyNode = env.index.nodes.get(keyPtr)?.keyNode ?? target;
      return out(unknownKeyMessage(segs, k, of), keyNode, keyPtr);
    }
    case 'required': {
      const k = String(err.params.missingProperty);
      return out(missingKeyMessage(segs, k, of, value));
    }
    case 'maxProperties': {
      if (segs[0] === 'model_config_list' && segs.length === 2 || segs[0] === 'custom_loader_config_list' && segs.length === 2) {
        const keys = Object.keys((value ?? {}) as object).filter((k) => k !== 'config');
        return keys.map((k) => {
          const keyPtr = `${ptr}/${escapePointerSegment(k)}`;
          const kn = env.index.nodes.get(keyPtr)?.keyNode ?? target;
          const move = (MODEL_CONFIG_KEYS as readonly string[]).includes(k) ? ` Move \`${k}\` inside "config".` : ' Remove it.';
          return { ruleId, node: kn, pointer: keyPtr, message: `\`${k}\` sits next to "config" in a ${segs[0]} entry, which may hold only "config" (the schema allows exactly one member); ${REJECTED}.${move}` };
        });
      }
      if (segs[0] === 'monitoring' && segs.length === 1) return []; // additionalProperties says which key
      const n = Object.keys((value ?? {}) as object).length;
      return out(`This input/output mapping${of} holds ${n} entries in one object; each element must be exactly one {"<name>": {"node_name": ..., "data_item": ...}}. Split it into one object per mapping; ${REJECTED}.`);
    }
    case 'minProperties':
      if (field === 'custom_loader_options') return out(`\`custom_loader_options\`${of} is empty; it needs at least \`loader_name\`. ${REJECTED}.`);
      return out(`This input/output mapping${of} is empty; each element must be exactly one {"<name>": {"node_name": ..., "data_item": ...}}. ${REJECTED}.`);
    case 'type':
      return typeError(err, env, segs, field, of, value, out);
    case 'minimum':
    case 'maximum': {
      const lim = err.params.limit as number;
      const hint = FIELD_HINTS[field] ?? '';
      if (field === 'batch_size' && typeof value === 'number' && value < 0) {
        return out(`\`batch_size\`${of} must be ≥ 0, found ${value}; ${REJECTED}. For a dynamic batch dimension write the string "-1" (or better, a dynamic shape).`);
      }
      const what = field === 'num_versions' || (segs.includes('versions') && segs[segs.length - 2] === 'versions') ? 'versions' : field;
      return out(`\`${what}\`${of} must be ${err.keyword === 'minimum' ? '≥' : '≤'} ${lim}, found ${describeValue(value)}; ${REJECTED}. ${hint}`.trimEnd());
    }
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).map((x) => JSON.stringify(x));
      const dym = typeof value === 'string' ? didYouMeanSuffix(value, (err.params.allowedValues as unknown[]).map(String), '"') : '';
      return out(`\`${field}\`${of} must be exactly ${allowed.join(' or ')} (case and spaces matter), found ${describeValue(value)}.${dym} ${REJECTED}.`);
    }
    case 'oneOf':
    case 'anyOf':
      return oneOfError(segs, field, of, value, out);
    default:
      return out(`This value${of} does not match OVMS's config.json schema (${err.keyword}); ${REJECTED}.`);
  }
}

function typeError(
  err: SchemaError,
  env: ExplainEnv,
  segs: string[],
  field: string,
  of: string,
  value: unknown,
  out: (m: string, n?: JsonNode, p?: string, f?: Fix[]) => Explained[],
): Explained[] {
  const ptr = err.instancePath;
  const expected = err.params.type;
  const wantsInt = expected === 'integer' || (Array.isArray(expected) && expected.includes('integer'));
  const n = env.index.nodes.get(ptr)?.node;
  if (wantsInt && env.index.wholeDoubles.has(ptr) && n) {
    const raw = env.text.slice(n.offset, n.offset + n.length);
    const whole = String(Number(raw));
    const fixes: Fix[] = /^-?\d+$/.test(whole)
      ? [{ title: `Write ${whole}`, safe: true, edits: [{ span: { start: n.offset, end: n.offset + n.length }, newText: whole }] }]
      : [];
    return out(`\`${field}\`${of} must be an integer, but \`${raw}\` is written with a fraction or exponent, which OVMS's JSON parser reads as a floating-point number; ${REJECTED}. Write ${whole}.`, n, ptr, fixes.length ? fixes : undefined);
  }
  if (segs.length === 0) return out(`config.json must hold one JSON object with "model_config_list", found ${describeValue(value)}; ${REJECTED}.`);
  const fixes: Fix[] = [];
  if ((field === 'allow_cache' || field === 'enable') && (value === 'true' || value === 'false') && n) {
    fixes.push({ title: `Write ${value} without quotes`, safe: true, edits: [{ span: { start: n.offset, end: n.offset + n.length }, newText: String(value) }] });
  }
  if (wantsInt && typeof value === 'string' && /^\d+$/.test(value) && n && expected === 'integer') {
    fixes.push({ title: `Write ${value} without quotes`, safe: true, edits: [{ span: { start: n.offset, end: n.offset + n.length }, newText: value }] });
  }
  const hint = FIELD_HINTS[field] ? ` ${FIELD_HINTS[field]}` : '';
  const subject = /^\d+$/.test(segs[segs.length - 1]!) ? `Each element of \`${field}\`` : `\`${field}\``;
  return out(`${subject}${of} must be ${typeWords(expected)}, found ${describeValue(value)}; ${REJECTED}.${hint}`, n, ptr, fixes.length ? fixes : undefined);
}

function oneOfError(
  segs: string[],
  field: string,
  of: string,
  value: unknown,
  out: (m: string, n?: JsonNode, p?: string, f?: Fix[]) => Explained[],
): Explained[] {
  if (field === 'model_version_policy') return out(`model_version_policy${of}: ${diagnosePolicy(value)} Allowed forms: ${POLICY_FORMS}. ${REJECTED}.`);
  if (field === 'shape' || field === 'layout') return out(`${diagnoseLayoutShape(field, value, of)} ${REJECTED}.`);
  if (segs[0] === 'model_config_list' && segs[3] === 'plugin_config') {
    const key = segs[4] ?? '';
    if (key === 'DEVICE_PROPERTIES' && value && typeof value === 'object') {
      return out(`Nested \`DEVICE_PROPERTIES\`${of} is rejected in config.json: the schema allows only string, boolean or number values in plugin_config, although OVMS's parser understands it (it works only with --plugin_config on the command line, in a graph's subconfig.json or in graph.pbtxt). ${REJECTED}. Put the properties directly into plugin_config, or move this model into a subconfig.json.`);
    }
    return out(`plugin_config value \`${key}\`${of} must be a string, boolean or number, found ${describeValue(value)}; ${REJECTED}. Write it as a string (OpenVINO parses property values from text).`);
  }
  const kind = diagnoseNodeKind(value);
  if (kind) return out(`${kind} ${REJECTED}.`);
  // a node whose `type` is missing or not an allowed value: the enum / required error says it
  if (segs[0] === 'pipeline_config_list' && segs[2] === 'nodes') return [];
  return out(`This value${of} matches none of the forms OVMS's schema allows here; ${REJECTED}.`);
}

function unknownKeyMessage(segs: string[], k: string, of: string): string {
  const top = segs[0];
  if (segs.length === 0) {
    if ((MODEL_CONFIG_KEYS as readonly string[]).includes(k)) {
      return `\`${k}\` is a model option, not a top-level key: put it inside a model's "config" object in model_config_list; ${REJECTED}.`;
    }
    return `Unknown top-level key \`${k}\`: config.json may contain only ${TOP_LEVEL_KEYS.join(', ')}; ${REJECTED}.${didYouMeanSuffix(k, TOP_LEVEL_KEYS)} Remove or rename it.`;
  }
  if (top === 'model_config_list') {
    if ((CLI_ONLY_MODEL_KEYS as readonly string[]).includes(k)) {
      return `\`${k}\`${of} is a command-line-only option (--${k}): OVMS 2026.3's config.json schema does not accept it, although docs/parameters.md lists it, so ${REJECTED.replace('OVMS rejects', 'OVMS would reject')}. Remove it; put the preprocessing into the model (e.g. at conversion with ovc) or serve this model with --model_path and --${k}.`;
    }
    if ((REMOVED_STATEFUL_KEYS as readonly string[]).includes(k)) {
      return `\`${k}\`${of} is a stateful-model option; stateful models were removed in OVMS 2026.3 and its schema rejects the key, so ${REJECTED.replace('OVMS rejects', 'OVMS would reject')}. Remove it (or stay on OVMS 2026.2 or older for stateful models).`;
    }
    if (k === 'version') {
      return `\`version\`${of} is not a config.json key (the schema rejects it although the C++ parser reads it); ${REJECTED}. To serve particular versions use "model_version_policy": {"specific": {"versions": [N]}}.`;
    }
    return `Unknown model config key \`${k}\`${of}; ${REJECTED}.${didYouMeanSuffix(k, MODEL_CONFIG_KEYS)} Allowed keys: ${MODEL_CONFIG_KEYS.join(', ')}.`;
  }
  if (top === 'mediapipe_config_list') {
    if ((MODEL_ONLY_KEYS as readonly string[]).includes(k)) {
      return `\`${k}\`${of} is a model option; mediapipe_config_list entries take only ${MEDIAPIPE_CONFIG_KEYS.join(', ')}; ${REJECTED}. Set model options in the graph's subconfig.json or in graph.pbtxt.`;
    }
    return `Unknown key \`${k}\`${of}: mediapipe_config_list entries take only ${MEDIAPIPE_CONFIG_KEYS.join(', ')}; ${REJECTED}.${didYouMeanSuffix(k, MEDIAPIPE_CONFIG_KEYS)}`;
  }
  if (top === 'pipeline_config_list') {
    const allowed = segs.length >= 4 && segs[2] === 'nodes' ? (segs.length === 4 ? NODE_KEYS : ['data_item', 'alias']) : segs.length === 2 ? PIPELINE_KEYS : ['node_name', 'data_item'];
    return `Unknown key \`${k}\`${of}; allowed here: ${allowed.join(', ')}. ${REJECTED}.${didYouMeanSuffix(k, allowed)}`;
  }
  if (top === 'custom_node_library_config_list') {
    return `Unknown key \`${k}\`${of}: a custom node library entry takes only name and base_path (the path of the .so file); ${REJECTED}.${didYouMeanSuffix(k, ['name', 'base_path'])}`;
  }
  if (top === 'monitoring') {
    if (k === 'endpoint_path') {
      return `\`endpoint_path\` is read by OVMS's C++ code but rejected by its config.json schema; ${REJECTED}. Remove it: metrics are always served at /metrics.`;
    }
    const allowed = segs.length === 1 ? ['metrics'] : ['enable', 'metrics_list'];
    return `Unknown key \`${k}\` in monitoring${segs.length > 1 ? '.metrics' : ''}: allowed here: ${allowed.join(', ')}. ${REJECTED}.${didYouMeanSuffix(k, allowed)}`;
  }
  if (top === 'custom_loader_config_list') {
    return `Unknown key \`${k}\`${of}: a custom loader config takes only loader_name, library_path and loader_config_file; ${REJECTED}.${didYouMeanSuffix(k, ['loader_name', 'library_path', 'loader_config_file'])}`;
  }
  return `Unknown key \`${k}\`; ${REJECTED}.`;
}

function missingKeyMessage(segs: string[], k: string, of: string, value: unknown): string {
  if (segs.length === 0) {
    return `config.json has no "model_config_list": OVMS requires it (an empty list [] is fine when only graphs or pipelines are served); ${REJECTED}. Add "model_config_list": [].`;
  }
  if (k === 'config') {
    const flat = value && typeof value === 'object' && 'name' in value;
    return `This ${segs[0]} entry has no "config" object; each entry must be exactly {"config": {...}}${flat ? ': wrap these keys in "config"' : ''}. ${REJECTED}.`;
  }
  if (k === 'name' && segs[0] === 'model_config_list') {
    return `This model config${of} has no "name"; OVMS requires it (it is the servable name clients call). ${REJECTED}.`;
  }
  const last = segs[segs.length - 1]!;
  const where =
    segs[0] === 'monitoring' ? (segs.length === 1 ? 'monitoring' : 'monitoring.metrics') : /^\d+$/.test(last) ? `this entry${of}` : `\`${last}\`${of}`;
  const hint = k === 'enable' ? ' Add "enable": true (or false).' : k === 'metrics' ? ' Write {"metrics": {"enable": true}}.' : '';
  return `Required key "${k}" is missing in ${where}; ${REJECTED}.${hint}`;
}
