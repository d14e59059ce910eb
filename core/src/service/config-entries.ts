import type { Node as JsonNode } from 'jsonc-parser';
import type { ConfigDocument } from '../documents';
import type { Span } from '../types';
import { dirname, isAbsolute, resolvePath } from './paths';

/** The servables of a config.json with the spans the editor features need. */
export interface ConfigEntry {
  section: 'model' | 'graph' | 'pipeline' | 'library' | 'loader';
  name: string;
  /** The whole entry object. */
  span: Span;
  /** The name value (or the entry when nameless). */
  nameSpan: Span;
  node: JsonNode;
  /** Path-valued members: key, value string and span. */
  paths: { key: string; value: string; span: Span }[];
  /** Pipeline nodes (name, span, name span). */
  children: { name: string; span: Span; nameSpan: Span; detail?: string }[];
}

const PATH_KEYS = new Set(['base_path', 'graph_path', 'subconfig', 'library_path', 'loader_config_file']);

export function member(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

const spanOf = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });

export function configEntries(doc: ConfigDocument): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const root = doc.root;
  if (!root || root.type !== 'object') return out;
  const add = (section: ConfigEntry['section'], list: JsonNode | undefined, unwrap: boolean) => {
    if (list?.type !== 'array') return;
    for (const item of list.children ?? []) {
      const obj = unwrap ? member(item, 'config') : item;
      if (!obj || obj.type !== 'object') continue;
      const nameNode = member(obj, section === 'loader' ? 'loader_name' : 'name');
      const name = typeof nameNode?.value === 'string' ? nameNode.value : '(unnamed)';
      const paths: ConfigEntry['paths'] = [];
      for (const p of obj.children ?? []) {
        const k = p.children?.[0]?.value;
        const v = p.children?.[1];
        if (typeof k === 'string' && PATH_KEYS.has(k) && v?.type === 'string') paths.push({ key: k, value: v.value as string, span: spanOf(v) });
      }
      const isGraph = section === 'model' && paths.some((p) => p.key === 'graph_path' || p.key === 'subconfig');
      const children: ConfigEntry['children'] = [];
      if (section === 'pipeline') {
        for (const n of member(obj, 'nodes')?.children ?? []) {
          const nn = member(n, 'name');
          const t = member(n, 'model_name') ?? member(n, 'library_name');
          children.push({ name: typeof nn?.value === 'string' ? nn.value : '(unnamed)', span: spanOf(n), nameSpan: spanOf(nn ?? n), ...(typeof t?.value === 'string' ? { detail: t.value } : {}) });
        }
      }
      out.push({ section: isGraph ? 'graph' : section, name, span: spanOf(item), nameSpan: spanOf(nameNode ?? obj), node: obj, paths, children });
    }
  };
  add('model', member(root, 'model_config_list'), true);
  add('graph', member(root, 'mediapipe_config_list'), false);
  add('pipeline', member(root, 'pipeline_config_list'), false);
  add('library', member(root, 'custom_node_library_config_list'), false);
  add('loader', member(root, 'custom_loader_config_list'), true);
  return out;
}

const CLOUD = /^(s3|gs|az|azfs|azure):\/\//;

/**
 * The local file or directory a path-valued key of an entry points to, resolved as OVMS does
 * (reference ovms-config.md §1.8, §2.3, §2.5): base_path relative to the config directory (a
 * graph's defaulting to `<config dir>/<name>/`), graph_path and subconfig relative to base_path.
 * Undefined for cloud URLs.
 */
export function resolveEntryPath(configPath: string, entry: ConfigEntry, key: string): string | undefined {
  const own = entry.paths.find((p) => p.key === key);
  const configDir = dirname(configPath);
  const basePath = entry.paths.find((p) => p.key === 'base_path')?.value;
  if (basePath !== undefined && CLOUD.test(basePath)) return undefined;
  const base = graphBase(configDir, entry, basePath);
  if (key === 'base_path') return own ? (CLOUD.test(own.value) ? undefined : resolvePath(configDir, own.value)) : base;
  if (key === 'graph_path') return resolvePath(base, own?.value || 'graph.pbtxt');
  if (key === 'subconfig') return resolvePath(base, own?.value || 'subconfig.json');
  if (!own || CLOUD.test(own.value)) return undefined;
  return isAbsolute(own.value) ? own.value : resolvePath(configDir, own.value);
}

function graphBase(configDir: string, entry: ConfigEntry, basePath: string | undefined): string {
  if (basePath) return resolvePath(configDir, basePath);
  // mediapipe_config_list: <config dir>/<name>/; model_config_list (since 2025.1): the config directory
  return entry.section === 'graph' && !isModelListEntry(entry) ? resolvePath(configDir, entry.name) : configDir;
}

function isModelListEntry(entry: ConfigEntry): boolean {
  // a model_config_list item's object is the value of a "config" property
  return entry.node.parent?.type === 'property' && entry.node.parent.children?.[0]?.value === 'config';
}
