/**
 * The MediaPipe graph model: what a graph.pbtxt declares, read from the text-format AST once per
 * document (memoised) in one pass. Names are parsed with MediaPipe's rules (names.ts); nothing
 * here judges: rules do (core/src/rules/mp, core/src/rules/graph).
 */
import type { GraphDocument } from '../documents';
import type { PbField, PbMessage, PbScalar } from '../pbtxt/ast';
import type { Span } from '../types';
import { bracketedTypeName, fieldsNamed, lastField, messagesOf, numberOf, scalarsOf, stringOf, type StringAt } from './pb';
import { parseTagIndex, parseTagIndexName, scanTagIndexName, type TagIndex } from './names';

export type PortKind = 'input_stream' | 'output_stream' | 'input_side_packet' | 'output_side_packet';

/** One entry of a stream or side-packet list (`TAG:index:name`). */
export interface PortRef {
  kind: PortKind;
  raw: string;
  span: Span;
  /** Undefined for graph-level entries. */
  node: GraphNode | undefined;
  /** Set when the entry breaks MediaPipe's grammar; tag/index/name are then best effort. */
  error?: string;
  tag: string;
  /** The index in its tag: explicit, 0 for `TAG:name`, or the position among untagged entries. */
  index: number;
  name: string;
}

export interface StreamInfo {
  span: Span;
  tagIndex: StringAt | undefined;
  parsed: TagIndex | undefined;
  error?: string;
  backEdge: boolean;
}

export interface SyncSet {
  span: Span;
  tagIndices: StringAt[];
}

export interface HandlerConfig {
  span: Span;
  /** `input_stream_handler: "…"` / `output_stream_handler: "…"`; undefined = the default handler. */
  name: StringAt | undefined;
  syncSets: SyncSet[];
  /** Whether a SyncSetInputStreamHandlerOptions payload is present at all. */
  hasSyncSetOptions: boolean;
  timestampBase: StringAt | undefined;
}

export interface OptionsPayload {
  /** Full message name, e.g. `mediapipe.LLMCalculatorOptions`. */
  typeName: string;
  field: PbField;
  payload: PbMessage | undefined;
  /** `node_options` (Any) or `options` (proto2 extension). */
  via: 'node_options' | 'options';
}

export interface GraphNode {
  /** Position among the graph's nodes (0-based). */
  id: number;
  message: PbMessage;
  span: Span;
  /** The `node` keyword's span, a short anchor for node-wide findings. */
  keySpan: Span;
  name: StringAt | undefined;
  calculator: StringAt | undefined;
  inputs: PortRef[];
  outputs: PortRef[];
  inputSidePackets: PortRef[];
  outputSidePackets: PortRef[];
  streamInfos: StreamInfo[];
  executor: StringAt | undefined;
  /** The node's own handler; see `effectiveInputHandler` for the graph default. */
  inputStreamHandler: HandlerConfig | undefined;
  outputStreamHandler: HandlerConfig | undefined;
  nodeOptions: OptionsPayload[];
  options: OptionsPayload[];
  /** Calculator-only fields present (subgraph expansion rejects them): field name spans. */
  calculatorOnlyFields: PbField[];
  /** For messages: `"name"` (Calculator) or `#3 (Calculator)`. */
  label: string;
}

export interface ExecutorDecl {
  span: Span;
  keySpan: Span;
  name: StringAt | undefined;
  type: StringAt | undefined;
  /** ThreadPoolExecutorOptions.num_threads, when given. */
  numThreads: { value: number | undefined; span: Span } | undefined;
}

export interface QueueDirective {
  /** The value token as written (`AUTO`, `4`, `-1`, `x`). */
  value: string;
  valueSpan: Span;
  span: Span;
}

export interface GraphModel {
  doc: GraphDocument;
  root: PbMessage;
  inputs: PortRef[];
  outputs: PortRef[];
  inputSidePackets: PortRef[];
  outputSidePackets: PortRef[];
  nodes: GraphNode[];
  executors: ExecutorDecl[];
  numThreads: { value: number | undefined; span: Span } | undefined;
  inputStreamHandler: HandlerConfig | undefined;
  outputStreamHandler: HandlerConfig | undefined;
  /** The `# OVMS_GRAPH_QUEUE_MAX_SIZE: …` directive OVMS recognises (first match), if any. */
  queue: QueueDirective | undefined;
  /** Comments that mention the directive but that OVMS's regex does not match. */
  queueNearMisses: Span[];
  /** Top-level `type:`: the file defines a subgraph. */
  type: StringAt | undefined;
}

const cache = new WeakMap<GraphDocument, GraphModel>();

