/**
 * The types of the MediaPipe graph model (model.ts builds it with build.ts). Data only.
 */
import type { GraphDocument } from '../documents';
import type { PbField, PbMessage } from '../pbtxt/ast';
import type { Span } from '../types';
import type { StringAt } from './pb';
import type { TagIndex } from './names';

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
  /** The entry of `via` it sits in, in source order: 0 is the first (the one OVMS's initializers unpack). */
  entry: number;
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
