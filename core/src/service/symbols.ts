import type { ParsedDocument } from '../documents';
import { configEntries } from './config-entries';
import { graphOutline } from './graph-outline';
import { toRange } from './positions';
import { SymbolKind, type ServiceDocumentSymbol } from './types';

const SECTION_KIND = { model: SymbolKind.Class, graph: SymbolKind.Namespace, pipeline: SymbolKind.Function, library: SymbolKind.Package, loader: SymbolKind.Module } as const;

/** The outline: models, graphs and pipelines of a config; nodes and their streams in a graph. */
export function findDocumentSymbols(doc: ParsedDocument): ServiceDocumentSymbol[] {
  const file = doc.file;
  if (doc.kind === 'ovms-config' || doc.kind === 'subconfig') {
    return configEntries(doc).map((e) => ({
      name: e.name,
      detail: e.section,
      kind: SECTION_KIND[e.section],
      range: toRange(file, e.span),
      selectionRange: toRange(file, e.nameSpan),
      ...(e.children.length
        ? { children: e.children.map((c) => ({ name: c.name, ...(c.detail ? { detail: c.detail } : {}), kind: SymbolKind.Method, range: toRange(file, c.span), selectionRange: toRange(file, c.nameSpan) })) }
        : {}),
    }));
  }
  if (doc.kind === 'mediapipe-graph') {
    const g = graphOutline(doc.ast.root);
    const io = [...g.inputs, ...g.outputs].map((s) => ({
      name: s.raw,
      detail: s.field === 'input_stream' ? 'graph input' : 'graph output',
      kind: SymbolKind.Event,
      range: toRange(file, s.span),
      selectionRange: toRange(file, s.nameSpan),
    }));
    const nodes = g.nodes.map((n) => ({
      name: n.name ?? n.calculator ?? 'node',
      ...(n.calculator ? { detail: n.calculator } : {}),
      kind: SymbolKind.Class,
      range: toRange(file, n.span),
      selectionRange: toRange(file, n.calculatorSpan ?? n.keywordSpan),
      children: n.streams.map((s) => ({ name: s.raw, detail: s.field, kind: SymbolKind.Event, range: toRange(file, s.span), selectionRange: toRange(file, s.nameSpan) })),
    }));
    return [...io, ...nodes];
  }
  return [];
}
