/**
 * The cross-file deployment model: config.json -> graphs (mediapipe_config_list entries and
 * model_config_list entries that are graphs) -> subconfig.json -> models; models -> directories.
 * Built once per project state (memoised), loading the referenced graphs and subconfigs into the
 * project so that they are linted in context. Paths follow OVMS (reference ovms-config.md §1.8,
 * §2.3-2.5): relative to the config's directory; graph and subconfig relative to base_path.
 */
import type { ConfigDocument, GraphDocument, ParsedDocument } from '../documents';
import { detectKind } from '../detect';
import { member, pointerOf, spanOf, type JsonNode } from '../json/parse';
import type { Project } from '../project';
import type { Span } from '../types';
import { dirname, isCloud, resolveFrom } from './paths';

export interface ModelEntry {
  name: string;
  /** Where the entry is declared: the config or subconfig, the name's span and the entry's pointer. */
  doc: ConfigDocument;
  nameSpan: Span;
  pointer: string;
  /** The resolved base path (a directory, a model file, or a cloud URL). */
  basePath: string;
}

export interface GraphLink {
  name: string;
  doc: ConfigDocument;
  nameSpan: Span;
  pointer: string;
  source: 'mediapipe_config_list' | 'model_config_list';
  basePath: string;
  graphPath: string;
  /** Span of `graph_path` when written, else of the name. */
  graphPathSpan: Span;
  /** The graph's document when the file could be read. */
  graph: GraphDocument | undefined;
  subconfigPath: string;
  subconfig: ConfigDocument | undefined;
  /**
   * No `subconfig` written and no subconfig.json, but a `<base_path>/config.json` that is not an
   * OVMS config (a Hugging Face config.json next to an LLM graph): OVMS reads it as the subconfig,
   * finds no model_config_list and stops loading subconfigs for the graphs after this one (§2.5).
   */
  foreignSubconfig?: string;
}

export interface Deployment {
  configs: ConfigDocument[];
  graphs: GraphLink[];
  /** Links by the graph document's path. */
  byGraph: Map<string, GraphLink[]>;
  /** Models declared in each config/subconfig (graph entries excluded), by document path. */
  modelsOf: Map<string, ModelEntry[]>;
}

const cache = new WeakMap<Project, { size: number; deployment: Deployment }>();

/**
 * The deployment of a project, linking every OVMS config in it and loading what they reference.
 * Rebuilt only when documents were added since the last build.
 */
export function deploymentOf(project: Project): Deployment {
  const size = project.documents().length;
  const hit = cache.get(project);
  if (hit && hit.size === size) return hit.deployment;
  const deployment = build(project);
  cache.set(project, { size: project.documents().length, deployment });
  return deployment;
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? String(node.value) : undefined;
}

function isFile(project: Project, p: string): boolean {
  return project.get(p) !== undefined || project.host.stat(p)?.isFile === true;
}

function asGraph(d: ParsedDocument | undefined): GraphDocument | undefined {
  return d?.kind === 'mediapipe-graph' ? d : undefined;
}

function asConfig(d: ParsedDocument | undefined): ConfigDocument | undefined {
  return d?.kind === 'ovms-config' || d?.kind === 'subconfig' ? d : undefined;
}

function loadSubconfig(project: Project, base: string, explicit: string | undefined): { path: string; doc: ConfigDocument | undefined; foreign?: string } {
  const path = resolveFrom(base, explicit ?? 'subconfig.json');
  if (isFile(project, path)) return { path, doc: asConfig(project.load(path, 'subconfig')) };
  if (explicit === undefined) {
    // Fallback: <base_path>/config.json read as a subconfig — only worth linting when it is an OVMS config.
    const fallback = resolveFrom(base, 'config.json');
    const known = project.get(fallback);
    const text = known ? known.file.text : project.host.readFile(fallback);
    if (text !== undefined && detectKind(fallback, text) === 'ovms-config') return { path: fallback, doc: asConfig(project.load(fallback, 'subconfig')) };
    if (text !== undefined) return { path, doc: undefined, foreign: fallback };
  }
  return { path, doc: undefined };
}

/**
 * The graph OVMS finds in a model directory (ovms-config.md §2.4, also for `--model_path`):
 * `<base>/<graph_path|graph.pbtxt>`, else the model-mesh layout `<base>/1/graph.pbtxt` (then `1/`
 * is the graph's base). Local files only: OVMS never detects graphs in cloud storage. `exists`
 * decides whether a file is there (default: in the run or on this machine).
 */
export function graphIn(
  project: Project,
  base: string,
  graphPath?: string,
  exists: (path: string) => boolean = (p) => isFile(project, p),
): { base: string; path: string } | undefined {
  if (isCloud(base)) return undefined;
  const path = resolveFrom(base, graphPath ?? 'graph.pbtxt');
  if (exists(path)) return { base, path };
  if (graphPath !== undefined) return undefined;
  const mesh = resolveFrom(base, '1');
  const meshPath = resolveFrom(mesh, 'graph.pbtxt');
  return exists(meshPath) ? { base: mesh, path: meshPath } : undefined;
}

