import type { GraphDocument, ParsedDocument } from '../documents';
import type { Host } from '../host';
import { configEntries } from './config-entries';
import { graphOutline } from './graph-outline';
import { pathRefs } from './links';
import { contains, toRange } from './positions';
import type { LspRange, ServiceLocationLink } from './types';

const ZERO: LspRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Go to definition: a config's graph_path/subconfig/base_path → the file; a command line's
 * --config_path, --api_key_file, … → the host file (through the container's mounts); in a
 * graph, a stream → the node (or graph input) that produces it, a servable_name → its model
 * entry in the configs that own the graph.
 */
export function findDefinition(doc: ParsedDocument, offset: number, host: Host, owners: () => ParsedDocument[]): ServiceLocationLink[] {
  if (doc.kind === 'ovms-config' || doc.kind === 'subconfig' || doc.kind === 'command-lines') return fileDefinition(doc, offset, host);
  if (doc.kind === 'mediapipe-graph') return graphDefinition(doc, offset, owners);
  return [];
}

function fileDefinition(doc: ParsedDocument, offset: number, host: Host): ServiceLocationLink[] {
  const ref = pathRefs(doc, host).find((r) => contains(r.span, offset));
  if (!ref || !host.stat(ref.target)?.isFile) return [];
  return [{ originSelectionRange: toRange(doc.file, ref.span), targetPath: ref.target, targetRange: ZERO, targetSelectionRange: ZERO }];
}

function graphDefinition(doc: GraphDocument, offset: number, owners: () => ParsedDocument[]): ServiceLocationLink[] {
  const g = graphOutline(doc.ast.root);
  const file = doc.file;
  // a stream: jump to its producer (a node's output or the graph's input)
  const all = [...g.inputs, ...g.outputs, ...g.nodes.flatMap((n) => n.streams)];
  const at = all.find((s) => contains(s.span, offset));
  if (at) {
    const producing = at.field.endsWith('side_packet') ? 'output_side_packet' : 'output_stream';
    const producers = [
      ...(producing === 'output_stream' ? g.inputs : []),
      ...g.nodes.flatMap((n) => n.streams.filter((s) => s.field === producing).map((s) => ({ s, n }))).map(({ s }) => s),
    ].filter((s) => s.name === at.name && s !== at);
    return producers.map((s) => {
      const node = g.nodes.find((n) => n.streams.includes(s));
      return {
        originSelectionRange: toRange(file, at.nameSpan),
        targetPath: file.path,
        targetRange: toRange(file, node ? node.span : s.span),
        targetSelectionRange: toRange(file, s.nameSpan),
      };
    });
  }
  // servable_name: "<model>" in a node's options → the model entry of the owning config/subconfig
  const servable = findServableName(doc, offset);
  if (servable) {
    const out: ServiceLocationLink[] = [];
    for (const c of owners()) {
      if (c.kind !== 'ovms-config' && c.kind !== 'subconfig') continue;
      for (const e of configEntries(c)) {
        if (e.section !== 'model' || e.name !== servable.name) continue;
        out.push({ originSelectionRange: toRange(file, servable.span), targetPath: c.file.path, targetRange: toRange(c.file, e.span), targetSelectionRange: toRange(c.file, e.nameSpan) });
      }
    }
    return out;
  }
  return [];
}

function findServableName(doc: GraphDocument, offset: number): { name: string; span: { start: number; end: number } } | undefined {
  const stack = [doc.ast.root];
  while (stack.length) {
    const m = stack.pop()!;
    for (const f of m.fields) {
      if (f.span.start > offset || f.span.end < offset) continue;
      if (f.name === 'servable_name' && f.value?.kind === 'scalar') return { name: String(f.value.value), span: f.value.span };
      if (f.value?.kind === 'message') stack.push(f.value);
      else if (f.value?.kind === 'list') for (const i of f.value.items) if (i.kind === 'message') stack.push(i);
    }
  }
  return undefined;
}

/** The configs (and subconfigs) a graph belongs to, parsed from their current text. */
export function parseOwners(paths: string[], read: (p: string) => ParsedDocument | undefined): ParsedDocument[] {
  return paths.map(read).filter((d): d is ParsedDocument => d !== undefined);
}
