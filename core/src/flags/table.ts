/**
 * Every OVMS command-line flag (reference ovms-config.md §3, OVMS 2026.3 / 2026.4-dev sources,
 * `src/cli_parser.cpp`, task parsers in `src/graph_export/*_cli_parser.cpp`), as data.
 * The parser (parse-ovms.ts) and the rules read this table; nothing here decides policy.
 */

/**
 * How cxxopts parses the value:
 * - `bool`: implicit value; `--flag` or `--flag=true|false`; a separate word is not consumed.
 *   `presence` bools act on being present only (`--pull=false` still pulls).
 * - `uint32`/`uint64`: unsigned, decimal or 0x-hex, no sign, no spaces.
 * - `float`, `string`, `list` (comma-separated, repeated flags accumulate).
 */
export type FlagType = 'bool' | 'presence' | 'uint32' | 'uint64' | 'float' | 'string' | 'list';

export type Task = 'text_generation' | 'embeddings' | 'rerank' | 'image_generation' | 'text2speech' | 'speech2text';
export const TASKS: readonly Task[] = ['text_generation', 'embeddings', 'rerank', 'image_generation', 'text2speech', 'speech2text'];

/**
 * Where a flag belongs: `server` flags apply to every mode; `source` to pull/task/config
 * management; `model` to single-model serving (and --add_to_config); `task` flags are parsed
 * only in the task modes (pull, pull-and-start, in-memory graph, configure), for their tasks.
 */
export type FlagGroup = 'general' | 'server' | 'source' | 'model' | 'task';

export interface FlagDef {
  name: string;
  type: FlagType;
  group: FlagGroup;
  /** For task flags: the tasks whose parser knows the flag. */
  tasks?: readonly Task[];
  /** The default as OVMS documents/implements it, in words (CPU-dependent ones say so). */
  default: string;
  /** Allowed values (exact strings) when OVMS checks them. */
  values?: readonly string[];
  /** Whether `values` are compared case-insensitively. */
  caseInsensitive?: boolean;
  /** Inclusive numeric range OVMS enforces (after cxxopts parsing). */
  min?: number;
  max?: number;
  /** First OVMS release that has the flag (reference §3.9; `2023.0` = older than the diffed tags). */
  since: string;
  /** First release that no longer has it (given to it: "unmatched arguments"). */
  removedIn?: string;
  /** What replaced a removed or misspelt flag. */
  replacement?: string;
  /** Only in special builds (e.g. `MTR_ENABLED`). */
  build?: string;
  help: string;
}

const OLD = '2023.0';
const TG: readonly Task[] = ['text_generation'];
const NUM_STREAMS_TASKS: readonly Task[] = ['embeddings', 'rerank', 'image_generation', 'text2speech', 'speech2text'];
const TRUE_FALSE = ['true', 'false'] as const;

