/**
 * The port contracts of the calculators OVMS links whose `GetContract()` the reference documents
 * (mediapipe-graphs.md §4.2): which tags each accepts or requires on its input and output streams
 * and side packets, and the C++ packet type of each port. MediaPipe checks a node's streams against
 * its contract at initialization (§3.3 rows 10-12) and the packet types of connected ports after
 * that (rows 22-23). Data only: the rules in core/src/rules/mp judge.
 *
 * Every fixed port is typed with `Tag(tag)`, i.e. index 0 only; a calculator with `anyTag` accepts
 * any tag (again index 0 only, and only the first untagged stream) and types it by the tag.
 */
import type { PortKind } from './model';

export interface PortSpec {
  tag: string;
  /** The C++ packet type; undefined when the reference does not give it (never type-checked). */
  type?: string;
  optional?: boolean;
}

export interface PortSet {
  /** Fixed ports (an empty list: the calculator takes none of this kind). */
  ports?: PortSpec[];
  /** Any tag is accepted at index 0; the type a tag gets. */
  anyTag?: (tag: string) => string | undefined;
}

export type CalculatorContract = Record<PortKind, PortSet>;

export const T = {
  httpPayload: 'ovms::HttpPayload',
  string: 'std::string',
  bool: 'bool',
  py: 'PyObjectWrapper<py::object>',
  ovTensor: 'ov::Tensor',
  ovTensors: 'std::vector<ov::Tensor>',
  imageFrame: 'mediapipe::ImageFrame',
  session: 'std::shared_ptr<InferenceAdapter>',
} as const;

const NONE: PortSet = { ports: [] };

/** The type OpenVINOInferenceCalculator gives a tag: by prefix, in this order (`openvinoinferencecalculator.cc:291-362`). */
const INFERENCE_PREFIXES: [string, string][] = [
  ['OVTENSORS', T.ovTensors],
  ['OVTENSOR', T.ovTensor],
  ['TENSORS', 'std::vector<mediapipe::Tensor>'],
  ['TENSOR', 'mediapipe::Tensor'],
  ['TFTENSORS', 'std::vector<tensorflow::Tensor>'],
  ['TFTENSOR', 'tensorflow::Tensor'],
  ['TFLITE_TENSORS', 'std::vector<TfLiteTensor>'],
  ['TFLITE_TENSOR', 'TfLiteTensor'],
];

export function inferenceTagType(tag: string): string {
  for (const [prefix, type] of INFERENCE_PREFIXES) if (tag.startsWith(prefix)) return type;
  return T.ovTensor;
}

/** PythonExecutorCalculator: every tag is a Python object except LOOPBACK (`python_executor_calculator.cc:52-68`). */
function pythonTagType(tag: string): string {
  return tag === 'LOOPBACK' ? T.bool : T.py;
}

function http(resourceTag: string, resourceType: string, extra: { loopback?: 'required' | 'optional'; request?: string; response?: string } = {}): CalculatorContract {
  const inputs: PortSpec[] = [{ tag: extra.request ?? 'HTTP_REQUEST_PAYLOAD', type: T.httpPayload }];
  const outputs: PortSpec[] = [{ tag: extra.response ?? 'HTTP_RESPONSE_PAYLOAD', type: T.string }];
  if (extra.loopback) {
    inputs.push({ tag: 'LOOPBACK', type: T.bool, optional: extra.loopback === 'optional' });
    outputs.push({ tag: 'LOOPBACK', type: T.bool, optional: extra.loopback === 'optional' });
  }
  return { input_stream: { ports: inputs }, output_stream: { ports: outputs }, input_side_packet: { ports: [{ tag: resourceTag, type: resourceType }] }, output_side_packet: NONE };
}

const converterPorts: PortSet = { ports: [{ tag: 'OVTENSOR', type: T.ovTensor, optional: true }, { tag: 'OVMS_PY_TENSOR', type: T.py, optional: true }] };