function modelsIn(doc: ConfigDocument, project: Project, out: Deployment, visiting: Set<string>): void {
  if (visiting.has(doc.file.path)) return;
  visiting.add(doc.file.path);
  const dir = dirname(doc.file.path);
  const models: ModelEntry[] = [];
  out.modelsOf.set(doc.file.path, models);
  const list = member(doc.root, 'model_config_list');
  for (const item of list?.type === 'array' ? (list.children ?? []) : []) {
    const cfg = member(item, 'config');
    const nameNode = member(cfg, 'name');
    const name = str(nameNode);
    if (!cfg || name === undefined || !nameNode) continue;
    const basePathRaw = str(member(cfg, 'base_path'));
    const entry = { name, doc, nameSpan: spanOf(nameNode), pointer: pointerOf(cfg) };
    // Graph detection (ovms-config.md §2.4): <base>/<graph_path|graph.pbtxt>, then <base>/1/graph.pbtxt.
    if (doc.kind === 'ovms-config') {
      const base = basePathRaw ? resolveFrom(dir, basePathRaw) : resolveFrom(dir, name);
      const graphPathNode = member(cfg, 'graph_path');
      const graphRel = str(graphPathNode);
      const found = graphIn(project, base, graphRel);
      if (found) {
        link(project, out, { ...entry, source: 'model_config_list', basePath: found.base, graphPath: found.path, graphPathSpan: graphPathNode ? spanOf(graphPathNode) : entry.nameSpan }, str(member(cfg, 'subconfig')));
        continue;
      }
    }
    models.push({ ...entry, basePath: basePathRaw === undefined || basePathRaw === '' ? dir : resolveFrom(dir, basePathRaw) });
  }
  if (doc.kind !== 'ovms-config') return;
  const graphs = member(doc.root, 'mediapipe_config_list');
  for (const item of graphs?.type === 'array' ? (graphs.children ?? []) : []) {
    const nameNode = member(item, 'name');
    const name = str(nameNode);
    if (name === undefined || !nameNode) continue;
    const basePathRaw = str(member(item, 'base_path'));
    const base = basePathRaw ? resolveFrom(dir, basePathRaw) : resolveFrom(dir, name);
    const graphPathNode = member(item, 'graph_path');
    const graphPath = resolveFrom(base, str(graphPathNode) ?? 'graph.pbtxt');
    link(
      project,
      out,
      { name, doc, nameSpan: spanOf(nameNode), pointer: pointerOf(item), source: 'mediapipe_config_list', basePath: base, graphPath, graphPathSpan: graphPathNode ? spanOf(graphPathNode) : spanOf(nameNode) },
      str(member(item, 'subconfig')),
    );
  }
}

function link(project: Project, out: Deployment, l: Omit<GraphLink, 'graph' | 'subconfig' | 'subconfigPath'>, subconfig: string | undefined): void {
  if (isCloud(l.graphPath)) return;
  const graph = isFile(project, l.graphPath) ? asGraph(project.load(l.graphPath, 'mediapipe-graph')) : undefined;
  const sub = isCloud(l.basePath) ? { path: l.basePath, doc: undefined } : loadSubconfig(project, l.basePath, subconfig);
  const full: GraphLink = { ...l, graph, subconfigPath: sub.path, subconfig: sub.doc, ...(sub.foreign ? { foreignSubconfig: sub.foreign } : {}) };
  out.graphs.push(full);
  if (graph) {
    let list = out.byGraph.get(graph.file.path);
    if (!list) out.byGraph.set(graph.file.path, (list = []));
    list.push(full);
  }
  if (sub.doc) modelsIn(sub.doc, project, out, new Set());
}

function build(project: Project): Deployment {
  const out: Deployment = { configs: [], graphs: [], byGraph: new Map(), modelsOf: new Map() };
  for (const d of project.documents()) {
    if (d.kind !== 'ovms-config') continue;
    out.configs.push(d);
    modelsIn(d, project, out, new Set());
  }
  return out;
}

/** Build (or refresh) the deployment before rules run, so referenced files join the run. */
export function linkDeployment(project: Project): Deployment {
  return deploymentOf(project);
}

/** The configs that serve a graph, with the models each makes visible to it (config + subconfig). */
export function graphContext(project: Project, graph: GraphDocument): { link: GraphLink; models: Map<string, ModelEntry> }[] {
  const d = deploymentOf(project);
  return (d.byGraph.get(graph.file.path) ?? []).map((link) => {
    const models = new Map<string, ModelEntry>();
    for (const m of d.modelsOf.get(link.doc.file.path) ?? []) if (!models.has(m.name)) models.set(m.name, m);
    if (link.subconfig) for (const m of d.modelsOf.get(link.subconfig.file.path) ?? []) if (!models.has(m.name)) models.set(m.name, m);
    return { link, models };
  });
}


/** The models a config serves: its own model_config_list entries and those of its graphs' subconfigs. */
export function modelsServedBy(project: Project, config: ConfigDocument): ModelEntry[] {
  const d = deploymentOf(project);
  const out = [...(d.modelsOf.get(config.file.path) ?? [])];
  for (const l of d.graphs) if (l.doc === config && l.subconfig) out.push(...(d.modelsOf.get(l.subconfig.file.path) ?? []));
  return out;
}

/**
 * The graphs of `link`'s config whose subconfig OVMS does not load because `link`'s foreign
 * config.json stops the subconfig pass (§2.5): those after it in OVMS's order — the
 * mediapipe_config_list entries, then the graph entries of model_config_list (§2.1) — that have
 * a subconfig OVMS would otherwise load.
 */
export function subconfigsSkippedAfter(project: Project, link: GraphLink): GraphLink[] {
  if (!link.foreignSubconfig) return [];
  const ordered = deploymentOf(project).graphs.filter((g) => g.doc === link.doc && g.source === 'mediapipe_config_list');
  ordered.push(...deploymentOf(project).graphs.filter((g) => g.doc === link.doc && g.source === 'model_config_list'));
  return ordered.slice(ordered.indexOf(link) + 1).filter((g) => g.subconfig !== undefined);
}