export const FLAGS: readonly FlagDef[] = [
  // §3.3 general server flags
  { name: 'port', type: 'uint32', group: 'server', default: '0 (gRPC off)', min: 0, max: 65535, since: OLD, help: 'gRPC port' },
  { name: 'grpc_bind_address', type: 'string', group: 'server', default: '0.0.0.0', since: OLD, help: 'gRPC bind addresses (comma list since 2025.4)' },
  { name: 'rest_port', type: 'uint32', group: 'server', default: '0 (REST off)', min: 0, max: 65535, since: OLD, help: 'REST port' },
  { name: 'rest_bind_address', type: 'string', group: 'server', default: '0.0.0.0', since: OLD, help: 'REST bind addresses (comma list since 2025.4)' },
  { name: 'grpc_workers', type: 'uint32', group: 'server', default: '1', min: 1, since: OLD, help: 'gRPC server instances, 1..CPU cores (must be 1 on Windows)' },
  { name: 'grpc_max_threads', type: 'uint32', group: 'server', default: 'CPU cores × 8', since: OLD, help: 'gRPC thread cap; 0 = no limit' },
  { name: 'grpc_memory_quota', type: 'uint64', group: 'server', default: '2147483648 (2 GiB)', since: OLD, help: 'gRPC memory quota in bytes; 0 = not applied' },
  { name: 'rest_workers', type: 'uint32', group: 'server', default: 'Linux: min(CPU cores, (open-files limit − 15) / 7), at least 2; Windows: CPU cores', max: 10000, since: OLD, help: 'REST worker threads (unary and streaming pools each)' },
  { name: 'log_level', type: 'string', group: 'server', default: 'INFO', values: ['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR'], since: OLD, help: 'log level' },
  { name: 'log_path', type: 'string', group: 'server', default: 'none (stdout)', since: OLD, help: 'log file' },
  { name: 'verbose_response', type: 'bool', group: 'server', default: 'false', since: '2026.3', help: 'add a __verbose object (prompt, raw output) to responses' },
  { name: 'trace_path', type: 'string', group: 'server', default: 'none', since: OLD, build: 'MTR_ENABLED', help: 'trace file (only in builds with MTR_ENABLED)' },
  { name: 'grpc_channel_arguments', type: 'string', group: 'server', default: 'none (grpc.max_concurrent_streams = CPU cores)', since: OLD, help: 'comma list of key=value gRPC channel arguments' },
  { name: 'file_system_poll_wait_seconds', type: 'uint32', group: 'server', default: '1', since: OLD, help: 'config and version polling interval; 0 disables watching' },
  { name: 'custom_node_resources_cleaner_interval_seconds', type: 'uint32', group: 'server', default: '300', since: OLD, help: 'custom node resource cleaner interval; 0 disables it' },
  { name: 'cache_dir', type: 'string', group: 'server', default: 'none', since: OLD, help: 'model cache directory (created if missing)' },
  { name: 'metrics_enable', type: 'bool', group: 'server', default: 'false', since: OLD, help: 'serve /metrics on the REST port' },
  { name: 'metrics_list', type: 'string', group: 'server', default: '""', since: OLD, help: 'comma list of metric families' },
  { name: 'cpu_extension', type: 'string', group: 'server', default: '""', since: OLD, help: 'OpenVINO CPU extension library (must exist)' },
  { name: 'allowed_media_domains', type: 'list', group: 'server', default: 'unset = media URLs refused', since: '2026.0', help: 'hosts media URLs may come from; `all` disables the check' },
  { name: 'allowed_local_media_path', type: 'string', group: 'server', default: 'unset = local media files refused', since: '2025.2', help: 'directory local media files may come from' },
  { name: 'allow_credentials', type: 'bool', group: 'server', default: 'false', since: '2025.3', help: 'send Access-Control-Allow-Credentials: true' },
  { name: 'allowed_origins', type: 'string', group: 'server', default: '*', since: '2025.3', help: 'Access-Control-Allow-Origin value' },
  { name: 'allowed_methods', type: 'string', group: 'server', default: '*', since: '2025.3', help: 'Access-Control-Allow-Methods value' },
  { name: 'allowed_headers', type: 'string', group: 'server', default: '*', since: '2025.3', help: 'Access-Control-Allow-Headers value' },
  { name: 'api_key_file', type: 'string', group: 'server', default: '"" (env API_KEY, else no authentication)', since: '2025.4', help: 'file whose first line is the API key of the /v3 endpoints' },
  { name: 'help', type: 'presence', group: 'general', default: '', since: OLD, help: 'print help and exit' },
  { name: 'version', type: 'presence', group: 'general', default: '', since: OLD, help: 'print version and exit' },
  // §3.4 model source / management
  { name: 'config_path', type: 'string', group: 'source', default: 'none', since: OLD, help: 'config.json file' },
  { name: 'list_models', type: 'presence', group: 'source', default: 'false', since: '2025.2', help: 'list the models of the repository and exit' },
  { name: 'add_to_config', type: 'presence', group: 'source', default: 'false', since: '2025.2', help: 'add a model to config.json and exit' },
  { name: 'remove_from_config', type: 'presence', group: 'source', default: 'false', since: '2025.2', help: 'remove a model from config.json and exit' },
  { name: 'pull', type: 'presence', group: 'source', default: 'false', since: '2025.2', help: 'download the model and exit' },
  { name: 'source_model', type: 'string', group: 'source', default: 'none', since: '2025.2', help: 'Hugging Face repository id to pull (and serve)' },
  { name: 'source_loras', type: 'string', group: 'source', default: 'none', since: '2026.2', help: 'LoRA adapters for image_generation: alias=source,…' },
  { name: 'gguf_filename', type: 'string', group: 'source', default: 'none', since: '2025.3', help: 'GGUF file to download' },
  { name: 'overwrite_models', type: 'bool', group: 'source', default: 'false', since: '2025.2', help: 'overwrite an existing pulled model' },
  { name: 'model_repository_path', type: 'string', group: 'source', default: '$OVMS_MODEL_REPOSITORY_PATH or ""', since: '2025.2', help: 'where models are pulled to / listed from' },
  { name: 'weight-format', type: 'string', group: 'source', default: 'int8', since: '2025.3', help: 'optimum-cli export precision (pull/task modes, non-OpenVINO sources)' },
  { name: 'extra_quantization_params', type: 'string', group: 'source', default: 'none', since: '2025.3', help: 'extra optimum-cli quantization parameters' },
  { name: 'task', type: 'string', group: 'source', default: 'inferred', values: ['text_generation', 'embeddings', 'rerank', 'image_generation', 'text2speech', 'speech2text'], since: '2025.2', help: 'generative task of the model' },
  { name: 'configure', type: 'presence', group: 'source', default: 'false', since: '2026.3', help: 'write graph.pbtxt for --model_path and exit' },
  // §3.5 single model
  { name: 'model_name', type: 'string', group: 'model', default: 'none', since: OLD, help: 'servable name' },
  { name: 'model_path', type: 'string', group: 'model', default: 'none', since: OLD, help: 'model directory, model file, graph directory or HF model directory' },
  { name: 'batch_size', type: 'string', group: 'model', default: 'from model', since: OLD, help: 'batch size or `auto`' },
  { name: 'shape', type: 'string', group: 'model', default: 'from model', since: OLD, help: 'shape, `auto` or JSON object' },
  { name: 'layout', type: 'string', group: 'model', default: 'from model', since: OLD, help: 'layout or TARGET:SOURCE, or JSON object' },
  { name: 'mean', type: 'string', group: 'model', default: 'none', since: '2026.0', help: 'mean value(s); requires --layout' },
  { name: 'scale', type: 'string', group: 'model', default: 'none', since: '2026.0', help: 'scale value(s); requires --layout' },
  { name: 'color_format', type: 'string', group: 'model', default: 'none', since: '2026.0', help: 'TARGET:SOURCE color format; requires --layout' },
  { name: 'precision', type: 'string', group: 'model', default: 'none', since: '2026.0', help: 'TARGET:SOURCE precision; requires --layout' },
  { name: 'model_version_policy', type: 'string', group: 'model', default: '{"latest": {"num_versions": 1}}', since: OLD, help: 'version policy (JSON)' },
  { name: 'nireq', type: 'uint32', group: 'model', default: '0 (auto)', since: OLD, help: 'inference requests queue size' },
  { name: 'target_device', type: 'string', group: 'model', default: '"" (auto)', since: OLD, help: 'OpenVINO device' },
  { name: 'plugin_config', type: 'string', group: 'model', default: 'none', since: OLD, help: 'OpenVINO plugin config (JSON)' },
  // text generation
  { name: 'max_num_seqs', type: 'uint32', group: 'task', tasks: TG, default: '256', since: '2025.2', help: 'max sequences processed together' },
  { name: 'pipeline_type', type: 'string', group: 'task', tasks: TG, default: 'AUTO', values: ['LM', 'LM_CB', 'VLM', 'VLM_CB', 'OMNI', 'AUTO'], since: '2025.2', help: 'LLM pipeline type' },
  { name: 'enable_prefix_caching', type: 'string', group: 'task', tasks: TG, default: 'true', values: TRUE_FALSE, since: '2025.2', help: 'prefix caching (`true`/`false` as a separate word)' },
  { name: 'max_num_batched_tokens', type: 'uint32', group: 'task', tasks: TG, default: 'unset', since: '2025.2', help: 'max tokens per scheduler step' },
  { name: 'cache_size', type: 'uint32', group: 'task', tasks: TG, default: '0 (dynamic KV cache)', since: '2025.2', help: 'KV cache size in GB' },
  { name: 'draft_source_model', type: 'string', group: 'task', tasks: TG, default: 'unset', since: '2025.2', help: 'draft model for speculative decoding' },
  { name: 'dynamic_split_fuse', type: 'string', group: 'task', tasks: TG, default: 'true', values: TRUE_FALSE, since: '2025.2', help: 'dynamic split fuse (`true`/`false`)' },
  { name: 'reasoning_parser', type: 'string', group: 'task', tasks: TG, default: 'unset (auto)', values: ['none', 'qwen3', 'gemma4', 'gptoss', 'onyx', 'minicpm5', 'lfm2'], since: '2025.3', help: 'reasoning output parser' },
  { name: 'tool_parser', type: 'string', group: 'task', tasks: TG, default: 'unset (auto)', values: ['none', 'llama3', 'hermes3', 'phi4', 'mistral', 'gptoss', 'qwen3coder', 'devstral', 'lfm2', 'gemma4', 'onyx', 'minicpm5'], since: '2025.3', help: 'tool call parser' },
  { name: 'enable_tool_guided_generation', type: 'string', group: 'task', tasks: TG, default: 'false', since: '2025.3', help: 'only the exact string `true` enables it' },
  { name: 'cache_interval_multiplier', type: 'uint64', group: 'task', tasks: TG, default: 'unset', since: '2026.3', help: 'KV cache interval multiplier' },
  { name: 'max_prompt_len', type: 'uint32', group: 'task', tasks: TG, default: 'unset', since: '2025.2', help: 'NPU MAX_PROMPT_LEN' },
  { name: 'kv_cache_precision', type: 'string', group: 'task', tasks: TG, default: '""', since: '2025.2', help: 'KV cache precision (`u8` or empty; not validated)' },
  { name: 'model_distribution_policy', type: 'string', group: 'task', tasks: TG, default: 'unset', since: '2025.4', help: 'TENSOR_PARALLEL / PIPELINE_PARALLEL (not validated)' },
  // embeddings / rerank / image generation / speech
  { name: 'num_streams', type: 'uint32', group: 'task', tasks: NUM_STREAMS_TASKS, default: '1 (image_generation: unset)', since: '2025.2', help: 'NUM_STREAMS of the generated graph' },
  { name: 'normalize', type: 'string', group: 'task', tasks: ['embeddings'], default: 'true', values: TRUE_FALSE, since: '2025.2', help: 'normalize embeddings (`true`/`false`)' },
  { name: 'truncate', type: 'string', group: 'task', tasks: ['embeddings'], default: 'false', values: TRUE_FALSE, since: '2025.3', help: 'truncate long inputs (`true`/`false`)' },
  { name: 'pooling', type: 'string', group: 'task', tasks: ['embeddings'], default: 'unset (auto-detect)', values: ['CLS', 'LAST', 'MEAN'], since: '2025.3', help: 'pooling mode' },
  { name: 'max_allowed_chunks', type: 'uint64', group: 'task', tasks: ['rerank'], default: '10000', since: '2025.2', help: 'max chunks per rerank request' },
  { name: 'resolution', type: 'string', group: 'task', tasks: ['image_generation'], default: 'unset', since: '2025.3', help: 'space-separated WxH list' },
  { name: 'max_resolution', type: 'string', group: 'task', tasks: ['image_generation'], default: '4096x4096', since: '2025.2', help: 'WxH' },
  { name: 'default_resolution', type: 'string', group: 'task', tasks: ['image_generation'], default: 'unset', since: '2025.2', help: 'WxH' },
  { name: 'num_images_per_prompt', type: 'uint32', group: 'task', tasks: ['image_generation'], default: 'unset', since: '2025.3', help: 'default images per prompt' },
  { name: 'guidance_scale', type: 'float', group: 'task', tasks: ['image_generation'], default: 'unset', since: '2025.3', help: 'default guidance scale' },
  { name: 'max_num_images_per_prompt', type: 'uint32', group: 'task', tasks: ['image_generation'], default: '10', min: 1, since: '2025.2', help: 'max images per prompt (> 0)' },
  { name: 'default_num_inference_steps', type: 'uint32', group: 'task', tasks: ['image_generation'], default: 'unset', min: 1, since: '2025.2', help: 'default inference steps (> 0)' },
  { name: 'max_num_inference_steps', type: 'uint32', group: 'task', tasks: ['image_generation'], default: '100', min: 1, since: '2025.2', help: 'max inference steps (> 0)' },
  { name: 'model_type', type: 'string', group: 'task', tasks: ['text2speech'], default: 'speecht5', values: ['speecht5', 'kokoro'], since: '2026.3', help: 'text-to-speech model type' },
  { name: 'vocoder', type: 'string', group: 'task', tasks: ['text2speech'], default: 'unset', since: '2025.4', help: 'vocoder for optimum-cli export' },
];