export const CONTRACTS = new Map<string, CalculatorContract>([
  ['HttpLLMCalculator', {
    ...http('LLM_NODE_RESOURCES', 'GenAiServableMap', { loopback: 'required' }),
    input_side_packet: { ports: [{ tag: 'LLM_NODE_RESOURCES', type: 'GenAiServableMap' }, { tag: 'LLM_NODE_EXECUTION_CONTEXTS', type: 'GenAiExecutionContextMap', optional: true }] },
  }],
  ['EmbeddingsCalculatorOV', http('EMBEDDINGS_NODE_RESOURCES', 'EmbeddingsServableMap', { request: 'REQUEST_PAYLOAD', response: 'RESPONSE_PAYLOAD' })],
  ['RerankCalculatorOV', http('RERANK_NODE_RESOURCES', 'RerankServableMap', { request: 'REQUEST_PAYLOAD', response: 'RESPONSE_PAYLOAD' })],
  ['ImageGenCalculator', http('IMAGE_GEN_NODE_RESOURCES', 'ImageGenerationPipelinesMap')],
  ['S2tCalculator', http('STT_NODE_RESOURCES', 'SttServableMap', { loopback: 'optional' })],
  ['T2sCalculator', http('TTS_NODE_RESOURCES', 'TtsServableMap')],
  ['PythonExecutorCalculator', {
    input_stream: { anyTag: pythonTagType },
    output_stream: { anyTag: pythonTagType },
    input_side_packet: { ports: [{ tag: 'PYTHON_NODE_RESOURCES', type: 'PythonNodeResourcesMap' }] },
    output_side_packet: NONE,
  }],
  ['PyTensorOvTensorConverterCalculator', { input_stream: converterPorts, output_stream: converterPorts, input_side_packet: NONE, output_side_packet: NONE }],
  ['OpenVINOModelServerSessionCalculator', { input_stream: NONE, output_stream: NONE, input_side_packet: NONE, output_side_packet: { ports: [{ tag: 'SESSION', type: T.session }] } }],
  ['OpenVINOInferenceCalculator', {
    input_stream: { anyTag: inferenceTagType },
    output_stream: { anyTag: inferenceTagType },
    input_side_packet: { ports: [{ tag: 'SESSION', type: T.session }] },
    output_side_packet: NONE,
  }],
  ['OpenVINOConverterCalculator', {
    input_stream: { ports: [{ tag: 'IMAGE', type: T.imageFrame, optional: true }, { tag: 'IMAGE_GPU', optional: true }] },
    output_stream: { ports: [{ tag: 'TENSORS', type: T.ovTensors, optional: true }, { tag: 'TENSORS_REMOTE', optional: true }] },
    input_side_packet: NONE,
    output_side_packet: NONE,
  }],
  ['OpenVINOTensorsToClassificationCalculator', { input_stream: { ports: [{ tag: 'TENSORS' }] }, output_stream: { ports: [{ tag: 'CLASSIFICATIONS' }] }, input_side_packet: NONE, output_side_packet: NONE }],
  ['OpenVINOTensorsToDetectionsCalculator', {
    input_stream: { ports: [{ tag: 'TENSORS', type: T.ovTensors }] },
    output_stream: { ports: [{ tag: 'DETECTIONS' }] },
    input_side_packet: { ports: [{ tag: 'ANCHORS', optional: true }] },
    output_side_packet: NONE,
  }],
]);

/** The contract of a node's calculator (a leading `.` = fully qualified name). */
export function contractOf(calculator: string | undefined): CalculatorContract | undefined {
  if (!calculator) return undefined;
  return CONTRACTS.get(calculator.charCodeAt(0) === 46 ? calculator.slice(1) : calculator);
}

/** The packet type a contract gives a `TAG:index` port, if typed; `null` when the port is not expected. */
export function portType(set: PortSet, tag: string, index: number): string | undefined | null {
  if (index !== 0) return null;
  if (set.anyTag) return set.anyTag(tag);
  const spec = set.ports?.find((p) => p.tag === tag);
  return spec ? spec.type : null;
}

export const PORT_WORDS: Record<PortKind, string> = {
  input_stream: 'input stream',
  output_stream: 'output stream',
  input_side_packet: 'input side packet',
  output_side_packet: 'output side packet',
};

export const PORT_TITLES: Record<PortKind, string> = {
  input_stream: 'Input stream',
  output_stream: 'Output stream',
  input_side_packet: 'Input side packet',
  output_side_packet: 'Output side packet',
};

/** Each port list of a node: its proto field and its GraphNode property. */
export const PORT_FIELDS: [PortKind, 'inputs' | 'outputs' | 'inputSidePackets' | 'outputSidePackets'][] = [
  ['input_stream', 'inputs'],
  ['output_stream', 'outputs'],
  ['input_side_packet', 'inputSidePackets'],
  ['output_side_packet', 'outputSidePackets'],
];

/**
 * The C++ type OVMS gives a KServe request's graph input, by tag prefix (reference §4.3,
 * `mediapipe_utils.cpp:32-93`, `kfs_graph_executor_impl.cpp:1007-1010`): untagged or another tag
 * is an `ov::Tensor`. HTTP/OpenAI requests push an `ovms::HttpPayload` into `input` instead.
 */
const GRAPH_INPUT_PREFIXES: [string, string][] = [
  ['REQUEST', 'inference::ModelInferRequest'],
  ['TENSOR', 'mediapipe::Tensor'],
  ['TFTENSOR', 'tensorflow::Tensor'],
  ['OVTENSOR', T.ovTensor],
  ['OVMS_PY_TENSOR', T.py],
  ['IMAGE', T.imageFrame],
];

export function graphInputType(tag: string): string {
  for (const [prefix, type] of GRAPH_INPUT_PREFIXES) if (tag.startsWith(prefix)) return type;
  return T.ovTensor;
}

/** The graph-input tag prefix that makes OVMS send a given type, if any (`OVTENSOR` for ov::Tensor). */
export function graphInputPrefixFor(type: string): string | undefined {
  return GRAPH_INPUT_PREFIXES.find(([, t]) => t === type)?.[0];
}
