/**
 * What the editor says about config.json: every key OVMS 2026.3 accepts, where it may appear,
 * its type, allowed values and a short explanation (facts from reference/ovms-config.md §1–§2).
 * Hover and completion read this; nothing else is written twice. Validation is the rules' job.
 */

import { DEFAULT_METRICS, OPTIONAL_METRICS } from '../../rules/config/keys';

export type ValueShape =
  | { type: 'object'; props: Record<string, KeyDoc>; /** Shape of keys not listed (maps). */ additional?: ValueShape; mapDoc?: string }
  | { type: 'array'; items: ValueShape }
  | { type: 'string'; values?: ValueDoc[] }
  | { type: 'integer'; values?: ValueDoc[] }
  | { type: 'boolean' }
  | { type: 'scalar' }
  | { type: 'string-or-object'; values?: ValueDoc[]; additional: ValueShape }
  | { type: 'integer-or-string'; values?: ValueDoc[] };

export interface ValueDoc {
  /** The JSON value as written (strings without quotes). */
  value: string | number | boolean;
  doc: string;
}

export interface KeyDoc {
  doc: string;
  shape: ValueShape;
  required?: boolean;
  /** Where the fact comes from in OVMS's sources. */
  source?: string;
}

const str = (values?: ValueDoc[]): ValueShape => (values ? { type: 'string', values } : { type: 'string' });
const int: ValueShape = { type: 'integer' };
const bool: ValueShape = { type: 'boolean' };

const layoutShape = (what: 'shape' | 'layout'): ValueShape => ({
  type: 'string-or-object',
  values:
    what === 'shape'
      ? [
          { value: '(1,3,224,224)', doc: 'A static shape.' },
          { value: '(-1,3,224,224)', doc: 'Any batch size (`-1` = dynamic dimension).' },
          { value: '(1:8,3,224,224)', doc: 'A dimension range `min:max`.' },
          { value: 'auto', doc: 'Deprecated: reshape on each request. Use dynamic shapes instead.' },
        ]
      : [
          { value: 'NHWC:NCHW', doc: 'Accept NHWC input for a model that expects NCHW (OVMS adds the transpose).' },
          { value: 'NCHW', doc: 'The layout of the model input.' },
        ],
  additional: { type: 'string' },
});

const versionPolicy: ValueShape = {
  type: 'object',
  props: {
    all: { doc: 'Serve every numeric version directory found under `base_path`. Must be the empty object `{}`.', shape: { type: 'object', props: {} } },
    latest: {
      doc: 'Serve the highest `num_versions` versions (the default policy is `{"latest": {"num_versions": 1}}`).',
      shape: { type: 'object', props: { num_versions: { doc: 'How many of the highest versions to serve; an integer ≥ 1.', shape: int, required: true } } },
    },
    specific: {
      doc: 'Serve exactly the listed versions.',
      shape: { type: 'object', props: { versions: { doc: 'Version numbers to serve, integers ≥ 1.', shape: { type: 'array', items: int }, required: true } } },
    },
  },
};

const targetDevices: ValueDoc[] = [
  { value: 'CPU', doc: 'Run on the CPU (the default when the key is absent).' },
  { value: 'GPU', doc: 'Run on the first Intel GPU (`GPU.1` names the second).' },
  { value: 'NPU', doc: 'Run on the Intel NPU.' },
  { value: 'AUTO', doc: 'Let OpenVINO choose the device.' },
  { value: 'HETERO:GPU,CPU', doc: 'Split the model across devices in priority order.' },
  { value: 'MULTI:GPU,CPU', doc: 'Run inference requests on several devices in parallel.' },
];

const sourceNode: ValueShape = {
  type: 'object',
  props: {},
  mapDoc: 'An input of this node: the key is the input name, the value names the node and data item that feed it.',
  additional: {
    type: 'object',
    props: {
      node_name: { doc: 'The node producing the data; `request` is the pipeline input.', shape: str(), required: true },
      data_item: { doc: 'The output (alias) of that node, or a pipeline input name when `node_name` is `request`.', shape: str(), required: true },
    },
  },
};