/** Flags that no longer exist (or never did): reference §3.9 table. */
export const REMOVED_FLAGS: readonly FlagDef[] = [
  { name: 'stateful', type: 'bool', group: 'model', default: 'false', since: OLD, removedIn: '2026.3', help: 'stateful models were removed in 2026.3' },
  { name: 'idle_sequence_cleanup', type: 'bool', group: 'model', default: 'true', since: OLD, removedIn: '2026.3', help: 'stateful models were removed in 2026.3' },
  { name: 'low_latency_transformation', type: 'bool', group: 'model', default: 'false', since: OLD, removedIn: '2026.3', help: 'stateful models were removed in 2026.3' },
  { name: 'max_sequence_number', type: 'uint32', group: 'model', default: 'unset', since: OLD, removedIn: '2026.3', help: 'stateful models were removed in 2026.3' },
  { name: 'sequence_cleaner_poll_wait_minutes', type: 'uint32', group: 'server', default: '5', since: OLD, removedIn: '2026.3', help: 'stateful models were removed in 2026.3' },
  { name: 'resize', type: 'string', group: 'model', default: 'unset', since: '2026.0', removedIn: '2026.1', help: 'existed only in 2026.0' },
  { name: 'mean_pooling', type: 'string', group: 'task', tasks: ['embeddings'], default: 'false', since: '2025.2', removedIn: '2025.3', replacement: 'pooling', help: 'replaced by --pooling MEAN in 2025.3' },
  { name: 'enable_prefix_cache', type: 'string', group: 'task', tasks: TG, default: '', since: '9999.0', replacement: 'enable_prefix_caching', help: 'never existed: a misspelling in docs/performance_tuning.md' },
];

export const FLAG_BY_NAME: ReadonlyMap<string, FlagDef> = new Map(FLAGS.map((f) => [f.name, f]));
export const REMOVED_BY_NAME: ReadonlyMap<string, FlagDef> = new Map(REMOVED_FLAGS.map((f) => [f.name, f]));
export const FLAG_NAMES: readonly string[] = FLAGS.map((f) => f.name);

/** Flags that take no separate value word. */
export function takesNoValue(def: FlagDef): boolean {
  return def.type === 'bool' || def.type === 'presence';
}

/** Whether `name` is a current flag in OVMS `version` (x.y strings). */
export function existsIn(def: FlagDef, version: string): boolean {
  return compareVersions(version, def.since) >= 0 && (def.removedIn === undefined || compareVersions(version, def.removedIn) < 0);
}

/** Compare `2025.3` style versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
