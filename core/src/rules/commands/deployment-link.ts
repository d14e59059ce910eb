import type { ConfigDocument } from '../../documents';
import { dirname, generativeGraphs, modelsServedBy, normalize, resolveFrom } from '../../deployment';
import type { Mount, OvmsCommand } from '../../flags/model';
import { isKnown, UNKNOWN } from '../../flags/words';
import type { Project } from '../../project';
import type { RelatedLocation } from '../../types';
import type { Analysis } from './analysis';
import { isCloudPath } from '../config/keys';

/**
 * The link from a command line to the files it serves: the config.json named by --config_path,
 * followed through volume mounts back to the host. What that config serves (its graphs — the
 * model-mesh `1/graph.pbtxt` layout included —, their subconfigs, its models, which graphs are
 * generative) comes from the deployment model (core/src/deployment), the one definition.
 */

export { isCloudPath };

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
export function hostCandidates(project: Project, file: string, cmd: OvmsCommand, path: string): string[] {
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
  if (mp && isCloudPath(mp)) out.cloudPaths.push(mp);
  const cp = a.str('config_path');
  if (cp && !isCloudPath(cp)) {
    const hostPath = hostCandidates(project, file, a.cmd, cp).find((p) => project.host.stat(p)?.isFile);
    const doc = hostPath === undefined ? undefined : project.load(hostPath, 'ovms-config');
    if (doc?.kind === 'ovms-config') {
      out.config = doc;
      for (const { link, node } of generativeGraphs(doc, project)) {
        out.generative.push({ reason: `graph \`${link.name}\` runs ${node.calculator}`, related: { file: link.graph!.file.path, span: node.span, message: `${node.calculator}: a generative /v3 endpoint` } });
      }
      for (const m of modelsServedBy(project, doc)) if (isCloudPath(m.basePath)) out.cloudPaths.push(m.basePath);
    }
  }
  return out;
}
