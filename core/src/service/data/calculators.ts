/**
 * What the editor says about calculators: what each of OVMS's does, its options message, and
 * the stream tags and side packets it takes (facts from reference/mediapipe-graphs.md §4).
 * These are not proto fields; the fields themselves are documented in schemas/proto/** and
 * read through ../graph-schema.ts.
 */

import { BUILTIN_SIDE_PACKETS, SERVABLE_CALCULATORS } from '../../graph/calculators';

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
const loop = { inputs: ['HTTP_REQUEST_PAYLOAD', 'LOOPBACK'], outputs: ['HTTP_RESPONSE_PAYLOAD', 'LOOPBACK'] };
const payload = { inputs: ['REQUEST_PAYLOAD'], outputs: ['RESPONSE_PAYLOAD'] };

/** A GenAI or Python calculator: its options type and resource side packet are the graph model's (graph/calculators). */
function servable(calculator: string, doc: string, ports: Pick<CalculatorDoc, 'inputs' | 'outputs'>, extraSidePackets: string[] = []): CalculatorDoc {
  const s = SERVABLE_CALCULATORS.find((x) => x.calculator === calculator)!;
  return { doc, options: s.options, ...ports, sidePackets: [`${s.resourceTag}:${s.resourceName}`, ...extraSidePackets] };
}

export const CALCULATORS: Record<string, CalculatorDoc> = {
  HttpLLMCalculator: servable(
    'HttpLLMCalculator',
    'OVMS text generation (OpenAI chat/completions). Needs a `name`; loops back through `LOOPBACK` with a `SyncSetInputStreamHandler`.',
    loop,
    [`${BUILTIN_SIDE_PACKETS.get('llm_ctx')}:llm_ctx`],
  ),
  EmbeddingsCalculatorOV: servable('EmbeddingsCalculatorOV', 'OVMS embeddings endpoint.', payload),
  RerankCalculatorOV: servable('RerankCalculatorOV', 'OVMS rerank endpoint.', payload),
  ImageGenCalculator: servable('ImageGenCalculator', 'OVMS image generation endpoint.', http),
  S2tCalculator: servable('S2tCalculator', 'OVMS speech-to-text endpoint (optional `LOOPBACK`).', loop),
  T2sCalculator: servable('T2sCalculator', 'OVMS text-to-speech endpoint.', http),
  PythonExecutorCalculator: servable('PythonExecutorCalculator', 'Runs a Python `OvmsPythonModel`. Any tags (index 0 only); `LOOPBACK` on both inputs and outputs or neither.', {}),
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
