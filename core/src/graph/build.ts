/**
 * Building the graph model from the text-format AST: one pass over the graph's fields, and per
 * node one pass for its settings and one for its port lists. Allocation is kept low on purpose:
 * graphs of tens of thousands of nodes are linted in editors on every edit.
 */
import type { GraphDocument } from '../documents';
import type { PbField, PbMessage, PbScalar } from '../pbtxt/ast';
import { ScalarNode } from '../pbtxt/nodes';
import type { Span } from '../types';
import { bracketedTypeName, fieldsNamed, firstMessageOf, lastField, messagesOf, numberOf, scalarsOf, stringAt, stringOf, type StringAt } from './pb';
import { parseTagIndex, parseTagIndexName, scanEntry, scanned } from './names';
import type { ExecutorDecl, GraphModel, GraphNode, HandlerConfig, OptionsPayload, PortKind, PortRef, StreamInfo, SyncSet } from './types';
import { exactCopy } from '../text/exact';

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

/**
 * Collects one port list. Lists hold a few entries and a graph has tens of thousands of them: a
 * fresh array per list would grow to 17 slots on its first push and then be copied to its exact
 * size; four collectors are reused instead, and `take` copies out each list at its exact size.
 */
class Collector {
  private items: PortRef[] = [];
  private n = 0;
  add(p: PortRef): void {
    this.items[this.n++] = p;
  }
  take(): PortRef[] {
    const out = this.n === 0 ? EMPTY : exactCopy(this.items, 0, this.n);
    this.n = 0;
    return out;
  }
  /** Drop the references to the last graph's ports (the collectors outlive the build). */
  release(): void {
    this.items = [];
    this.n = 0;
  }
}

const collectors: Record<PortKind, Collector> = {
  input_stream: new Collector(),
  output_stream: new Collector(),
  input_side_packet: new Collector(),
  output_side_packet: new Collector(),
};

function addPort(out: Collector, kind: PortKind, s: PbScalar, node: GraphNode | undefined, untagged: number): number {
  // an entry written as one plain literal is scanned in the source: its value string is not made
  const plain = s instanceof ScalarNode && s.plainSource !== undefined ? s : undefined;
  if (plain ? scanEntry(plain.plainSource!, plain.s + 1, plain.e - 1) : scanEntry(String(s.value))) {
    out.add(new Port(kind, s, node, scanned.tag, scanned.tag === '' ? untagged++ : scanned.index, scanned.name));
  } else {
    const raw = String(s.value);
    const p = parseTagIndexName(raw);
    if (p.ok) throw new Error(`internal: the TAG:index:name scanner refused the valid entry "${raw}"`);
    const parts = raw.split(':');
    const port = new Port(kind, s, node, parts.length > 1 ? parts[0]! : '', 0, parts[parts.length - 1]!);
    port.error = p.error;
    out.add(port);
  }
  return untagged;
}

/** The entries of one stream/side-packet list field of `msg`, in order (untagged ones numbered by position). */
function ports(msg: PbMessage, field: PortKind, node: GraphNode | undefined): PortRef[] {
  const out = collectors[field];
  let untagged = 0;
  for (const f of msg.fields) {
    if (f.name !== field || f.bracketed) continue;
    untagged = addPorts(out, field, f, node, untagged);
  }
  return out.take();
}

function addPorts(out: Collector, kind: PortKind, f: PbField, node: GraphNode | undefined, untagged: number): number {
  const v = f.value;
  if (v?.kind === 'scalar') return addPort(out, kind, v, node, untagged);
  if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'scalar') untagged = addPort(out, kind, i, node, untagged);
  return untagged;
}

// A graph has tens of thousands of small lists. A list grown by push keeps spare slots (17 after
// the first push), so lists are copied to their exact size, and empty ones share one array. It is
// not frozen: V8 iterates a frozen array with for-of through the generic iterator protocol, an
// iterator and a result object per step, and every rule loops over these lists (freezing cost 11
// MB of garbage per lint of the 10,000-node graph). The model is read-only by contract; a test
// checks that the shared lists stay empty after every rule has run over every fixture.
const EMPTY: never[] = [];
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? EMPTY : exactCopy(list, 0, list.length);
}

