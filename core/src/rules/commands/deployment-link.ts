import type { ConfigDocument, GraphDocument, JsonNode } from '../../documents';
import type { Mount, OvmsCommand } from '../../flags/model';
import { isKnown, UNKNOWN } from '../../flags/words';
import { member } from '../../json/parse';
import type { PbMessage } from '../../pbtxt/ast';
import type { Project } from '../../project';
import type { RelatedLocation, Span } from '../../types';
import type { Analysis } from './analysis';
import { isCloudPath } from '../config/keys';

/**
 * The link from a command line to the files it serves: the config.json named by --config_path
 * (followed through volume mounts back to the host) and the graphs that config serves.
 * This is the one place command rules learn about configs and graphs; it switches to the
 * deployment model (core/src/deployment) once that exists on main.
 */

const GENERATIVE_CALCULATORS = new Set([
  'HttpLLMCalculator', 'EmbeddingsCalculatorOV', 'RerankCalculatorOV', 'ImageGenCalculator', 'S2tCalculator', 'T2sCalculator',
  'EmbeddingsCalculator', 'RerankCalculator', 'SpeechToTextCalculator', 'TextToSpeechCalculator',
]);

export { isCloudPath };

function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? p[0]! : p.slice(0, i);
}

function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (!(seg === '..' && abs)) out.push(seg);
  }
  return (abs ? '/' : '') + (out.join('/') || (abs ? '' : '.'));
}

function join(dir: string, p: string): string {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? normalize(p) : normalize(`${dir}/${p}`);
}

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
  if (!cmd.container || cmd.container.engine === 'dockerfile') {
    return path.startsWith('/') ? [normalize(path)] : [join(fileDir, path)];
  }
  const m = mountOf(cmd, path);
  if (!m || m.type === 'tmpfs' || m.source === undefined || m.type === 'volume') return [];
  const rest = path.slice(m.target!.replace(/\/+$/, '').length);
  const src = m.source;
  if (isKnown(src)) return [join(fileDir, src) + rest];
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
    for (const hostPath of hostCandidates(project, file, a.cmd, cp)) {
      if (!project.host.stat(hostPath)?.isFile) continue;
      const doc = project.load(hostPath, 'ovms-config');
      if (doc && (doc.kind === 'ovms-config' || doc.kind === 'subconfig')) {
        out.config = doc;
        readConfig(project, doc, out);
      }
      break;
    }
  }
  return out;
}

function str(n: JsonNode | undefined): string | undefined {
  return n && n.type === 'string' ? (n.value as string) : undefined;
}

function readConfig(project: Project, doc: ConfigDocument, out: LinkedDeployment): void {
  const root = doc.root;
  const dir = dirname(doc.file.path);
  const entries: { name: string; base?: string; graph?: string; node: JsonNode }[] = [];
  for (const item of member(root, 'mediapipe_config_list')?.children ?? []) {
    const name = str(member(item, 'name'));
    if (!name) continue;
    entries.push({ name, base: str(member(item, 'base_path')) ?? name, graph: str(member(item, 'graph_path')) ?? 'graph.pbtxt', node: item });
  }
  for (const item of member(root, 'model_config_list')?.children ?? []) {
    const cfg = member(item, 'config');
    const name = str(member(cfg, 'name'));
    const base = str(member(cfg, 'base_path'));
    if (base && isCloudPath(base)) out.cloudPaths.push(base);
    if (!name || !base || isCloudPath(base)) continue;
    entries.push({ name, base, graph: str(member(cfg, 'graph_path')) ?? 'graph.pbtxt', node: cfg! });
  }
  for (const e of entries) {
    const baseDir = join(dir, e.base!);
    const graphPath = join(baseDir, e.graph!);
    if (!project.host.stat(graphPath)?.isFile) continue;
    const graph = project.load(graphPath, 'mediapipe-graph');
    if (!graph || graph.kind !== 'mediapipe-graph') continue;
    const calc = generativeCalculator(graph);
    if (calc) {
      out.generative.push({
        reason: `graph \`${e.name}\` runs ${calc.name}`,
        related: { file: graph.file.path, span: calc.span, message: `${calc.name}: a generative /v3 endpoint` },
      });
    }
  }
}

/** The first generative calculator a graph runs (from its syntax tree). */
function generativeCalculator(graph: GraphDocument): { name: string; span: Span } | undefined {
  const visit = (m: PbMessage): { name: string; span: Span } | undefined => {
    for (const f of m.fields) {
      if (f.name === 'node') {
        const nodes = f.value?.kind === 'list' ? f.value.items : f.value ? [f.value] : [];
        for (const n of nodes) {
          if (n.kind !== 'message') continue;
          for (const g of n.fields) {
            if (g.name === 'calculator' && g.value?.kind === 'scalar' && GENERATIVE_CALCULATORS.has(String(g.value.value))) return { name: String(g.value.value), span: g.value.span };
          }
        }
      }
    }
    return undefined;
  };
  return visit(graph.ast.root);
}
