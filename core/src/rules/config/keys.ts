/**
 * Names OVMS 2026.3 knows in config.json (reference ovms-config.md §1, §2.16). Shared by the
 * schema messages and the semantic config rules.
 */
import { OVMS_TOP_LEVEL_KEYS } from '../../detect';

export const TOP_LEVEL_KEYS: readonly string[] = OVMS_TOP_LEVEL_KEYS;

/** Keys of a model_config_list item's `config` object (§1.3). */
export const MODEL_CONFIG_KEYS = [
  'name',
  'base_path',
  'batch_size',
  'graph_path',
  'subconfig',
  'model_version_policy',
  'shape',
  'layout',
  'nireq',
  'target_device',
  'allow_cache',
  'plugin_config',
  'custom_loader_options',
] as const;

/** Keys that only matter for a model (ignored when the entry turns out to be a graph, §2.4). */
export const MODEL_ONLY_KEYS = [
  'batch_size',
  'shape',
  'layout',
  'nireq',
  'target_device',
  'plugin_config',
  'model_version_policy',
  'allow_cache',
  'custom_loader_options',
] as const;

/** Keys of a mediapipe_config_list item (§1.8). */
export const MEDIAPIPE_CONFIG_KEYS = ['name', 'base_path', 'graph_path', 'subconfig'] as const;

/** Model options that exist only on the command line (docs/parameters.md lists them, the schema rejects them). */
export const CLI_ONLY_MODEL_KEYS = ['mean', 'scale', 'color_format', 'precision'] as const;

/** Stateful-model keys OVMS accepted until 2026.2 and removed in 2026.3 (commit ddaeb173e; OVMS-VER-003 reports them). */
export const STATEFUL_MODEL_KEYS = ['stateful', 'idle_sequence_cleanup', 'low_latency_transformation', 'max_sequence_number'] as const;

/** Stateful-model keys the current schema rejects (`sequence_timeout_seconds` never was accepted). */
export const REMOVED_STATEFUL_KEYS = [...STATEFUL_MODEL_KEYS, 'sequence_timeout_seconds'] as const;

/** Keys ModelConfig::parseNode reads although the main schema rejects them (they work in subconfig.json). */
export const PARSE_NODE_EXTRA_KEYS = [...CLI_ONLY_MODEL_KEYS, 'version'] as const;

export const PIPELINE_KEYS = ['name', 'nodes', 'inputs', 'outputs', 'demultiply_count'] as const;
export const NODE_KEYS = [
  'name',
  'type',
  'model_name',
  'library_name',
  'version',
  'inputs',
  'outputs',
  'params',
  'demultiply_count',
  'gather_from_node',
] as const;

/** Metric families accepted in `metrics_list` (src/metrics/metric_config.hpp:85-105). */
export const DEFAULT_METRICS = [
  'ovms_current_requests',
  'ovms_requests_success',
  'ovms_requests_fail',
  'ovms_request_time_us',
  'ovms_streams',
  'ovms_inference_time_us',
  'ovms_wait_for_infer_req_time_us',
  'ovms_current_graphs',
  'ovms_requests_accepted',
  'ovms_requests_rejected',
  'ovms_graph_error',
  'ovms_graph_processing_time_us',
  'ovms_responses',
] as const;
export const OPTIONAL_METRICS = ['ovms_infer_req_queue_size', 'ovms_infer_req_active'] as const;
export const METRIC_NAMES: readonly string[] = [...DEFAULT_METRICS, ...OPTIONAL_METRICS];