const NO_PAYLOADS: OptionsPayload[] = [];

// Payloads are collected in one reused list and copied out at their exact size (as the ports).
const payloadItems: OptionsPayload[] = [];

function payloads(msg: PbMessage, fieldName: 'node_options' | 'options'): OptionsPayload[] {
  let entry = 0;
  for (const f of msg.fields) {
    if (f.name !== fieldName || f.bracketed) continue;
    // one message, or a list of them (no array per field for the usual single message)
    const v = f.value;
    if (v?.kind === 'message') addPayloads(v, fieldName, entry++);
    else if (v?.kind === 'list') for (const item of v.items) if (item.kind === 'message') addPayloads(item, fieldName, entry++);
  }
  if (payloadItems.length === 0) return NO_PAYLOADS;
  const out = exactCopy(payloadItems, 0, payloadItems.length);
  payloadItems.length = 0;
  return out;
}

function addPayloads(container: PbMessage, via: 'node_options' | 'options', entry: number): void {
  for (const inner of container.fields) {
    if (!inner.bracketed) continue;
    const payload = inner.value?.kind === 'message' ? inner.value : undefined;
    payloadItems.push({ typeName: typeNameOf(inner), field: inner, payload, via, entry });
  }
}

// The same option type is named on every node: one string per distinct bracketed name (a map per
// bracket kind, so the lookup key is the field's own name string).
const anyTypeNames = new Map<string, string>();
const extensionTypeNames = new Map<string, string>();
function typeNameOf(f: PbField): string {
  const names = f.bracketed === 'any' ? anyTypeNames : extensionTypeNames;
  let t = names.get(f.name);
  if (t === undefined) {
    t = bracketedTypeName(f);
    if (names.size < 10_000) names.set(f.name, t);
  }
  return t;
}

function handler(msg: PbMessage, fieldName: 'input_stream_handler' | 'output_stream_handler'): HandlerConfig | undefined {
  const f = lastField(msg, fieldName);
  return f ? handlerOf(f, fieldName) : undefined;
}

function handlerOf(f: PbField, fieldName: 'input_stream_handler' | 'output_stream_handler'): HandlerConfig | undefined {
  const body = firstMessageOf(f);
  if (!body) return undefined;
  const h: HandlerConfig = { span: f.span, name: stringOf(body, fieldName), syncSets: EMPTY, hasSyncSetOptions: false, timestampBase: undefined };
  for (const p of payloads(body, 'options')) {
    if (!p.payload) continue;
    if (p.typeName === 'mediapipe.SyncSetInputStreamHandlerOptions') {
      h.hasSyncSetOptions = true;
      const sets: SyncSet[] = [];
      for (const sf of fieldsNamed(p.payload, 'sync_set')) {
        for (const set of messagesOf(sf)) {
          const tagIndices: StringAt[] = [];
          for (const t of fieldsNamed(set, 'tag_index')) for (const s of scalarsOf(t)) tagIndices.push(stringAt(s));
          sets.push({ span: sf.span, tagIndices: exact(tagIndices) });
        }
      }
      // lists grown by push keep spare slots: handlers are kept as long as the model
      h.syncSets = exact(sets);
    } else if (p.typeName === 'mediapipe.TimestampAlignInputStreamHandlerOptions') {
      h.timestampBase = stringOf(p.payload, 'timestamp_base_tag_index');
    }
  }
  return h;
}

/**
 * A node of the model. Its spans and label are made on access (findings need them for a few
 * nodes; a graph has tens of thousands), from the AST field it was read from.
 */