const modelConfig: ValueShape = {
  type: 'object',
  props: {
    name: { doc: 'The servable name clients call. It must be unique across models, pipelines and graphs; `/` is allowed.', shape: str(), required: true },
    base_path: {
      doc: 'The model repository: a directory holding numeric version folders (`1/`, `2/`), or a single model file, local or `s3://`, `gs://`, `az://`/`azfs://`. Relative paths are relative to the config file. `azure://` is not recognised. Since 2025.1 it may be omitted (the config directory).',
      shape: str(),
    },
    batch_size: {
      doc: 'Batch size: an integer, `"-1"` (any), `"min:max"`; `"auto"` is deprecated. Ignored when `shape` is set too.',
      shape: { type: 'integer-or-string', values: [{ value: '-1', doc: 'Any batch size.' }, { value: '1:8', doc: 'A batch size range.' }] },
    },
    graph_path: { doc: 'The MediaPipe graph file of this entry (relative to `base_path`, default `graph.pbtxt`). With it the entry becomes a graph and every model-only key is ignored.', shape: str() },
    subconfig: { doc: 'The subconfig.json with the models of this graph (relative to `base_path`).', shape: str() },
    model_version_policy: { doc: 'Which versions to serve: exactly one of `all`, `latest`, `specific`.', shape: versionPolicy },
    shape: { doc: 'Input shape(s): one shape string for a single-input model, or an object input name → shape.', shape: layoutShape('shape') },
    layout: { doc: 'Input/output layout(s), `"NHWC:NCHW"` or an object name → layout.', shape: layoutShape('layout') },
    nireq: { doc: 'Number of parallel inference requests (0 = let OpenVINO decide). Values above 100000 fail at load.', shape: int },
    target_device: { doc: 'The OpenVINO device; OVMS does not check the name in the schema, so a typo fails only at load.', shape: str(targetDevices) },
    allow_cache: { doc: 'Opt in to OpenVINO model caching for models that are normally not cached. Fails together with `custom_loader_options`.', shape: bool },
    plugin_config: {
      doc: 'OpenVINO properties for the device, e.g. `{"PERFORMANCE_HINT": "LATENCY"}`. Values must be strings, numbers or booleans; a nested object (even `DEVICE_PROPERTIES`) makes the whole file invalid.',
      shape: {
        type: 'object',
        mapDoc: 'An OpenVINO property.',
        additional: { type: 'scalar' },
        props: {
          PERFORMANCE_HINT: { doc: 'Optimise for `LATENCY`, `THROUGHPUT` or `CUMULATIVE_THROUGHPUT`.', shape: str([{ value: 'LATENCY', doc: 'Lowest latency per request.' }, { value: 'THROUGHPUT', doc: 'Most requests per second.' }, { value: 'CUMULATIVE_THROUGHPUT', doc: 'Throughput across several devices.' }]) },
          NUM_STREAMS: { doc: 'Number of execution streams.', shape: { type: 'scalar' } },
          INFERENCE_NUM_THREADS: { doc: 'CPU threads for inference.', shape: { type: 'scalar' } },
          KV_CACHE_PRECISION: { doc: 'Precision of the LLM KV cache, e.g. `u8`.', shape: str() },
        },
      },
    },
    custom_loader_options: {
      doc: 'Load this model with a custom loader: `loader_name` names an entry of `custom_loader_config_list`; the other values (strings) go to the loader.',
      shape: { type: 'object', props: { loader_name: { doc: 'Name of a custom loader from `custom_loader_config_list`.', shape: str(), required: true } }, additional: str() },
    },
  },
};

const pipelineNode: ValueShape = {
  type: 'object',
  props: {
    name: { doc: 'Node name, unique in the pipeline; other nodes refer to it as `node_name`.', shape: str(), required: true },
    type: {
      doc: 'Node type: exactly `"DL model"` (needs `model_name`) or `"custom"` (needs `library_name`).',
      shape: str([{ value: 'DL model', doc: 'Runs a model served by OVMS (`model_name`).' }, { value: 'custom', doc: 'Runs a custom node library (`library_name`).' }]),
      required: true,
    },
    model_name: { doc: 'The served model this DL node runs.', shape: str() },
    library_name: { doc: 'The custom node library (from `custom_node_library_config_list`) this node runs.', shape: str() },
    version: { doc: 'Pin a model version (integer ≥ 1).', shape: int },
    inputs: { doc: 'The node inputs, each `{"<input>": {"node_name": …, "data_item": …}}`.', shape: { type: 'array', items: sourceNode }, required: true },
    outputs: {
      doc: 'The node outputs: `{"data_item": "<model output>", "alias": "<name for consumers>"}`.',
      shape: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            data_item: { doc: 'The model or library output name.', shape: str(), required: true },
            alias: { doc: 'The name other nodes use for it.', shape: str(), required: true },
          },
        },
      },
      required: true,
    },
    params: { doc: 'Custom node parameters; every value must be a string.', shape: { type: 'object', props: {}, additional: str() } },
    demultiply_count: { doc: 'Split the output along its first dimension into this many branches (-1 = dynamic, up to 10000).', shape: int },
    gather_from_node: { doc: 'Gather the branches created by this upstream demultiplexer node.', shape: str() },
  },
};

