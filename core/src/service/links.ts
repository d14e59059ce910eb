import type { CommandsDocument, ConfigDocument, GraphDocument, ParsedDocument } from '../documents';
import { isKnown, subSpan } from '../flags/words';
import { hostCandidates } from '../rules/commands/deployment-link';
import { dirname, resolvePath } from './paths';
import type { Host } from '../host';
import { configEntries, resolveEntryPath } from './config-entries';
import { toRange } from './positions';
import type { ServiceDocumentLink } from './types';
import type { Span } from '../types';

/** A path-valued string of a document and the local file or directory it names. */
export interface PathRef {
  span: Span;
  target: string;
  key: string;
}

/** Path references of a config.json: base_path, graph_path, subconfig, library paths (existing targets only). */
export function configPathRefs(doc: ConfigDocument, host: Host): PathRef[] {
  const out: PathRef[] = [];
  for (const e of configEntries(doc)) {
    for (const p of e.paths) {
      const target = resolveEntryPath(doc.file.path, e, p.key);
      if (target && host.stat(target)) out.push({ span: { start: p.span.start + 1, end: p.span.end - 1 }, target, key: p.key });
    }
  }
  return out;
}

/** Option fields of OVMS calculators that name a path relative to the graph's directory. */
const GRAPH_PATH_FIELDS = new Set(['models_path', 'draft_models_path', 'handler_path']);

/** Path-valued option fields of a graph (models_path, handler_path, …) whose targets exist. */
export function graphPathRefs(doc: GraphDocument, host: Host): PathRef[] {
  const out: PathRef[] = [];
  const dir = dirname(doc.file.path);
  const stack = [doc.ast.root];
  while (stack.length) {
    const m = stack.pop()!;
    for (const f of m.fields) {
      const v = f.value;
      if (v?.kind === 'message') stack.push(v);
      else if (v?.kind === 'list') {
        for (const i of v.items) if (i.kind === 'message') stack.push(i);
      } else if (v?.kind === 'scalar' && v.token === 'string' && GRAPH_PATH_FIELDS.has(f.name)) {
        const value = String(v.value);
        if (!value || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
        const target = resolvePath(dir, value);
        if (host.stat(target)) out.push({ span: { start: v.span.start + 1, end: v.span.end - 1 }, target, key: f.name });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** OVMS flags whose value is a path OVMS opens (inside the container, when there is one). */
const COMMAND_PATH_FLAGS = new Set([
  'config_path', 'model_path', 'model_repository_path', 'api_key_file', 'cpu_extension', 'cache_dir', 'log_path', 'trace_path', 'allowed_local_media_path',
]);

/**
 * Path-valued flags of command lines whose host file or directory exists: in a container the
 * path is followed back through the volume mounts (`-v ./models:/models`, compose volumes,
 * k8s hostPath) the same way the command rules follow it.
 */
export function commandPathRefs(doc: CommandsDocument, host: Host): PathRef[] {
  const out: PathRef[] = [];
  for (const cmd of doc.commands) {
    for (const u of cmd.args.uses) {
      const w = u.value;
      if (!w || !w.value || !isKnown(w) || !COMMAND_PATH_FLAGS.has(u.name) || /^[a-z][a-z0-9+.-]*:\/\//i.test(w.value)) continue;
      // allowed_local_media_path may list several directories; the others name one path
      const target = hostCandidates({ host }, doc.file.path, cmd, w.value).find((c) => host.stat(c));
      if (target) out.push({ span: subSpan(w, 0), target, key: u.name });
    }
  }
  return out;
}

/** Document links: paths in configs, graphs and command lines that exist on disk (files and directories). */
export function findDocumentLinks(doc: ParsedDocument, host: Host): ServiceDocumentLink[] {
  const refs = pathRefs(doc, host);
  return refs.map((r) => ({ range: toRange(doc.file, r.span), target: r.target, tooltip: `Open ${r.key}` }));
}

/** The path references of any document. */
export function pathRefs(doc: ParsedDocument, host: Host): PathRef[] {
  switch (doc.kind) {
    case 'ovms-config':
    case 'subconfig':
      return configPathRefs(doc, host);
    case 'mediapipe-graph':
      return graphPathRefs(doc, host);
    case 'command-lines':
      return commandPathRefs(doc, host);
    default:
      return [];
  }
}