/** The graph model of a document, built once. */
export function graphModel(doc: GraphDocument): GraphModel {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = buildModel(doc)));
  return m;
}

const listsCache = new WeakMap<GraphModel, PortRef[][]>();

/** Every port list of the graph (graph inputs/outputs, then each node's four lists), non-empty ones only. */
export function portLists(model: GraphModel): PortRef[][] {
  let lists = listsCache.get(model);
  if (!lists) {
    lists = [];
    if (model.inputs.length) lists.push(model.inputs);
    if (model.outputs.length) lists.push(model.outputs);
    for (const n of model.nodes) {
      if (n.inputs.length) lists.push(n.inputs);
      if (n.outputs.length) lists.push(n.outputs);
      if (n.inputSidePackets.length) lists.push(n.inputSidePackets);
      if (n.outputSidePackets.length) lists.push(n.outputSidePackets);
    }
    listsCache.set(model, lists);
  }
  return lists;
}

/** The input stream handler a node runs with: its own, else the graph-level one (copied by MediaPipe). */
export function effectiveInputHandler(model: GraphModel, node: GraphNode): HandlerConfig | undefined {
  return node.inputStreamHandler ?? model.inputStreamHandler;
}

/** The options payload of a given type: node_options first, then options. */
export function optionsOf(node: GraphNode, typeName: string): OptionsPayload | undefined {
  return node.nodeOptions.find((o) => o.typeName === typeName) ?? node.options.find((o) => o.typeName === typeName);
}

// Calculator-only fields (subgraph expansion rejects them): source_layer, buffer_size_hint,
// output_stream_handler, input_stream_info — collected in buildNode's single pass.

/** A PortRef over its AST scalar: span and raw text are read on access (graphs have many entries). */
class Port implements PortRef {
  error?: string;
  constructor(
    readonly kind: PortKind,
    private readonly scalar: PbScalar,
    readonly node: GraphNode | undefined,
    readonly tag: string,
    readonly index: number,
    readonly name: string,
  ) {}
  get span(): Span {
    return this.scalar.span;
  }
  get raw(): string {
    return String(this.scalar.value);
  }
}

function addPort(out: PortRef[], kind: PortKind, s: PbScalar, node: GraphNode | undefined, untagged: number): number {
  const raw = String(s.value);
  const v = scanTagIndexName(raw);
  if (v) {
    out.push(new Port(kind, s, node, v.tag, v.tag === '' ? untagged++ : v.index, v.name));
  } else {
    const p = parseTagIndexName(raw);
    if (p.ok) throw new Error(`internal: the TAG:index:name scanner refused the valid entry "${raw}"`);
    const parts = raw.split(':');
    const port = new Port(kind, s, node, parts.length > 1 ? parts[0]! : '', 0, parts[parts.length - 1]!);
    port.error = p.error;
    out.push(port);
  }
  return untagged;
}

/** The entries of one stream/side-packet list field of `msg`, in order (untagged ones numbered by position). */
function ports(msg: PbMessage, field: PortKind, node: GraphNode | undefined): PortRef[] {
  const out: PortRef[] = [];
  let untagged = 0;
  for (const f of msg.fields) {
    if (f.name !== field || f.bracketed) continue;
    untagged = addPorts(out, field, f, node, untagged);
  }
  return out;
}

function addPorts(out: PortRef[], kind: PortKind, f: PbField, node: GraphNode | undefined, untagged: number): number {
  const v = f.value;
  if (v?.kind === 'scalar') return addPort(out, kind, v, node, untagged);
  if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'scalar') untagged = addPort(out, kind, i, node, untagged);
  return untagged;
}

const NO_PAYLOADS = Object.freeze([]) as unknown as OptionsPayload[];

function payloads(msg: PbMessage, fieldName: 'node_options' | 'options'): OptionsPayload[] {
  let out = NO_PAYLOADS;
  for (const f of msg.fields) {
    if (f.name !== fieldName || f.bracketed) continue;
    for (const container of messagesOf(f)) {
      for (const inner of container.fields) {
        if (!inner.bracketed) continue;
        const payload = inner.value?.kind === 'message' ? inner.value : undefined;
        if (out === NO_PAYLOADS) out = [];
        out.push({ typeName: typeNameOf(inner), field: inner, payload, via: fieldName });
      }
    }
  }
  return out;
}

// The same option type is named on every node: one string per distinct bracketed name.
const typeNames = new Map<string, string>();
function typeNameOf(f: PbField): string {
  const key = f.bracketed === 'any' ? `any:${f.name}` : f.name;
  let t = typeNames.get(key);
  if (t === undefined) {
    t = bracketedTypeName(f);
    if (typeNames.size < 10_000) typeNames.set(key, t);
  }
  return t;
}

