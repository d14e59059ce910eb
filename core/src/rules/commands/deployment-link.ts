import type { ConfigDocument } from '../../documents';
import { dirname, generativeGraphs, generativeNodes, graphIn, modelsServedBy, normalize, resolveFrom } from '../../deployment';
import type { Mount, OvmsCommand } from '../../flags/model';
import { isKnown, UNKNOWN } from '../../flags/words';
import type { Project } from '../../project';
import type { RelatedLocation } from '../../types';
import type { Analysis } from './analysis';
import { isCloud } from '../../deployment/paths';

/**
 * The link from a command line to the files it serves: the config.json named by --config_path,
 * followed through volume mounts back to the host. What that config serves (its graphs — the
 * model-mesh `1/graph.pbtxt` layout included —, their subconfigs, its models, which graphs are
 * generative) comes from the deployment model (core/src/deployment), the one definition.
 */


/** The mount whose container path holds `path` (the longest one). */
export function mountOf(cmd: OvmsCommand, path: string): Mount | undefined {
  let best: Mount | undefined;
  for (const m of [...(cmd.container?.mounts ?? []), ...(cmd.container?.tmpfs ?? [])]) {
    if (!m.target) continue;
    const t = m.target.replace(/\/+$/, '');
    if ((path === t || path.startsWith(`${t}/`) || t === '') && (!best || t.length > best.target!.replace(/\/+$/, '').length)) best = m;
  }
  return best;
}

/**
 * Host paths where a path OVMS sees could be, best first. `$(pwd)`-style sources are tried
 * against the directory of the command's file and its parents (only paths that exist count).
 */
export function hostCandidates(project: Pick<Project, 'host'>, file: string, cmd: OvmsCommand, path: string): string[] {
  const fileDir = dirname(file);
  if (!cmd.container || cmd.container.engine === 'dockerfile') return [resolveFrom(fileDir, path)];
  const m = mountOf(cmd, path);
  if (!m || m.type === 'tmpfs' || m.source === undefined || m.type === 'volume') return [];
  const rest = path.slice(m.target!.replace(/\/+$/, '').length);
  const src = m.source;
  if (isKnown(src)) return [resolveFrom(fileDir, src) + rest];
  // `$(pwd)/models`, `${PWD}/models`: the directory the command runs in is not written down
  if (src.startsWith(UNKNOWN) && isKnown(src.slice(1))) {
    const out: string[] = [];
    let dir = fileDir;
    for (let i = 0; i < 4; i++) {
      const candidate = normalize(`${dir}/${src.slice(1)}${rest}`);
      if (project.host.stat(candidate)) out.push(candidate);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return out;
  }
  return [];
}

/**
 * Where a container path is on this machine: the host directory its mount comes from (only when
 * that directory exists here) and the path below it. Undefined when no bind mount provides it.
 */
export function mountedOnHost(project: Project, file: string, cmd: OvmsCommand, path: string): { mount: Mount; root: string; hostPath: string } | undefined {
  const mount = mountOf(cmd, path);
  if (!mount?.target) return undefined;
  const target = mount.target.replace(/\/+$/, '');
  const root = hostCandidates(project, file, cmd, target).find((d) => project.host.stat(d)?.isDirectory);
  return root === undefined ? undefined : { mount, root, hostPath: root + path.slice(target.length) };
}

/** The mount that is known to put the file `path` into the container (a Kubernetes ConfigMap/Secret key). */
export function mountProviding(cmd: OvmsCommand, path: string): Mount | undefined {
  const m = mountOf(cmd, path);
  if (!m?.files || !m.target) return undefined;
  const t = m.target.replace(/\/+$/, '');
  return m.files.some((f) => (f === '' ? t : `${t}/${f}`) === path) ? m : undefined;
}

/**
 * The graph.pbtxt OVMS finds in a model directory it sees (`--model_path`, a pulled model's
 * folder) — model-mesh `1/graph.pbtxt` included: a file on this machine found through the mounts,
 * or a mount known to provide it (a ConfigMap key).
 */
export function graphInModelDir(project: Project, file: string, cmd: OvmsCommand, dir: string): ({ hostFile: string } | { mount: Mount }) & { inside: string } | undefined {
  const d = dir.replace(/\/+$/, '') || '/';
  const inside = (found: { base: string }, base: string) => (found.base === base ? 'graph.pbtxt' : '1/graph.pbtxt');
  for (const host of hostCandidates(project, file, cmd, d)) {
    const found = graphIn(project, host);
    if (found) return { hostFile: found.path, inside: inside(found, host) };
  }
  const provided = graphIn(project, d, undefined, (p) => mountProviding(cmd, p) !== undefined);
  return provided ? { mount: mountProviding(cmd, provided.path)!, inside: inside(provided, d) } : undefined;
}

/** A host path for messages: relative to the directory of the file that names it when inside it. */
export function shownPath(file: string, hostPath: string): string {
  const dir = dirname(file);
  return hostPath.startsWith(`${dir}/`) ? `./${hostPath.slice(dir.length + 1)}` : hostPath;
}

export interface GenerativeEvidence {
  reason: string;
  related?: RelatedLocation;
}

export interface LinkedDeployment {
  config?: ConfigDocument;
  /** Why the deployment serves generative (/v3) endpoints; empty when nothing says so. */
  generative: GenerativeEvidence[];
  /** Cloud model paths the deployment reads (CLI and config). */
  cloudPaths: string[];
}

const cache = new WeakMap<OvmsCommand, LinkedDeployment>();

export function linkedDeployment(project: Project, file: string, a: Analysis): LinkedDeployment {
  const known = cache.get(a.cmd);
  if (known) return known;
  const out: LinkedDeployment = { generative: [], cloudPaths: [] };
  cache.set(a.cmd, out);
  if (a.has('task')) out.generative.push({ reason: `\`--task ${a.str('task') ?? '…'}\`` });
  else if (a.has('source_model')) out.generative.push({ reason: '`--source_model`' });
  const mp = a.str('model_path');
  if (mp && isCloud(mp)) out.cloudPaths.push(mp);
  const cp = a.str('config_path');
  if (mp && !cp && !isCloud(mp) && !out.generative.length) {
    // `--model_path` to a graph directory: the graph it serves
    const found = graphInModelDir(project, file, a.cmd, mp);
    const graph = found && 'hostFile' in found ? project.load(found.hostFile, 'mediapipe-graph') : undefined;
    const node = graph?.kind === 'mediapipe-graph' ? generativeNodes(graph)[0] : undefined;
    if (node) out.generative.push({ reason: `the graph of \`--model_path ${mp}\` runs ${node.calculator}`, related: { file: graph!.file.path, span: node.span, message: `${node.calculator}: a generative /v3 endpoint` } });
  }
  if (cp && !isCloud(cp)) {
    const hostPath = hostCandidates(project, file, a.cmd, cp).find((p) => project.host.stat(p)?.isFile);
    const doc = hostPath === undefined ? undefined : project.load(hostPath, 'ovms-config');
    if (doc?.kind === 'ovms-config') {
      out.config = doc;
      for (const { link, node } of generativeGraphs(doc, project)) {
        out.generative.push({ reason: `graph \`${link.name}\` runs ${node.calculator}`, related: { file: link.graph!.file.path, span: node.span, message: `${node.calculator}: a generative /v3 endpoint` } });
      }
      for (const m of modelsServedBy(project, doc)) if (isCloud(m.basePath)) out.cloudPaths.push(m.basePath);
    }
  }
  return out;
}
