/**
 * What the editor says about calculators: what each of OVMS's does, its options message, and
 * the stream tags and side packets it takes (facts from reference/mediapipe-graphs.md §4).
 * These are not proto fields; the fields themselves are documented in schemas/proto/** and
 * read through ../graph-schema.ts.
 */

export interface CalculatorDoc {
  doc: string;
  /** Full name of the options message. */
  options?: string;
  inputs?: string[];
  outputs?: string[];
  sidePackets?: string[];
  outputSidePackets?: string[];
}

const http = { inputs: ['HTTP_REQUEST_PAYLOAD'], outputs: ['HTTP_RESPONSE_PAYLOAD'] };

export const CALCULATORS: Record<string, CalculatorDoc> = {
  HttpLLMCalculator: {
    doc: 'OVMS text generation (OpenAI chat/completions). Needs a `name`; loops back through `LOOPBACK` with a `SyncSetInputStreamHandler`.',
    options: 'mediapipe.LLMCalculatorOptions',
    inputs: ['HTTP_REQUEST_PAYLOAD', 'LOOPBACK'],
    outputs: ['HTTP_RESPONSE_PAYLOAD', 'LOOPBACK'],
    sidePackets: ['LLM_NODE_RESOURCES:llm', 'LLM_NODE_EXECUTION_CONTEXTS:llm_ctx'],
  },
  EmbeddingsCalculatorOV: {
    doc: 'OVMS embeddings endpoint.',
    options: 'mediapipe.EmbeddingsCalculatorOVOptions',
    inputs: ['REQUEST_PAYLOAD'],
    outputs: ['RESPONSE_PAYLOAD'],
    sidePackets: ['EMBEDDINGS_NODE_RESOURCES:embeddings_servable'],
  },
  RerankCalculatorOV: {
    doc: 'OVMS rerank endpoint.',
    options: 'mediapipe.RerankCalculatorOVOptions',
    inputs: ['REQUEST_PAYLOAD'],
    outputs: ['RESPONSE_PAYLOAD'],
    sidePackets: ['RERANK_NODE_RESOURCES:rerank_servable'],
  },
  ImageGenCalculator: { doc: 'OVMS image generation endpoint.', options: 'mediapipe.ImageGenCalculatorOptions', ...http, sidePackets: ['IMAGE_GEN_NODE_RESOURCES:pipes'] },
  S2tCalculator: {
    doc: 'OVMS speech-to-text endpoint (optional `LOOPBACK`).',
    options: 'mediapipe.S2tCalculatorOptions',
    inputs: ['HTTP_REQUEST_PAYLOAD', 'LOOPBACK'],
    outputs: ['HTTP_RESPONSE_PAYLOAD', 'LOOPBACK'],
    sidePackets: ['STT_NODE_RESOURCES:s2t_servable'],
  },
  T2sCalculator: { doc: 'OVMS text-to-speech endpoint.', options: 'mediapipe.T2sCalculatorOptions', ...http, sidePackets: ['TTS_NODE_RESOURCES:t2s_servable'] },
  PythonExecutorCalculator: {
    doc: 'Runs a Python `OvmsPythonModel`. Any tags (index 0 only); `LOOPBACK` on both inputs and outputs or neither.',
    options: 'mediapipe.PythonExecutorCalculatorOptions',
    sidePackets: ['PYTHON_NODE_RESOURCES:py'],
  },
  PyTensorOvTensorConverterCalculator: {
    doc: 'Converts between `OVTENSOR` and `OVMS_PY_TENSOR` (exactly one input and one output tag).',
    options: 'mediapipe.PyTensorOvTensorConverterCalculatorOptions',
    inputs: ['OVTENSOR', 'OVMS_PY_TENSOR'],
    outputs: ['OVMS_PY_TENSOR', 'OVTENSOR'],
  },
  OpenVINOModelServerSessionCalculator: {
    doc: 'Opens a session on a model OVMS serves; no streams, one output side packet `SESSION`.',
    options: 'mediapipe.OpenVINOModelServerSessionCalculatorOptions',
    outputSidePackets: ['SESSION'],
  },
  OpenVINOInferenceCalculator: {
    doc: 'Runs inference through a `SESSION`. The packet type of each tag follows its prefix (`OVTENSOR`, `OVTENSORS`, `TENSOR`, …); each tag at index 0 only.',
    options: 'mediapipe.OpenVINOInferenceCalculatorOptions',
    inputs: ['OVTENSOR', 'OVTENSORS', 'TENSOR', 'TENSORS', 'TFTENSOR', 'TFLITE_TENSOR'],
    outputs: ['OVTENSOR', 'OVTENSORS', 'TENSOR', 'TENSORS', 'TFTENSOR', 'TFLITE_TENSOR'],
    sidePackets: ['SESSION'],
  },
  OpenVINOConverterCalculator: { doc: 'Converts images/tensors to OpenVINO tensors (fork `mediapipe/calculators/openvino`).' },
  OpenVINOTensorsToClassificationCalculator: { doc: 'Turns OpenVINO output tensors into classifications.' },
  OpenVINOTensorsToDetectionsCalculator: { doc: 'Turns OpenVINO output tensors into detections.' },
};

/** Options messages of calculators: what completes inside `[type.googleapis.com/…]` / `[….ext]`. */
export const OPTIONS_MESSAGES = Object.values(CALCULATORS)
  .map((c) => c.options)
  .filter((o): o is string => o !== undefined);
