/**
 * What each entry of a config stands for once OVMS looks at the file system (reference
 * ovms-config.md §2.3-2.5): a model (with its base_path resolved and its directory listed), or
 * a MediaPipe graph — a mediapipe_config_list entry, or a model_config_list entry whose
 * base_path holds a graph file. Computed once per document and shared by the config rules.
 *
 * The file system is consulted only where the answer can be trusted: relative paths, resolved
 * against the config's directory, when that directory is visible to the host. Absolute paths
 * usually name locations inside a container, so they are looked at only when they exist;
 * cloud URLs are never looked at (OVMS cannot detect graphs there either).
 */
import type { ConfigDocument, JsonNode } from '../../documents';
import type { Host } from '../../host';
import type { Project } from '../../project';
import { configIndex } from './schema-analysis';
import { valueAt } from './schema-messages';
import { type PathLocation, dirOf, joinPath, locationOf } from './paths';

export interface Servable {
  kind: 'model' | 'graph' | 'pipeline';
  /** Where it is declared: model_config_list, mediapipe_config_list or pipeline_config_list. */
  list: 'model_config_list' | 'mediapipe_config_list' | 'pipeline_config_list';
  index: number;
  /** Pointer of the object holding name/base_path (the `config` object for model entries). */
  pointer: string;
  name: string | undefined;
  nameNode: JsonNode | undefined;
  basePath: string | undefined;
  basePathNode: JsonNode | undefined;
  /** The raw config object (first copy of duplicated keys). */
  config: Record<string, unknown>;
  location: PathLocation | undefined;
  /** Resolved local directory or file, when it can be looked at. */
  resolved: string | undefined;
  /** The graph file found for this entry (graphs only). */
  graphFile: string | undefined;
  /** For graphs: the resolved subconfig path (explicit or default), when local. */
  subconfig: string | undefined;
}

export interface Servables {
  /** Whether the config's directory is visible to the host (file-system checks are possible). */
  fsVisible: boolean;
  configDir: string;
  all: Servable[];
}

const cache = new WeakMap<ConfigDocument, Servables>();

export function servables(doc: ConfigDocument, project: Project): Servables {
  let s = cache.get(doc);
  if (!s) cache.set(doc, (s = compute(doc, project.host)));
  return s;
}

const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function compute(doc: ConfigDocument, host: Host): Servables {
  const ix = configIndex(doc);
  const configDir = dirOf(doc.file.path);
  const fsVisible = !!host.stat(configDir)?.isDirectory;
  const all: Servable[] = [];
  const isFile = (p: string) => !!host.stat(p)?.isFile;
  const exists = (p: string) => host.stat(p) !== undefined;

  const base = (list: Servable['list'], i: number, pointer: string, config: Record<string, unknown>): Servable => {
    const basePath = str(config.base_path);
    return {
      kind: 'model',
      list,
      index: i,
      pointer,
      name: str(config.name),
      nameNode: ix.nodes.get(`${pointer}/name`)?.node,
      basePath,
      basePathNode: ix.nodes.get(`${pointer}/base_path`)?.node,
      config,
      location: basePath === undefined ? undefined : locationOf(basePath),
      resolved: undefined,
      graphFile: undefined,
      subconfig: undefined,
    };
  };

  /** A local path OVMS would read, or undefined when it cannot be looked at from here. */
  const local = (p: string | undefined): string | undefined => {
    if (!fsVisible || p === undefined) return undefined;
    const loc = locationOf(p);
    if (loc === 'cloud') return undefined;
    const r = joinPath(configDir, p);
    if (loc === 'absolute' && !exists(r)) return undefined;
    return r;
  };

  /** Graph base directory (mediapipegraphconfig.cpp: default <config dir>/<name>/). */
  const graphBase = (s: Servable): string | undefined => {
    if (s.basePath === undefined || s.basePath === '') return s.name === undefined ? undefined : local(s.name);
    return local(s.basePath);
  };

  const models = valueAt(ix.value, ['model_config_list']);
  if (Array.isArray(models)) {
    models.forEach((item, i) => {
      const cfg = obj(item) ? item.config : undefined;
      if (!obj(cfg)) return;
      const s = base('model_config_list', i, `/model_config_list/${i}/config`, cfg);
      // §2.4: the entry is a graph when a local graph file exists (not in a subconfig: its
      // items go straight to ModelConfig::parseNode)
      const gdir = doc.kind === 'ovms-config' ? graphBase(s) : undefined;
      if (gdir !== undefined) {
        const gp = str(cfg.graph_path);
        const direct = joinPath(gdir, gp ?? 'graph.pbtxt');
        const mesh = joinPath(gdir, '1/graph.pbtxt');
        if (isFile(direct)) {
          s.kind = 'graph';
          s.graphFile = direct;
          s.subconfig = joinPath(gdir, str(cfg.subconfig) ?? 'subconfig.json');
        } else if (isFile(mesh)) {
          s.kind = 'graph';
          s.graphFile = mesh;
          s.subconfig = joinPath(gdir, '1/subconfig.json');
        }
      }
      s.resolved = s.kind === 'graph' ? gdir : local(s.basePath === undefined || s.basePath === '' ? '.' : s.basePath);
      all.push(s);
    });
  }

  if (doc.kind !== 'ovms-config') return { fsVisible, configDir, all };
  const graphs = valueAt(ix.value, ['mediapipe_config_list']);
  if (Array.isArray(graphs)) {
    graphs.forEach((item, i) => {
      if (!obj(item)) return;
      const s = base('mediapipe_config_list', i, `/mediapipe_config_list/${i}`, item);
      s.kind = 'graph';
      const gdir = graphBase(s);
      s.resolved = gdir;
      if (gdir !== undefined) {
        s.graphFile = joinPath(gdir, str(item.graph_path) ?? 'graph.pbtxt');
        s.subconfig = joinPath(gdir, str(item.subconfig) ?? 'subconfig.json');
      }
      all.push(s);
    });
  }

  const pipelines = valueAt(ix.value, ['pipeline_config_list']);
  if (Array.isArray(pipelines)) {
    pipelines.forEach((item, i) => {
      if (!obj(item)) return;
      const s = base('pipeline_config_list', i, `/pipeline_config_list/${i}`, item);
      s.kind = 'pipeline';
      s.location = undefined;
      all.push(s);
    });
  }
  return { fsVisible, configDir, all };
}