function handler(msg: PbMessage, fieldName: 'input_stream_handler' | 'output_stream_handler'): HandlerConfig | undefined {
  const f = lastField(msg, fieldName);
  return f ? handlerOf(f, fieldName) : undefined;
}

function handlerOf(f: PbField, fieldName: 'input_stream_handler' | 'output_stream_handler'): HandlerConfig | undefined {
  const body = messagesOf(f)[0];
  if (!body) return undefined;
  const h: HandlerConfig = { span: f.span, name: stringOf(body, fieldName), syncSets: [], hasSyncSetOptions: false, timestampBase: undefined };
  for (const p of payloads(body, 'options')) {
    if (!p.payload) continue;
    if (p.typeName === 'mediapipe.SyncSetInputStreamHandlerOptions') {
      h.hasSyncSetOptions = true;
      for (const sf of fieldsNamed(p.payload, 'sync_set')) {
        for (const set of messagesOf(sf)) {
          const tagIndices: StringAt[] = [];
          for (const t of fieldsNamed(set, 'tag_index')) for (const s of scalarsOf(t)) tagIndices.push({ value: String(s.value), span: s.span });
          h.syncSets.push({ span: sf.span, tagIndices });
        }
      }
    } else if (p.typeName === 'mediapipe.TimestampAlignInputStreamHandlerOptions') {
      h.timestampBase = stringOf(p.payload, 'timestamp_base_tag_index');
    }
  }
  return h;
}

function keySpanOf(f: PbField): Span {
  return f.nameSpan;
}

function lastScalarString(f: PbField | undefined): StringAt | undefined {
  if (!f) return undefined;
  const v = f.value;
  let s: PbScalar | undefined;
  if (v?.kind === 'scalar') s = v;
  else if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'scalar') s = i;
  return s ? { value: String(s.value), span: s.span } : undefined;
}

/** One pass over the node's fields; singular fields keep their last occurrence, as protobuf does. */
function buildNode(f: PbField, msg: PbMessage, id: number): GraphNode {
  let nameF: PbField | undefined;
  let calcF: PbField | undefined;
  let execF: PbField | undefined;
  let ishF: PbField | undefined;
  let oshF: PbField | undefined;
  const infoFields: PbField[] = [];
  const calculatorOnlyFields: PbField[] = [];
  let hasOptions = false;
  for (const x of msg.fields) {
    if (x.bracketed) continue;
    switch (x.name) {
      case 'name':
        nameF = x;
        break;
      case 'calculator':
        calcF = x;
        break;
      case 'executor':
        execF = x;
        break;
      case 'input_stream_handler':
        ishF = x;
        break;
      case 'output_stream_handler':
        oshF = x;
        calculatorOnlyFields.push(x);
        break;
      case 'input_stream_info':
        infoFields.push(x);
        calculatorOnlyFields.push(x);
        break;
      case 'source_layer':
      case 'buffer_size_hint':
        calculatorOnlyFields.push(x);
        break;
      case 'node_options':
      case 'options':
        hasOptions = true;
        break;
    }
  }
  const name = lastScalarString(nameF);
  const calculator = lastScalarString(calcF);
  const node: GraphNode = {
    id,
    message: msg,
    span: f.span,
    keySpan: keySpanOf(f),
    name,
    calculator,
    inputs: [],
    outputs: [],
    inputSidePackets: [],
    outputSidePackets: [],
    streamInfos: [],
    executor: lastScalarString(execF),
    inputStreamHandler: ishF ? handlerOf(ishF, 'input_stream_handler') : undefined,
    outputStreamHandler: oshF ? handlerOf(oshF, 'output_stream_handler') : undefined,
    nodeOptions: hasOptions ? payloads(msg, 'node_options') : [],
    options: hasOptions ? payloads(msg, 'options') : [],
    calculatorOnlyFields,
    label: name?.value ? `"${name.value}"${calculator ? ` (${calculator.value})` : ''}` : `#${id + 1}${calculator ? ` (${calculator.value})` : ''}`,
  };
  // the four port lists in one more pass (untagged entries are numbered per list)
  let ui = 0;
  let uo = 0;
  let uis = 0;
  let uos = 0;
  for (const x of msg.fields) {
    if (x.bracketed) continue;
    switch (x.name) {
      case 'input_stream':
        ui = addPorts(node.inputs, 'input_stream', x, node, ui);
        break;
      case 'output_stream':
        uo = addPorts(node.outputs, 'output_stream', x, node, uo);
        break;
      case 'input_side_packet':
        uis = addPorts(node.inputSidePackets, 'input_side_packet', x, node, uis);
        break;
      case 'output_side_packet':
        uos = addPorts(node.outputSidePackets, 'output_side_packet', x, node, uos);
        break;
    }
  }
  node.inputs = exact(node.inputs);
  node.outputs = exact(node.outputs);
  node.inputSidePackets = exact(node.inputSidePackets);
  node.outputSidePackets = exact(node.outputSidePackets);
  node.calculatorOnlyFields = exact(calculatorOnlyFields);
  if (node.nodeOptions !== NO_PAYLOADS) node.nodeOptions = exact(node.nodeOptions);
  if (node.options !== NO_PAYLOADS) node.options = exact(node.options);
  for (const sf of infoFields) {
    for (const info of messagesOf(sf)) {
      const tagIndex = stringOf(info, 'tag_index');
      const backEdgeField = lastField(info, 'back_edge');
      const be = backEdgeField?.value?.kind === 'scalar' ? String(backEdgeField.value.value) : undefined;
      const si: StreamInfo = { span: sf.span, tagIndex, parsed: undefined, backEdge: be === 'true' || be === 'True' || be === 't' || be === '1' };
      const p = parseTagIndex(tagIndex?.value ?? '');
      if (p.ok) si.parsed = p.value;
      else si.error = p.error;
      node.streamInfos.push(si);
    }
  }
  node.streamInfos = exact(node.streamInfos);
  return node;
}

