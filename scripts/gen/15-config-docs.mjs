// Derives what the editor says about config.json (hover and completion) from the annotations of
// schemas/ovms-config.schema.json: `description` of each key, `x-values` (values worth
// suggesting, each with a description; for an `enum` the documentation of its values) and
// `x-suggested-properties` (well-known keys of an open map such as plugin_config).
// Output: core/src/generated/config-docs.json, { config: Shape, subconfig: Shape }, in the shape
// core/src/service/data/config-schema.ts declares (ValueShape); $refs and oneOf/anyOf are
// resolved here, at build time, so the server reads a small tree.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

export function configDocs(schema) {
  const resolve = (node) => {
    if (!node?.$ref) return node;
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], schema);
    const { $ref, ...site } = node;
    // the keywords next to a $ref (description, x-values) are the site's own and win
    return { ...resolve(target), ...site };
  };
  const values = (node) => node['x-values']?.map((v) => ({ value: v.value, doc: v.description })) ?? node.enum?.map((v) => ({ value: v, doc: '' }));
  const keyDoc = (node, required) => {
    const n = resolve(node);
    return { doc: n.description ?? '', shape: shapeOf(n), ...(required ? { required: true } : {}) };
  };
  const objectShape = (n) => {
    const props = {};
    const required = new Set(n.required ?? []);
    for (const [k, v] of Object.entries(n.properties ?? {})) props[k] = keyDoc(v, required.has(k));
    // a oneOf of objects (model_version_policy): each variant's keys, none of them required
    for (const variant of [...(n.oneOf ?? []), ...(n.anyOf ?? [])].map(resolve)) {
      for (const [k, v] of Object.entries(variant.properties ?? {})) if (!props[k]) props[k] = keyDoc(v, false);
    }
    for (const [k, v] of Object.entries(n['x-suggested-properties'] ?? {})) if (!props[k]) props[k] = keyDoc(v, false);
    const out = { type: 'object', props };
    const extra = n.additionalProperties;
    if (extra && typeof extra === 'object') {
      const e = resolve(extra);
      out.additional = shapeOf(e);
      if (e.description) out.mapDoc = e.description;
    }
    return out;
  };
  const shapeOf = (node) => {
    const n = resolve(node);
    const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
    if (types.includes('object') || n.properties) return objectShape(n);
    if (types.includes('array')) return { type: 'array', items: shapeOf(n.items ?? {}) };
    if (types.length === 2 && types.includes('integer') && types.includes('string')) return withValues({ type: 'integer-or-string' }, n);
    const variants = [...(n.oneOf ?? []), ...(n.anyOf ?? [])].map(resolve);
    if (variants.length) {
      const obj = variants.find((v) => v.type === 'object');
      if (obj && variants.some((v) => v.type === 'string')) return withValues({ type: 'string-or-object', additional: obj.additionalProperties ? shapeOf(obj.additionalProperties) : { type: 'scalar' } }, n);
      if (variants.every((v) => SCALARS.has(v.type))) return { type: 'scalar' };
    }
    if (types[0] === 'string') return withValues({ type: 'string' }, n);
    if (types[0] === 'integer' || types[0] === 'number') return withValues({ type: 'integer' }, n);
    if (types[0] === 'boolean') return { type: 'boolean' };
    return { type: 'scalar' };
  };
  const withValues = (shape, n) => {
    const v = values(n);
    return v ? { ...shape, values: v } : shape;
  };
  const config = shapeOf(schema);
  // a graph's subconfig.json holds only model_config_list (OVMS reads nothing else there)
  const subconfig = { type: 'object', props: { model_config_list: config.props.model_config_list } };
  return { config, subconfig };
}

export default async function generate(root) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/ovms-config.schema.json'), 'utf8'));
  const out = join(root, 'core/src/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'config-docs.json'), JSON.stringify(configDocs(schema)));
}