class Node implements GraphNode {
  inputs: PortRef[] = EMPTY;
  outputs: PortRef[] = EMPTY;
  inputSidePackets: PortRef[] = EMPTY;
  outputSidePackets: PortRef[] = EMPTY;
  streamInfos: StreamInfo[] = EMPTY;
  inputStreamHandler: HandlerConfig | undefined = undefined;
  outputStreamHandler: HandlerConfig | undefined = undefined;
  nodeOptions: OptionsPayload[] = NO_PAYLOADS;
  options: OptionsPayload[] = NO_PAYLOADS;
  calculatorOnlyFields: PbField[] = EMPTY;
  executor: StringAt | undefined = undefined;
  private lb: string | undefined = undefined;
  constructor(
    readonly id: number,
    private readonly field: PbField,
    readonly message: PbMessage,
    readonly name: StringAt | undefined,
    readonly calculator: StringAt | undefined,
  ) {}
  get span(): Span {
    return this.field.span;
  }
  get keySpan(): Span {
    return this.field.nameSpan;
  }
  /** Made on first read, then kept: findings name their node, often more than once. */
  get label(): string {
    if (this.lb === undefined) {
      const calc = this.calculator ? ` (${this.calculator.value})` : '';
      this.lb = this.name?.value ? `"${this.name.value}"${calc}` : `#${this.id + 1}${calc}`;
    }
    return this.lb;
  }
}

/** The port list fields of a node. */
const PORT_KINDS = new Set<string>(['input_stream', 'output_stream', 'input_side_packet', 'output_side_packet']);

function lastScalarString(f: PbField | undefined): StringAt | undefined {
  if (!f) return undefined;
  const v = f.value;
  let s: PbScalar | undefined;
  if (v?.kind === 'scalar') s = v;
  else if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'scalar') s = i;
  return s ? stringAt(s) : undefined;
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
  const node = new Node(id, f, msg, lastScalarString(nameF), lastScalarString(calcF));
  if (execF) node.executor = lastScalarString(execF);
  if (ishF) node.inputStreamHandler = handlerOf(ishF, 'input_stream_handler');
  if (oshF) node.outputStreamHandler = handlerOf(oshF, 'output_stream_handler');
  if (hasOptions) {
    node.nodeOptions = payloads(msg, 'node_options');
    node.options = payloads(msg, 'options');
  }
  if (calculatorOnlyFields.length) node.calculatorOnlyFields = calculatorOnlyFields;
  // the four port lists in one more pass (untagged entries are numbered per list)
  const untagged = { input_stream: 0, output_stream: 0, input_side_packet: 0, output_side_packet: 0 };
  for (const x of msg.fields) {
    if (x.bracketed || !PORT_KINDS.has(x.name)) continue;
    const kind = x.name as PortKind;
    untagged[kind] = addPorts(collectors[kind], kind, x, node, untagged[kind]);
  }
  node.inputs = collectors.input_stream.take();
  node.outputs = collectors.output_stream.take();
  node.inputSidePackets = collectors.input_side_packet.take();
  node.outputSidePackets = collectors.output_side_packet.take();
  node.calculatorOnlyFields = exact(node.calculatorOnlyFields);
  if (!infoFields.length) return node;
  const infos: StreamInfo[] = [];
  for (const sf of infoFields) {
    for (const info of messagesOf(sf)) {
      const tagIndex = stringOf(info, 'tag_index');
      const backEdgeField = lastField(info, 'back_edge');
      const be = backEdgeField?.value?.kind === 'scalar' ? String(backEdgeField.value.value) : undefined;
      const si: StreamInfo = { span: sf.span, tagIndex, parsed: undefined, backEdge: be === 'true' || be === 'True' || be === 't' || be === '1' };
      const p = parseTagIndex(tagIndex?.value ?? '');
      if (p.ok) si.parsed = p.value;
      else si.error = p.error;
      infos.push(si);
    }
  }
  node.streamInfos = exact(infos);
  return node;
}

const QUEUE_RE = /(?:^|\n)\s*#\s*OVMS_GRAPH_QUEUE_MAX_SIZE\s*:\s*(\S+)\s*(?:\r?\n|$)/;

export function buildModel(doc: GraphDocument): GraphModel {
  try {
    return build(doc);
  } finally {
    // the collectors are shared: a failed build must not leave its ports for the next one
    for (const c of Object.values(collectors)) c.release();
    payloadItems.length = 0;
  }
}

function build(doc: GraphDocument): GraphModel {
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
