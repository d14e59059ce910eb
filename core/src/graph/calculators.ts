/**
 * What ovms-lint knows about calculators in an OVMS build (reference mediapipe-graphs.md §4.1):
 * OVMS's own calculators, the fork's OpenVINO/Geti ones, the stock MediaPipe calculators OVMS
 * links, and the stock subgraphs OVMS ships. The set varies per build: a name outside it is an
 * error when it looks like a typo of a known one, else a warning that settings can silence
 * (`options.calculators`).
 */

/** GenAI calculators and the options type, side-packet tag and built-in side packet of each. */
export interface ServableCalculator {
  calculator: string;
  options: string;
  resourceTag: string;
  resourceName: string;
  /** HTTP/OpenAI calculators: graph input must be `input`. */
  http: boolean;
}

export const SERVABLE_CALCULATORS: ServableCalculator[] = [
  { calculator: 'HttpLLMCalculator', options: 'mediapipe.LLMCalculatorOptions', resourceTag: 'LLM_NODE_RESOURCES', resourceName: 'llm', http: true },
  { calculator: 'EmbeddingsCalculatorOV', options: 'mediapipe.EmbeddingsCalculatorOVOptions', resourceTag: 'EMBEDDINGS_NODE_RESOURCES', resourceName: 'embeddings_servable', http: true },
  { calculator: 'RerankCalculatorOV', options: 'mediapipe.RerankCalculatorOVOptions', resourceTag: 'RERANK_NODE_RESOURCES', resourceName: 'rerank_servable', http: true },
  { calculator: 'ImageGenCalculator', options: 'mediapipe.ImageGenCalculatorOptions', resourceTag: 'IMAGE_GEN_NODE_RESOURCES', resourceName: 'pipes', http: true },
  { calculator: 'S2tCalculator', options: 'mediapipe.S2tCalculatorOptions', resourceTag: 'STT_NODE_RESOURCES', resourceName: 's2t_servable', http: true },
  { calculator: 'T2sCalculator', options: 'mediapipe.T2sCalculatorOptions', resourceTag: 'TTS_NODE_RESOURCES', resourceName: 't2s_servable', http: true },
  { calculator: 'PythonExecutorCalculator', options: 'mediapipe.PythonExecutorCalculatorOptions', resourceTag: 'PYTHON_NODE_RESOURCES', resourceName: 'py', http: false },
];

/**
 * The servable kind OVMS's node initializers give a calculator (§4.4): GenAI initializers match
 * a case-insensitive name suffix, the Python one the exact name.
 */
export function servableCalculator(calculator: string | undefined): ServableCalculator | undefined {
  if (!calculator) return undefined;
  // every node asks, from several rules: one answer per distinct calculator name
  let kind = servableKinds.get(calculator);
  if (kind === undefined) {
    kind = matchServable(calculator) ?? null;
    if (servableKinds.size < 4096) servableKinds.set(calculator, kind);
  }
  return kind ?? undefined;
}

const servableKinds = new Map<string, ServableCalculator | null>();
const LOWER_SUFFIXES = SERVABLE_CALCULATORS.slice(1, 6).map((s) => [s.calculator.toLowerCase(), s] as const);

function matchServable(calculator: string): ServableCalculator | undefined {
  if (calculator === 'PythonExecutorCalculator') return SERVABLE_CALCULATORS[6];
  const lower = calculator.toLowerCase();
  if (lower.endsWith('llmcalculator')) return SERVABLE_CALCULATORS[0];
  for (const [suffix, s] of LOWER_SUFFIXES) if (lower.endsWith(suffix)) return s;
  return undefined;
}

/** Side packets OVMS supplies at StartRun, by name, with the tag that consumes each (§4.3). */
export const BUILTIN_SIDE_PACKETS = new Map<string, string>([
  ...SERVABLE_CALCULATORS.map((s) => [s.resourceName, s.resourceTag] as [string, string]),
  ['llm_ctx', 'LLM_NODE_EXECUTION_CONTEXTS'],
]);

export const OVMS_CALCULATORS = [
  ...SERVABLE_CALCULATORS.map((s) => s.calculator),
  'PyTensorOvTensorConverterCalculator',
  'OpenVINOModelServerSessionCalculator',
  'OpenVINOInferenceCalculator',
  'OpenVINOConverterCalculator',
  'OpenVINOTensorsToClassificationCalculator',
  'OpenVINOTensorsToDetectionsCalculator',
];

/** Removed from OVMS (reference rules-catalogue OVMS-GRAPH-012). */
export const REMOVED_CALCULATORS = new Map<string, { since: string; replacement: string; task: string }>([
  ['EmbeddingsCalculator', { since: '2025.4', replacement: 'EmbeddingsCalculatorOV', task: 'embeddings' }],
  ['RerankCalculator', { since: '2026.2', replacement: 'RerankCalculatorOV', task: 'rerank' }],
]);

/** Stock subgraphs an OVMS build ships (fork rewrites and the holistic/iris demo deps, §4.1/§5.1). */
export const KNOWN_SUBGRAPHS = new Set([
  'HolisticLandmarkCpu',
  'IrisLandmarkLeftAndRightCpu',
  'IrisLandmarkCpu',
  'FaceLandmarkCpu',
  'FaceLandmarkFrontCpu',
  'FaceDetection',
  'FaceDetectionShortRangeCpu',
  'PoseLandmarkByRoiCpu',
  'PoseDetectionCpu',
  'HandLandmarkCpu',
  'HandRecropByRoiCpu',
  'IrisRendererCpu',
  'HolisticTrackingToRenderData',
]);