const configRoot: ValueShape = {
  type: 'object',
  props: {
    model_config_list: {
      doc: 'The models (and, since 2025.1, MediaPipe graphs) OVMS serves. Required, may be `[]`. Each item is exactly `{"config": {…}}`.',
      shape: { type: 'array', items: { type: 'object', props: { config: { doc: 'One model (or graph) entry.', shape: modelConfig, required: true } } } },
      required: true,
    },
    mediapipe_config_list: {
      doc: 'MediaPipe graphs. Each graph reads `<base_path>/graph.pbtxt` by default; `base_path` defaults to `<config dir>/<name>/`.',
      shape: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            name: { doc: 'The graph (servable) name clients call; may contain `/`.', shape: str(), required: true },
            base_path: { doc: 'The graph directory (default `<config dir>/<name>/`), relative to the config file.', shape: str() },
            graph_path: { doc: 'The graph file, relative to `base_path` (default `graph.pbtxt`).', shape: str() },
            subconfig: { doc: 'The subconfig.json with the models the graph uses, relative to `base_path` (default `subconfig.json`).', shape: str() },
          },
        },
      },
    },
    pipeline_config_list: {
      doc: 'DAG pipelines of models and custom nodes.',
      shape: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            name: { doc: 'The pipeline (servable) name.', shape: str(), required: true },
            inputs: { doc: 'Names of the pipeline inputs (node `request` provides them).', shape: { type: 'array', items: str() }, required: true },
            outputs: { doc: 'The pipeline outputs, each `{"<name>": {"node_name": …, "data_item": …}}`.', shape: { type: 'array', items: sourceNode }, required: true },
            nodes: { doc: 'The nodes of the pipeline.', shape: { type: 'array', items: pipelineNode }, required: true },
            demultiply_count: { doc: 'Demultiply the pipeline input (-1..10000).', shape: int },
          },
        },
      },
    },
    custom_node_library_config_list: {
      doc: 'Custom node libraries (`.so`) that pipeline nodes of type `custom` run.',
      shape: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            name: { doc: 'The library name nodes refer to as `library_name`.', shape: str(), required: true },
            base_path: { doc: 'Path of the shared library file itself.', shape: str(), required: true },
          },
        },
      },
    },
    custom_loader_config_list: {
      doc: 'Custom model loaders. Each item is exactly `{"config": {…}}`. Linux only.',
      shape: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            config: {
              doc: 'One custom loader.',
              required: true,
              shape: {
                type: 'object',
                props: {
                  loader_name: { doc: 'The name models use in `custom_loader_options.loader_name`.', shape: str(), required: true },
                  library_path: { doc: 'The loader library; it must export `createCustomLoader`.', shape: str(), required: true },
                  loader_config_file: { doc: 'A configuration file handed to the loader.', shape: str() },
                },
              },
            },
          },
        },
      },
    },
    monitoring: {
      doc: 'Metrics settings: exactly `{"metrics": {…}}`. Conflicts with `--metrics_enable` on the command line; enabled metrics need `--rest_port`.',
      shape: {
        type: 'object',
        props: {
          metrics: {
            doc: 'The Prometheus metrics endpoint (`/metrics` on the REST port).',
            required: true,
            shape: {
              type: 'object',
              props: {
                enable: { doc: 'Turn the metrics endpoint on.', shape: bool, required: true },
                metrics_list: {
                  doc: 'Metric families to expose (default: the standard set). An unknown name stops the server.',
                  shape: {
                    type: 'array',
                    items: str([
                      ...DEFAULT_METRICS.map((value) => ({ value, doc: 'Metric family of the default set (enabled when `metrics_list` is absent).' })),
                      ...OPTIONAL_METRICS.map((value) => ({ value, doc: 'Optional metric family (only when listed).' })),
                    ]),
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** The subconfig of a graph holds only `model_config_list` (OVMS reads nothing else there). */
const subconfigRoot: ValueShape = {
  type: 'object',
  props: { model_config_list: (configRoot as { props: Record<string, KeyDoc> }).props.model_config_list! },
};

export const CONFIG_ROOT = configRoot;
export const SUBCONFIG_ROOT = subconfigRoot;

/** The shape at a JSON path (keys and indices), or undefined where the schema knows nothing. */
export function shapeAt(root: ValueShape, path: (string | number)[]): ValueShape | undefined {
  let cur: ValueShape | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    cur = childShape(cur, seg);
  }
  return cur;
}

export function childShape(shape: ValueShape, seg: string | number): ValueShape | undefined {
  if (typeof seg === 'number') return shape.type === 'array' ? shape.items : undefined;
  return keyDoc(shape, seg)?.shape ?? (shape.type === 'object' || shape.type === 'string-or-object' ? shape.additional : undefined);
}

/** The documentation of a key of an object shape. */
export function keyDoc(shape: ValueShape, key: string): KeyDoc | undefined {
  if (shape.type !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(shape.props, key) ? shape.props[key] : undefined;
}