// A graph has tens of thousands of small lists. A list grown by push keeps spare slots (17 after
// the first push), so lists are copied to their exact size, and empty ones share one frozen array.
const EMPTY = Object.freeze([]) as unknown as never[];
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? EMPTY : list.slice();
}

const QUEUE_RE = /(?:^|\n)\s*#\s*OVMS_GRAPH_QUEUE_MAX_SIZE\s*:\s*(\S+)\s*(?:\r?\n|$)/;

function buildModel(doc: GraphDocument): GraphModel {
  const root = doc.ast.root;
  const model: GraphModel = {
    doc,
    root,
    inputs: ports(root, 'input_stream', undefined),
    outputs: ports(root, 'output_stream', undefined),
    inputSidePackets: ports(root, 'input_side_packet', undefined),
    outputSidePackets: ports(root, 'output_side_packet', undefined),
    nodes: [],
    executors: [],
    numThreads: undefined,
    inputStreamHandler: handler(root, 'input_stream_handler'),
    outputStreamHandler: handler(root, 'output_stream_handler'),
    queue: undefined,
    queueNearMisses: [],
    type: stringOf(root, 'type'),
  };
  for (const f of fieldsNamed(root, 'node')) for (const msg of messagesOf(f)) model.nodes.push(buildNode(f, msg, model.nodes.length));
  const nt = lastField(root, 'num_threads');
  if (nt?.value?.kind === 'scalar') model.numThreads = { value: numberOf(nt.value), span: nt.value.span };
  for (const f of fieldsNamed(root, 'executor')) {
    for (const msg of messagesOf(f)) {
      const e: ExecutorDecl = { span: f.span, keySpan: f.nameSpan, name: stringOf(msg, 'name'), type: stringOf(msg, 'type'), numThreads: undefined };
      for (const p of payloads(msg, 'options')) {
        if (p.typeName !== 'mediapipe.ThreadPoolExecutorOptions' || !p.payload) continue;
        const n = lastField(p.payload, 'num_threads');
        e.numThreads = n?.value?.kind === 'scalar' ? { value: numberOf(n.value), span: n.value.span } : { value: undefined, span: p.field.nameSpan };
      }
      model.executors.push(e);
    }
  }
  // The queue directive: OVMS matches the raw text (mediapipegraphdefinition.cpp:119-122).
  const text = doc.file.text;
  const m = QUEUE_RE.exec(text);
  let matchedAt = -1;
  if (m) {
    const valueStart = m.index + m[0].lastIndexOf(m[1]!, m[0].length);
    const hash = text.indexOf('#', m.index);
    matchedAt = hash;
    const lineEnd = text.indexOf('\n', hash);
    model.queue = { value: m[1]!, valueSpan: { start: valueStart, end: valueStart + m[1]!.length }, span: { start: hash, end: (lineEnd < 0 ? text.length : lineEnd) } };
  }
  for (const c of doc.ast.comments) {
    if (c.span.start !== matchedAt && /OVMS_GRAPH_QUEUE_MAX_SIZE/.test(c.text) && !model.queue) model.queueNearMisses.push(c.span);
  }
  return model;
}
