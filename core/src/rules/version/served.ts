/**
 * Which OVMS version serves a config.json, subconfig.json or graph: the image tag of a command
 * line that serves it (`docker run … openvino/model_server:2025.3 --config_path …`, compose,
 * Kubernetes) when the project has one, else the `ovmsVersion` setting. Version rules about
 * files (VER-003 config keys, VER-004 graph fields, GRAPH-012) ask here, so that a graph is
 * judged by the image that really runs it.
 */
import type { ParsedDocument } from '../../documents';
import { deploymentOf, type Deployment, type GraphLink } from '../../deployment';
import { compareVersions } from '../../flags/table';
import { versionOfTag } from '../../flags/values';
import type { RuleOptions } from '../../options';
import type { Project } from '../../project';
import type { RelatedLocation } from '../../types';
import { analyse } from '../commands/analysis';
import { hostCandidates, linkedDeployment } from '../commands/deployment-link';

export interface ServedVersion {
  /** e.g. `2026.3`. */
  version: string;
  /** The image that decided it (`openvino/model_server:2026.3-gpu`); undefined: the ovmsVersion setting. */
  image?: string;
  /** Where that image is written. */
  related?: RelatedLocation;
}

interface ServingImage {
  version: string;
  image: string;
  related: RelatedLocation;
}

const cache = new WeakMap<Project, { size: number; index: Map<string, ServingImage[]> }>();

/** Config and graph paths -> the pinned images of the command lines that serve them. */
function index(project: Project, options: RuleOptions): Map<string, ServingImage[]> {
  const hit = cache.get(project);
  if (hit && hit.size === project.documents().length) return hit.index;
  const out = new Map<string, ServingImage[]>();
  const add = (path: string, s: ServingImage) => {
    const list = out.get(path);
    if (!list) out.set(path, [s]);
    else if (!list.some((x) => x.related === s.related)) list.push(s);
  };
  for (const doc of project.documents()) {
    if (doc.kind !== 'command-lines') continue;
    for (const cmd of doc.commands) {
      const c = cmd.container;
      const version = versionOfTag(c?.tag);
      if (!c || !version || !c.image) continue;
      const s: ServingImage = { version, image: `${c.imageName ?? 'openvino/model_server'}:${c.tag}`, related: { file: doc.file.path, span: c.image.span, message: `the image serving it (OVMS ${version})` } };
      const a = analyse(cmd, options);
      const config = linkedDeployment(project, doc.file.path, a).config;
      if (config) add(config.file.path, s);
      const mp = a.str('model_path');
      if (mp && !a.has('config_path')) {
        for (const dir of hostCandidates(project, doc.file.path, cmd, mp)) add(`${dir.replace(/\/+$/, '')}/graph.pbtxt`, s);
      }
    }
  }
  cache.set(project, { size: project.documents().length, index: out });
  return out;
}

const subconfigs = new WeakMap<Deployment, Map<string, GraphLink[]>>();

function bySubconfig(d: Deployment): Map<string, GraphLink[]> {
  let m = subconfigs.get(d);
  if (m) return m;
  subconfigs.set(d, (m = new Map()));
  for (const l of d.graphs) {
    const p = l.subconfig?.file.path;
    if (p) m.set(p, [...(m.get(p) ?? []), l]);
  }
  return m;
}

/**
 * The OVMS version that serves `doc`; with several serving images the newest, since the version
 * rules about files ask about features a release removed.
 */
export function servedVersion(project: Project, doc: ParsedDocument, options: RuleOptions): ServedVersion {
  const idx = index(project, options);
  const path = doc.file.path;
  const images = [...(idx.get(path) ?? [])];
  const d = deploymentOf(project);
  const links = doc.kind === 'mediapipe-graph' ? (d.byGraph.get(path) ?? []) : doc.kind === 'subconfig' ? (bySubconfig(d).get(path) ?? []) : [];
  for (const link of links) images.push(...(idx.get(link.doc.file.path) ?? []));
  let best: ServingImage | undefined;
  for (const s of images) {
    if (!best || compareVersions(s.version, best.version) > 0) best = s;
  }
  return best ? { version: best.version, image: best.image, related: best.related } : { version: options.ovmsVersion };
}

/** "OVMS 2026.3 (image `openvino/model_server:2026.3`)" or "OVMS 2026.3 (the ovmsVersion setting)". */
export function describeVersion(v: ServedVersion): string {
  return v.image ? `OVMS ${v.version} (image \`${v.image}\`)` : `OVMS ${v.version} (the \`ovmsVersion\` setting)`;
}
