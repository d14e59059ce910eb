import type { ConfigDocument, GraphDocument, ParsedDocument } from '../documents';
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

/** Document links: paths in configs and graphs that exist on disk (files and directories). */
export function findDocumentLinks(doc: ParsedDocument, host: Host): ServiceDocumentLink[] {
  const refs = doc.kind === 'ovms-config' || doc.kind === 'subconfig' ? configPathRefs(doc, host) : doc.kind === 'mediapipe-graph' ? graphPathRefs(doc, host) : [];
  return refs.map((r) => ({ range: toRange(doc.file, r.span), target: r.target, tooltip: `Open ${r.key}` }));
}
