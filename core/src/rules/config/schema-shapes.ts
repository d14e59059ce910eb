/**
 * One clear sentence for a value that fails a `oneOf` of OVMS's schema (version policy, shape /
 * layout, DAG node kind). RapidJSON (and ajv) only say "oneOf failed"; these look at the value
 * and name the actual problem.
 */
import { didYouMeanSuffix } from '../../text/suggest';

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return String(v);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;

export const POLICY_FORMS = '{"latest": {"num_versions": 1}} (the default), {"specific": {"versions": [1, 3]}} or {"all": {}}';

/** Why a model_version_policy value matches none of the three shapes. */
export function diagnosePolicy(v: unknown): string {
  if (!isObj(v)) return `\`model_version_policy\` must be an object, found ${describeValue(v)}.`;
  const keys = Object.keys(v);
  if (keys.length === 0) return '`model_version_policy` is empty: it needs exactly one policy.';
  if (keys.length > 1) return `\`model_version_policy\` names ${keys.length} policies (${keys.map((k) => `\`${k}\``).join(', ')}); OVMS accepts exactly one.`;
  const k = keys[0]!;
  const inner = v[k];
  switch (k) {
    case 'all':
      if (!isObj(inner)) return `\`all\` must be an empty object \`{}\`, found ${describeValue(inner)}.`;
      return '`all` takes no options: write `{"all": {}}`.';
    case 'latest': {
      if (!isObj(inner)) return `\`latest\` must be an object \`{"num_versions": N}\`, found ${describeValue(inner)}.`;
      const extra = Object.keys(inner).filter((x) => x !== 'num_versions');
      if (extra.length) return `\`latest\` takes only \`num_versions\`; remove ${extra.map((x) => `\`${x}\``).join(', ')}.${didYouMeanSuffix(extra[0]!, ['num_versions'])}`;
      if (!('num_versions' in inner)) return '`latest` needs `num_versions` (an integer ≥ 1).';
      return `\`num_versions\` must be an integer ≥ 1, found ${describeValue(inner.num_versions)}.`;
    }
    case 'specific': {
      if (!isObj(inner)) return `\`specific\` must be an object \`{"versions": [...]}\`, found ${describeValue(inner)}.`;
      const extra = Object.keys(inner).filter((x) => x !== 'versions');
      if (extra.length) return `\`specific\` takes only \`versions\`; remove ${extra.map((x) => `\`${x}\``).join(', ')}.${didYouMeanSuffix(extra[0]!, ['versions'])}`;
      if (!('versions' in inner)) return '`specific` needs `versions` (an array of version numbers ≥ 1).';
      const versions = inner.versions;
      if (!Array.isArray(versions)) return `\`versions\` must be an array of integers ≥ 1, found ${describeValue(versions)}.`;
      const bad = versions.find((x) => !isPosInt(x));
      return `\`versions\` must list integers ≥ 1 (the numeric version folders), found ${describeValue(bad)}.`;
    }
    default:
      return `\`${k}\` is not a version policy.${didYouMeanSuffix(k, ['all', 'latest', 'specific'])}`;
  }
}

/** Why a `shape` or `layout` value is neither a string nor an object of strings. */
export function diagnoseLayoutShape(key: string, v: unknown, of = ''): string {
  const example = key === 'shape' ? '"(1,3,224,224)"' : '"NHWC:NCHW"';
  if (Array.isArray(v)) {
    return `\`${key}\`${of} must be a string such as ${example} or an object mapping input names to such strings; config.json does not accept an array here (only subconfig.json and the command line do).`;
  }
  if (isObj(v)) {
    const badKey = Object.keys(v).find((k) => typeof v[k] !== 'string');
    const bad = badKey === undefined ? undefined : v[badKey];
    return `Each value of the \`${key}\` object${of} must be a string such as ${example}; \`${badKey}\` is ${describeValue(bad)}${Array.isArray(bad) ? ` (write it as ${key === 'shape' ? `"(${(bad as unknown[]).join(',')})"` : 'a string'})` : ''}.`;
  }
  return `\`${key}\`${of} must be a string such as ${example} or an object mapping input names to such strings, found ${describeValue(v)}.`;
}

/** Why a DAG node is neither a valid custom node nor a valid DL model node. */
export function diagnoseNodeKind(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  const name = typeof v.name === 'string' ? ` \`${v.name}\`` : '';
  if (v.type === 'custom') {
    if ('model_name' in v) return `Custom node${name} must not have \`model_name\`: a custom node runs a library (\`library_name\`), a \`DL model\` node runs a model.`;
    return `Custom node${name} needs \`library_name\`: the name of an entry of custom_node_library_config_list.`;
  }
  if (v.type === 'DL model') {
    if ('library_name' in v) return `\`DL model\` node${name} must not have \`library_name\`: use \`"type": "custom"\` for a custom-node library.`;
    return `\`DL model\` node${name} needs \`model_name\`: the name of a model served by this config.`;
  }
  return undefined;
}
