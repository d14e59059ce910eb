/**
 * What the editor says about MediaPipe graphs: the fields of CalculatorGraphConfig and its
 * nodes, and OVMS's calculators with their ports and options (facts from
 * reference/mediapipe-graphs.md §2 and §4). Hover and completion read this table.
 */

export interface FieldDoc {
  type: string;
  doc: string;
  /** Message fields: the message type whose fields complete inside. */
  message?: string;
  repeated?: boolean;
  required?: boolean;
  default?: string;
  values?: string[];
}

export type MessageDocs = Record<string, FieldDoc>;

const str = (doc: string, extra: Partial<FieldDoc> = {}): FieldDoc => ({ type: 'string', doc, ...extra });
const rep = (doc: string): FieldDoc => ({ type: 'string', doc, repeated: true });

/** Messages by full name. */
export const MESSAGES: Record<string, MessageDocs> = {
  'mediapipe.CalculatorGraphConfig': {
    node: { type: 'Node', message: 'mediapipe.CalculatorGraphConfig.Node', repeated: true, doc: 'A calculator (or subgraph) of the graph.' },
    input_stream: rep('A graph input, `TAG:index:name`. OVMS feeds requests into it (e.g. `HTTP_REQUEST_PAYLOAD:input`).'),
    output_stream: rep('A graph output, `TAG:index:name`. OVMS returns it as the response (e.g. `HTTP_RESPONSE_PAYLOAD:output`).'),
    input_side_packet: rep('Only meaningful for subgraphs; ignored in a top-level graph.'),
    output_side_packet: rep('Subgraphs only.'),
    num_threads: { type: 'int32', doc: 'Threads of the default executor; 0 = automatic.' },
    max_queue_size: { type: 'int32', doc: 'Per-input-stream queue limit; 0 means 100, -1 disables throttling.' },
    report_deadlock: { type: 'bool', doc: 'Fail the run instead of growing queues when throttling deadlocks.' },
    input_stream_handler: { type: 'InputStreamHandlerConfig', message: 'mediapipe.InputStreamHandlerConfig', doc: 'Default input stream handler, copied into every node that has none.' },
    output_stream_handler: { type: 'OutputStreamHandlerConfig', message: 'mediapipe.OutputStreamHandlerConfig', doc: 'Default output stream handler.' },
    executor: { type: 'ExecutorConfig', message: 'mediapipe.ExecutorConfig', repeated: true, doc: 'Executor declarations (`name`, `type`, `options`).' },
    profiler_config: { type: 'ProfilerConfig', doc: 'Graph-wide profiler defaults (tracing is not supported inside OVMS).' },
    package: str('Namespace used to resolve calculator, handler, executor and subgraph names.'),
    type: str('The name under which this graph is registered as a subgraph.'),
    packet_factory: { type: 'PacketFactoryConfig', repeated: true, doc: 'Ignored in a top-level graph: nothing in open-source MediaPipe consumes it.' },
    packet_generator: { type: 'PacketGeneratorConfig', repeated: true, doc: 'Deprecated legacy side-packet generators.' },
    status_handler: { type: 'StatusHandlerConfig', repeated: true, doc: 'Called after each run.' },
    options: { type: 'MediaPipeOptions', doc: 'Graph options (proto2 extensions), used by subgraphs.' },
    graph_options: { type: 'google.protobuf.Any', repeated: true, doc: 'Graph options (proto3 Any), used by subgraphs with `option_value`.' },
  },
  'mediapipe.CalculatorGraphConfig.Node': {
    name: str('Node name. Optional for MediaPipe, but OVMS requires it for GenAI and Python nodes (it finds their resources by it).'),
    calculator: str('The registered calculator or subgraph this node runs.'),
    input_stream: rep('An input stream, `TAG:index:name`; the name must be produced by a node output or a graph input.'),
    output_stream: rep('An output stream, `TAG:index:name`; each name must be unique in the graph.'),
    input_side_packet: rep('An input side packet, `TAG:name` (OVMS supplies `llm`, `llm_ctx`, `py`, `embeddings_servable`, …).'),
    output_side_packet: rep('An output side packet, `TAG:name`.'),
    options: { type: 'CalculatorOptions', doc: 'proto2 options via extensions: `options { [mediapipe.XOptions.ext] { … } }`.' },
    node_options: {
      type: 'google.protobuf.Any',
      repeated: true,
      doc: 'proto3-style options: `node_options: { [type.googleapis.com/mediapipe.XOptions]: { … } }`. OVMS node initializers read only the first entry.',
    },
    source_layer: { type: 'int32', doc: 'Scheduling layer for source nodes (no inputs).' },
    buffer_size_hint: { type: 'int32', doc: 'Buffering hint for throttling.' },
    input_stream_handler: { type: 'InputStreamHandlerConfig', message: 'mediapipe.InputStreamHandlerConfig', doc: 'Input stream handler of this node (e.g. `SyncSetInputStreamHandler`).' },
    output_stream_handler: { type: 'OutputStreamHandlerConfig', message: 'mediapipe.OutputStreamHandlerConfig', doc: 'Output stream handler of this node.' },
    input_stream_info: { type: 'InputStreamInfo', message: 'mediapipe.InputStreamInfo', repeated: true, doc: 'Per-input metadata, mainly `back_edge` for loopback streams.' },
    executor: str('Name of a declared executor.'),
    max_in_flight: { type: 'int32', doc: 'Parallel invocations of this node (0/1 = one).' },
    option_value: rep('`"node_field_path:graph_option_path"`, evaluated during subgraph expansion.'),
    profiler_config: { type: 'ProfilerConfig', doc: 'Deprecated.' },
    external_input: rep('Deprecated old name of `input_side_packet`; graph validation never reads it, so it is silently ignored.'),
  },
  'mediapipe.InputStreamInfo': {
    tag_index: str('The input this info is about, `TAG:index` (e.g. `"LOOPBACK:0"`).'),
    back_edge: { type: 'bool', doc: 'Marks a loopback input so the graph is not considered cyclic.' },
  },
  'mediapipe.InputStreamHandlerConfig': {
    input_stream_handler: str('The handler: `DefaultInputStreamHandler` (default), `SyncSetInputStreamHandler`, `ImmediateInputStreamHandler`, …', {
      default: 'DefaultInputStreamHandler',
      values: [
        'DefaultInputStreamHandler',
        'SyncSetInputStreamHandler',
        'ImmediateInputStreamHandler',
        'FixedSizeInputStreamHandler',
        'BarrierInputStreamHandler',
        'EarlyCloseInputStreamHandler',
        'MuxInputStreamHandler',
        'TimestampAlignInputStreamHandler',
      ],
    }),
    options: { type: 'MediaPipeOptions', doc: 'Handler options, e.g. `[mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBACK:0" } }`.' },
  },
  'mediapipe.OutputStreamHandlerConfig': {
    output_stream_handler: str('The handler (`InOrderOutputStreamHandler`, the default).', { default: 'InOrderOutputStreamHandler', values: ['InOrderOutputStreamHandler'] }),
    input_side_packet: rep('Side packets of the handler.'),
    options: { type: 'MediaPipeOptions', doc: 'Handler options.' },
  },
  'mediapipe.ExecutorConfig': {
    name: str('Executor name; empty = the default executor. `default`, `gpu` and names starting with `__` are reserved.'),
    type: str('Executor type, e.g. `ThreadPoolExecutor`.'),
    options: { type: 'MediaPipeOptions', doc: 'e.g. `[mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: 4 }`.' },
  },
  'mediapipe.LLMCalculatorOptions': {
    models_path: str('Model directory or `.gguf` file; relative paths are relative to the graph directory.', { required: true }),
    max_num_batched_tokens: { type: 'uint64', default: '256', doc: 'Tokens per scheduler step.' },
    cache_size: { type: 'uint64', default: '0', doc: 'KV cache size in GB; 0 = dynamic.' },
    max_num_seqs: { type: 'uint64', default: '256', doc: 'Concurrent sequences.' },
    dynamic_split_fuse: { type: 'bool', default: 'true', doc: 'Split long prompts across scheduler steps.' },
    device: str('`CPU`, `GPU` or `NPU` (NPU uses the stateful pipeline); unset = a recommended device.', { values: ['CPU', 'GPU', 'NPU'] }),
    plugin_config: str('A JSON object in a string (usually single-quoted); a parse failure fails the load.', { default: '""' }),
    best_of_limit: { type: 'uint32', default: '20', doc: 'Cap for the request `best_of`.' },
    max_tokens_limit: { type: 'uint32', doc: 'Cap for the request `max_tokens`.' },
    enable_prefix_caching: { type: 'bool', default: 'false', doc: 'Reuse the KV cache of shared prompt prefixes.' },
    draft_models_path: str('Draft model: enables speculative decoding.'),
    draft_device: str('Device of the draft model.'),
    draft_max_num_batched_tokens: { type: 'uint64', doc: 'Draft model setting (inherits the main value).' },
    draft_cache_size: { type: 'uint64', doc: 'Draft model setting (inherits the main value).' },
    draft_block_size: { type: 'uint64', doc: 'Draft model setting.' },
    draft_max_num_seqs: { type: 'uint64', doc: 'Draft model setting (inherits the main value).' },
    draft_dynamic_split_fuse: { type: 'bool', doc: 'Draft model setting (inherits the main value).' },
    draft_eagle3_mode: { type: 'bool', default: 'false', doc: 'EAGLE-3 speculative decoding.' },
    pipeline_type: { type: 'enum PipelineType', default: 'AUTO', values: ['LM', 'VLM', 'LM_CB', 'VLM_CB', 'OMNI', 'AUTO'], doc: 'AUTO infers it from the model directory and device; an explicit VLM/non-VLM must match the model.' },
    cache_eviction_config: { type: 'CacheEvictionConfig', doc: 'KV cache eviction; `start_size`, `recent_size` and `max_cache_size` are required.' },
    tool_parser: str('Tool-call parser.', { values: ['llama3', 'hermes3', 'phi4', 'mistral', 'gptoss', 'qwen3coder', 'devstral', 'lfm2', 'gemma4', 'onyx', 'minicpm5', 'none'] }),
    reasoning_parser: str('Reasoning parser.', { values: ['qwen3', 'gemma4', 'gptoss', 'onyx', 'minicpm5', 'lfm2', 'none'] }),
    enable_tool_guided_generation: { type: 'bool', default: 'false', doc: 'Constrain generation to tool schemas (needs a tool parser; not enforced).' },
    sparse_attention_config: { type: 'SparseAttentionConfig', doc: 'Sparse attention (`TRISHAPE` or `XATTENTION`).' },
    cache_interval_multiplier: { type: 'uint64', doc: 'Cache interval multiplier.' },
    chat_template_mode: { type: 'enum', values: ['MINJA', 'JINJA'], doc: 'Chat template engine.' },
  },
  'mediapipe.EmbeddingsCalculatorOVOptions': {
    models_path: str('Model directory, relative to the graph directory.', { required: true }),
    normalize_embeddings: { type: 'bool', default: 'true', doc: 'L2-normalise the embeddings.' },
    target_device: str('OpenVINO device.'),
    plugin_config: str('A JSON object in a string.', { default: '""' }),
    pooling: { type: 'enum', values: ['CLS', 'LAST', 'MEAN'], doc: 'Pooling; unset = taken from the model directory.' },
    truncate: { type: 'bool', default: 'false', doc: 'Truncate inputs longer than the model allows.' },
  },
  'mediapipe.RerankCalculatorOVOptions': {
    models_path: str('Model directory, relative to the graph directory.', { required: true }),
    max_allowed_chunks: { type: 'uint64', default: '10000', doc: 'Maximum number of document chunks per request.' },
    max_position_embeddings: { type: 'uint64', doc: 'Override of the model context length.' },
    target_device: str('OpenVINO device.'),
    plugin_config: str('A JSON object in a string.', { default: '""' }),
  },
  'mediapipe.ImageGenCalculatorOptions': {
    models_path: str('Model directory, relative to the graph directory.', { required: true }),
    device: str('One device, or three space-separated devices.'),
    plugin_config: str('A JSON object in a string.'),
    max_resolution: str('Largest `WxH` a request may ask for.', { default: '4096x4096' }),
    default_resolution: str('`WxH` used when a request gives none.'),
    max_num_images_per_prompt: { type: 'uint64', default: '10', doc: 'Cap for images per prompt.' },
    default_num_inference_steps: { type: 'uint64', default: '50', doc: 'Steps when a request gives none.' },
    max_num_inference_steps: { type: 'uint64', default: '100', doc: 'Cap for inference steps.' },
    resolution: str('Static reshape: space-separated `WxH` list; required for NPU.'),
    num_images_per_prompt: { type: 'int64', doc: 'Static number of images (with a static resolution only).' },
    guidance_scale: { type: 'float', doc: 'Static guidance scale (with a static resolution only).' },
    lora_adapters: { type: 'LoraAdapterEntry', repeated: true, doc: 'LoRA adapters: `alias` and `path` required.' },
    composite_lora_adapters: { type: 'CompositeLoraAdapterEntry', repeated: true, doc: 'Combinations of LoRA adapters.' },
  },
  'mediapipe.S2tCalculatorOptions': {
    models_path: str('Model directory, relative to the graph directory.', { required: true }),
    target_device: str('OpenVINO device.'),
    plugin_config: str('A JSON object in a string.'),
    enable_word_timestamps: { type: 'bool', default: 'false', doc: 'Return word timestamps.' },
  },
  'mediapipe.T2sCalculatorOptions': {
    models_path: str('Model directory, relative to the graph directory.', { required: true }),
    target_device: str('OpenVINO device.'),
    plugin_config: str('A JSON object in a string.'),
    voices: { type: 'SpeakerEmbeddings', repeated: true, doc: 'Voices: `name` and `path` required.' },
    speed_min: { type: 'float', default: '0.25', doc: 'Slowest speed a request may ask for (≤ speed_max).' },
    speed_max: { type: 'float', default: '4.0', doc: 'Fastest speed a request may ask for.' },
  },
  'mediapipe.PythonExecutorCalculatorOptions': {
    handler_path: str('Python file defining class `OvmsPythonModel` (relative to the graph directory); checked at load.', { required: true }),
  },
  'mediapipe.PyTensorOvTensorConverterCalculatorOptions': {
    tag_to_output_tensor_names: { type: 'map<string,string>', repeated: true, doc: 'For OV→Python conversion it must contain the key `OVMS_PY_TENSOR`.' },
  },
  'mediapipe.OpenVINOModelServerSessionCalculatorOptions': {
    servable_name: str('The model (from config.json or the graph subconfig) this session serves; must not be empty. A missing model fails at the first request.', { required: true }),
    servable_version: str('Model version; a non-numeric value silently becomes 0 = the default version.'),
    service_url: str('Unused by OVMS.'),
    server_config: str('Standalone MediaPipe only: starts an embedded server.'),
  },
  'mediapipe.OpenVINOInferenceCalculatorOptions': {
    tag_to_input_tensor_names: { type: 'map<string,string>', repeated: true, doc: 'Stream tag → model input name (otherwise the tag text is used as the tensor name).' },
    tag_to_output_tensor_names: { type: 'map<string,string>', repeated: true, doc: 'Stream tag → model output name.' },
    input_order_list: rep('Model inputs in order, for vector tags (`OVTENSORS`, `TENSORS`).'),
    output_order_list: rep('Model outputs in order, for vector tags.'),
  },
};

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

/** Messages whose fields complete inside `[type.googleapis.com/…]` / `[….ext]` brackets. */
export const OPTIONS_MESSAGES = Object.values(CALCULATORS)
  .map((c) => c.options)
  .filter((o): o is string => o !== undefined);

/** Side packets OVMS supplies to a graph when it starts (`llm`, `py`, …), by name. */
export const BUILTIN_SIDE_PACKETS = new Set(
  Object.values(CALCULATORS).flatMap((c) => (c.sidePackets ?? []).filter((t) => t.includes(':')).map((t) => t.slice(t.indexOf(':') + 1))),
);
