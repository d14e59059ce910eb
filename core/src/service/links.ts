import type { ConfigDocument, ParsedDocument } from '../documents';
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

/** Document links: paths in configs that exist on disk (files and directories). */
export function findDocumentLinks(doc: ParsedDocument, host: Host): ServiceDocumentLink[] {
  if (doc.kind === 'ovms-config' || doc.kind === 'subconfig') {
    return configPathRefs(doc, host).map((r) => ({ range: toRange(doc.file, r.span), target: r.target, tooltip: `Open ${r.key}` }));
  }
  return [];
}