/** Stock MediaPipe calculators commonly linked into OVMS (§4.1 d) and seen in OVMS graphs. */
export const STOCK_CALCULATORS = [
  'PassThroughCalculator',
  'ConcatenateVectorCalculator',
  'ConcatenateNormalizedLandmarkListCalculator',
  'SplitVectorCalculator',
  'SplitNormalizedLandmarkListCalculator',
  'SplitNormalizedRectVectorCalculator',
  'SplitNormalizedLandmarkListVectorCalculator',
  'FlowLimiterCalculator',
  'PreviousLoopbackCalculator',
  'BeginLoopCalculator',
  'EndLoopCalculator',
  'GateCalculator',
  'MuxCalculator',
  'MergeCalculator',
  'PacketClonerCalculator',
  'ConstantSidePacketCalculator',
  'ImageTransformationCalculator',
  'ImageCroppingCalculator',
  'ImagePropertiesCalculator',
  'ColorConvertCalculator',
  'AnnotationOverlayCalculator',
  'NonMaxSuppressionCalculator',
  'DetectionLabelIdToTextCalculator',
  'DetectionsToRenderDataCalculator',
  'SsdAnchorsCalculator',
  'TfLiteConverterCalculator',
  'TfLiteTensorsToDetectionsCalculator',
  'InferenceCalculator',
  'ImageToTensorCalculator',
  'OpenCvVideoDecoderCalculator',
  'OpenCvVideoEncoderCalculator',
  // further targets of OVMS third_party/mediapipe_calculators/BUILD and the iris/holistic deps
  'AddHeaderCalculator',
  'ConcatenateDetectionVectorCalculator',
  'CountingSourceCalculator',
  'MakePairCalculator',
  'MatrixMultiplyCalculator',
  'MatrixSubtractCalculator',
  'MatrixToVectorCalculator',
  'NonZeroCalculator',
  'PacketInnerJoinCalculator',
  'PacketThinnerCalculator',
  'PacketResamplerCalculator',
  'PacketPresenceCalculator',
  'PacketSequencerCalculator',
  'RoundRobinDemuxCalculator',
  'ImmediateMuxCalculator',
  'StringToIntCalculator',
  'DefaultSidePacketCalculator',
  'SequenceShiftCalculator',
  'StreamToSidePacketCalculator',
  'GraphProfileCalculator',
  'DequantizeByteArrayCalculator',
  'QuantizeFloatVectorCalculator',
  'OpenCvEncodedImageToImageFrameCalculator',
  'OpenCvImageEncoderCalculator',
  'OpenCvPutTextCalculator',
  'ImageCloneCalculator',
  'FeatureDetectorCalculator',
  'SegmentationSmoothingCalculator',
  'WarpAffineCalculator',
  'FlowToImageCalculator',
  'Tvl1OpticalFlowCalculator',
  'MotionAnalysisCalculator',
  'FlowPackagerCalculator',
  'BoxTrackerCalculator',
  'BoxDetectorCalculator',
  'TrackedDetectionManagerCalculator',
  'VideoPreStreamCalculator',
  'UpdateFaceLandmarksCalculator',
];

/** The fork's Geti calculators, linked into OVMS (§4.1 c). */
export const GETI_CALCULATORS = [
  'AnomalyCalculator',
  'ClassificationCalculator',
  'DetectionCalculator',
  'InstanceSegmentationCalculator',
  'KeypointDetectionCalculator',
  'RotatedDetectionCalculator',
  'SegmentationCalculator',
  'ModelInferHttpRequestCalculator',
  'ModelInferRequestImageCalculator',
  'OpenVINOInferenceAdapterCalculator',
  'HttpSerializationCalculator',
  'SerializationCalculator',
  'DetectionSerializationCalculator',
  'DetectionClassificationSerializationCalculator',
  'DetectionSegmentationSerializationCalculator',
  'RotatedDetectionSerializationCalculator',
  'ClassificationSerializationCalculator',
  'SegmentationSerializationCalculator',
  'AnomalySerializationCalculator',
  'CropCalculator',
  'DetectionClassificationCombinerCalculator',
  'DetectionClassificationResultCalculator',
  'DetectionExtractionCalculator',
  'DetectionSegmentationCombinerCalculator',
  'DetectionSegmentationResultCalculator',
  'EmptyLabelCalculator',
  'EmptyLabelDetectionCalculator',
  'EmptyLabelClassificationCalculator',
  'EmptyLabelRotatedDetectionCalculator',
  'EmptyLabelSegmentationCalculator',
  'BeginLoopRectanglePredictionCalculator',
  'EndLoopRectanglePredictionsCalculator',
  'EndLoopPolygonPredictionsCalculator',
  'BeginLoopModelApiDetectionCalculator',
  'EndLoopModelApiDetectionClassificationCalculator',
  'EndLoopModelApiDetectionSegmentationCalculator',
  'OverlayCalculator',
];

export const KNOWN_CALCULATORS = new Set([...OVMS_CALCULATORS, ...STOCK_CALCULATORS, ...GETI_CALCULATORS, ...KNOWN_SUBGRAPHS]);
