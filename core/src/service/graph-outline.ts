import type { PbField, PbMessage, PbScalar } from '../pbtxt/ast';
import type { Span } from '../types';

/**
 * A light view of a graph's text-format tree for editor features: nodes with their streams.
 * (Rules use the full graph model of core/src/graph; the editor needs only names and spans.)
 */
export interface StreamRef {
  field: string;
  /** The whole `TAG:index:name` string. */
  raw: string;
  tag: string;
  name: string;
  /** Span of the string literal (quotes included). */
  span: Span;
  /** Span of the stream name inside the literal. */
  nameSpan: Span;
}

export interface OutlineNode {
  name?: string;
  calculator?: string;
  calculatorSpan?: Span;
  span: Span;
  /** The `node` field name (for a selection range when the node has no name). */
  keywordSpan: Span;
  message: PbMessage;
  streams: StreamRef[];
}

export interface GraphOutline {
  inputs: StreamRef[];
  outputs: StreamRef[];
  nodes: OutlineNode[];
}

export const STREAM_FIELDS = ['input_stream', 'output_stream', 'input_side_packet', 'output_side_packet'] as const;

function scalarsOf(f: PbField): PbScalar[] {
  const v = f.value;
  if (!v) return [];
  if (v.kind === 'scalar') return [v];
  if (v.kind === 'list') return v.items.filter((i): i is PbScalar => i.kind === 'scalar');
  return [];
}

/** `TAG:index:name`, `TAG:name` or `name`: the parts, with the name's span inside the literal. */
export function parseStream(field: string, s: PbScalar): StreamRef {
  const raw = String(s.value);
  const parts = raw.split(':');
  const name = parts[parts.length - 1]!;
  const tag = parts.length > 1 ? parts[0]! : '';
  const at = s.raw.lastIndexOf(name);
  const start = s.token === 'string' && at > 0 ? s.span.start + at : s.span.start;
  return { field, raw, tag, name, span: s.span, nameSpan: { start, end: start + (s.token === 'string' && at > 0 ? name.length : s.span.end - s.span.start) } };
}

export function graphOutline(root: PbMessage): GraphOutline {
  const out: GraphOutline = { inputs: [], outputs: [], nodes: [] };
  for (const f of root.fields) {
    if (f.name === 'input_stream') for (const s of scalarsOf(f)) out.inputs.push(parseStream(f.name, s));
    else if (f.name === 'output_stream') for (const s of scalarsOf(f)) out.outputs.push(parseStream(f.name, s));
    else if (f.name === 'node' && f.value?.kind === 'message') out.nodes.push(outlineNode(f, f.value));
  }
  return out;
}

function outlineNode(f: PbField, m: PbMessage): OutlineNode {
  const node: OutlineNode = { span: f.span, keywordSpan: f.nameSpan, message: m, streams: [] };
  for (const c of m.fields) {
    if (c.name === 'name' && c.value?.kind === 'scalar') node.name = String(c.value.value);
    else if (c.name === 'calculator' && c.value?.kind === 'scalar') {
      node.calculator = String(c.value.value);
      node.calculatorSpan = c.value.span;
    } else if ((STREAM_FIELDS as readonly string[]).includes(c.name)) for (const s of scalarsOf(c)) node.streams.push(parseStream(c.name, s));
  }
  return node;
}

/** The innermost field whose span contains `offset`, with the chain of enclosing fields. */
export function fieldPathAt(root: PbMessage, offset: number): PbField[] {
  const chain: PbField[] = [];
  let msg: PbMessage | undefined = root;
  while (msg) {
    const f: PbField | undefined = msg.fields.find((x) => x.span.start <= offset && offset <= x.span.end);
    if (!f) break;
    chain.push(f);
    const v: PbField['value'] = f.value;
    msg = v?.kind === 'message' ? v : v?.kind === 'list' ? (v.items.find((i: PbScalar | PbMessage) => i.kind === 'message' && i.span.start <= offset && offset <= i.span.end) as PbMessage | undefined) : undefined;
  }
  return chain;
}
