/**
 * What the editor says about config.json: every key OVMS accepts, where it may appear, its type,
 * allowed values and a short explanation. All of it comes from the annotations of
 * schemas/ovms-config.schema.json (`description`, `x-values`, `x-suggested-properties`), turned
 * into this tree at build time by scripts/gen/15-config-docs.mjs. Validation is the rules' job.
 */

import docs from '../../generated/config-docs.json';
import { DEFAULT_METRICS, OPTIONAL_METRICS } from '../../rules/config/keys';

export type ValueShape =
  | { type: 'object'; props: Record<string, KeyDoc>; /** Shape of keys not listed (maps). */ additional?: ValueShape; mapDoc?: string }
  | { type: 'array'; items: ValueShape }
  | { type: 'string'; values?: ValueDoc[] }
  | { type: 'integer'; values?: ValueDoc[] }
  | { type: 'boolean' }
  | { type: 'scalar' }
  | { type: 'string-or-object'; values?: ValueDoc[]; additional: ValueShape }
  | { type: 'integer-or-string'; values?: ValueDoc[] };

export interface ValueDoc {
  /** The JSON value as written (strings without quotes). */
  value: string | number | boolean;
  doc: string;
}

export interface KeyDoc {
  doc: string;
  shape: ValueShape;
  required?: boolean;
}

const generated = docs as { config: ValueShape; subconfig: ValueShape };

/** Metric family names are the config rules' list (one list, not two): attached here. */
function withMetrics(root: ValueShape): ValueShape {
  const list = shapeAt(root, ['monitoring', 'metrics', 'metrics_list', 0]);
  if (list?.type === 'string') {
    list.values = [
      ...DEFAULT_METRICS.map((value) => ({ value, doc: 'Metric family of the default set (enabled when `metrics_list` is absent).' })),
      ...OPTIONAL_METRICS.map((value) => ({ value, doc: 'Optional metric family (only when listed).' })),
    ];
  }
  return root;
}

export const CONFIG_ROOT = withMetrics(generated.config);
export const SUBCONFIG_ROOT = generated.subconfig;

/** The shape at a JSON path (keys and indices), or undefined where the schema knows nothing. */
export function shapeAt(root: ValueShape, path: (string | number)[]): ValueShape | undefined {
  let cur: ValueShape | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    cur = childShape(cur, seg);
  }
  return cur;
}

export function childShape(shape: ValueShape, seg: string | number): ValueShape | undefined {
  if (typeof seg === 'number') return shape.type === 'array' ? shape.items : undefined;
  return keyDoc(shape, seg)?.shape ?? (shape.type === 'object' || shape.type === 'string-or-object' ? shape.additional : undefined);
}

/** The documentation of a key of an object shape. */
export function keyDoc(shape: ValueShape, key: string): KeyDoc | undefined {
  if (shape.type !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(shape.props, key) ? shape.props[key] : undefined;
}
