/**
 * The flag table against reference ovms-config.md §3: every flag, its type, and a value inside
 * and outside its range/values as OVMS parses and validates it.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_BY_NAME, FLAGS, REMOVED_BY_NAME, existsIn } from '../../core/src/flags/table';
import { parseBool, parseFloatStrict, parseUnsigned } from '../../core/src/flags/values';
import { lintText, flatten } from '../helpers/lint-dir';

type Row = [name: string, type: string, ok: string, bad: string | null];

/** Every flag of reference §3.3-§3.5, with a value OVMS accepts and one it refuses (null: not validated). */
const ROWS: Row[] = [
  ['port', 'uint32', '9000', '65536'],
  ['grpc_bind_address', 'string', '127.0.0.1,::1', '[::1]'],
  ['rest_port', 'uint32', '8000', '70000'],
  ['rest_bind_address', 'string', 'localhost', 'cafe'],
  ['grpc_workers', 'uint32', '4', '0'],
  ['grpc_max_threads', 'uint32', '64', '-1'],
  ['grpc_memory_quota', 'uint64', '2147483648', '2GB'],
  ['rest_workers', 'uint32', '16', '10001'],
  ['log_level', 'string', 'WARNING', 'debug'],
  ['log_path', 'string', '/tmp/ovms.log', null],
  ['verbose_response', 'bool', 'true', 'yes'],
  ['trace_path', 'string', 'trace.json', null],
  ['grpc_channel_arguments', 'string', 'grpc.max_concurrent_streams=8', 'a=b=c'],
  ['file_system_poll_wait_seconds', 'uint32', '0', '+1'],
  ['custom_node_resources_cleaner_interval_seconds', 'uint32', '300', '1.5'],
  ['cache_dir', 'string', '/opt/cache', null],
  ['metrics_enable', 'bool', 'false', 'on'],
  ['metrics_list', 'string', 'ovms_requests_success', null],
  ['cpu_extension', 'string', '/ext/lib.so', null],
  ['allowed_media_domains', 'list', 'example.com', null],
  ['allowed_local_media_path', 'string', '/media', null],
  ['allow_credentials', 'bool', 'True', 'TRUE'],
  ['allowed_origins', 'string', 'https://ui.example', null],
  ['allowed_methods', 'string', 'GET,POST', null],
  ['allowed_headers', 'string', 'Authorization', null],
  ['api_key_file', 'string', '/run/secrets/key', null],
  ['config_path', 'string', '/models/config.json', null],
  ['list_models', 'presence', '', null],
  ['add_to_config', 'presence', '', null],
  ['remove_from_config', 'presence', '', null],
  ['pull', 'presence', '', null],
  ['source_model', 'string', 'OpenVINO/Qwen3-8B-int4-ov', null],
  ['source_loras', 'string', 'a=org/repo', null],
  ['gguf_filename', 'string', 'm.gguf', null],
  ['overwrite_models', 'bool', '1', 'y'],
  ['model_repository_path', 'string', '/models', null],
  ['weight-format', 'string', 'int4', null],
  ['extra_quantization_params', 'string', '--sym', null],
  ['task', 'string', 'rerank', 'chat'],
  ['configure', 'presence', '', null],
  ['model_name', 'string', 'resnet', null],
  ['model_path', 'string', '/models/resnet', null],
  ['batch_size', 'string', '1', null],
  ['shape', 'string', '(1,3,224,224)', null],
  ['layout', 'string', 'NHWC:NCHW', null],
  ['mean', 'string', '[1,2,3]', null],
  ['scale', 'string', '255', null],
  ['color_format', 'string', 'RGB:BGR', null],
  ['precision', 'string', 'FP16:FP32', null],
  ['model_version_policy', 'string', '{"all": {}}', null],
  ['nireq', 'uint32', '0x10', '-4'],
  ['target_device', 'string', 'GPU', null],
  ['plugin_config', 'string', '{"NUM_STREAMS": "1"}', null],
  ['max_num_seqs', 'uint32', '256', 'many'],
  ['pipeline_type', 'string', 'VLM_CB', 'CB'],
  ['enable_prefix_caching', 'string', 'false', 'False'],
  ['max_num_batched_tokens', 'uint32', '8192', '8k'],
  ['cache_size', 'uint32', '10', '-10'],
  ['draft_source_model', 'string', 'OpenVINO/Qwen3-0.6B-int4-ov', null],
  ['dynamic_split_fuse', 'string', 'true', 'on'],
  ['reasoning_parser', 'string', 'qwen3', 'deepseek'],
  ['tool_parser', 'string', 'hermes3', 'hermes'],
  ['enable_tool_guided_generation', 'string', 'true', null],
  ['cache_interval_multiplier', 'uint64', '4', '-4'],
  ['max_prompt_len', 'uint32', '2048', '2k'],
  ['kv_cache_precision', 'string', 'u8', null],
  ['model_distribution_policy', 'string', 'TENSOR_PARALLEL', null],
  ['num_streams', 'uint32', '2', '-2'],
  ['normalize', 'string', 'true', '1'],
  ['truncate', 'string', 'false', 'no'],
  ['pooling', 'string', 'LAST', 'mean'],
  ['max_allowed_chunks', 'uint64', '10000', '1e4'],
  ['resolution', 'string', '512x512 1024x1024', null],
  ['max_resolution', 'string', '1024x1024', '1024'],
  ['default_resolution', 'string', '512x512', '512*512'],
  ['num_images_per_prompt', 'uint32', '1', '-1'],
  ['guidance_scale', 'float', '7.5', 'high'],
  ['max_num_images_per_prompt', 'uint32', '4', '0'],
  ['default_num_inference_steps', 'uint32', '20', '0'],
  ['max_num_inference_steps', 'uint32', '50', '0'],
  ['model_type', 'string', 'kokoro', 'Kokoro'],
  ['vocoder', 'string', 'microsoft/speecht5_hifigan', null],
  ['help', 'presence', '', null],
  ['version', 'presence', '', null],
];

describe('flag table', () => {
  it('holds exactly the flags of reference §3', () => {
    expect(FLAGS.map((f) => f.name).sort()).toEqual(ROWS.map((r) => r[0]).sort());
  });

  for (const [name, type, ok, bad] of ROWS) {
    it(`--${name}: ${type}${bad === null ? '' : `, refuses ${JSON.stringify(bad)}`}`, () => {
      const def = FLAG_BY_NAME.get(name)!;
      expect(def.type).toBe(type);
      const accepts = (v: string): boolean => {
        if (def.type === 'uint32' || def.type === 'uint64') {
          const n = parseUnsigned(v, def.type);
          return n !== undefined && (def.min === undefined || n >= BigInt(def.min)) && (def.max === undefined || n <= BigInt(def.max));
        }
        if (def.type === 'bool') return parseBool(v) !== undefined;
        if (def.type === 'float') return parseFloatStrict(v) !== undefined;
        if (def.values) return def.values.includes(v);
        return true;
      };
      if (def.type !== 'presence') expect(accepts(ok)).toBe(true);
      if (bad !== null && !['grpc_bind_address', 'rest_bind_address', 'grpc_channel_arguments', 'max_resolution', 'default_resolution'].includes(name)) {
        expect(accepts(bad)).toBe(false);
      }
    });
  }

  it('knows the CPU-dependent defaults (reference §3.8)', () => {
    expect(FLAG_BY_NAME.get('grpc_max_threads')!.default).toMatch(/cores × 8/);
    expect(FLAG_BY_NAME.get('rest_workers')!.default).toMatch(/min\(CPU cores, \(open-files limit − 15\) \/ 7\)/);
    expect(FLAG_BY_NAME.get('grpc_channel_arguments')!.default).toMatch(/max_concurrent_streams = CPU cores/);
  });

  it('dates flags by release (reference §3.9)', () => {
    const api = FLAG_BY_NAME.get('api_key_file')!;
    expect(existsIn(api, '2025.3')).toBe(false);
    expect(existsIn(api, '2025.4')).toBe(true);
    expect(existsIn(FLAG_BY_NAME.get('configure')!, '2026.2')).toBe(false);
    expect(existsIn(FLAG_BY_NAME.get('source_loras')!, '2026.2')).toBe(true);
    const stateful = REMOVED_BY_NAME.get('stateful')!;
    expect(existsIn(stateful, '2026.2')).toBe(true);
    expect(existsIn(stateful, '2026.3')).toBe(false);
    expect(existsIn(REMOVED_BY_NAME.get('resize')!, '2026.0')).toBe(true);
    expect(existsIn(REMOVED_BY_NAME.get('resize')!, '2026.1')).toBe(false);
    expect(REMOVED_BY_NAME.get('mean_pooling')!.replacement).toBe('pooling');
  });
});

describe('every refused value is a start-up finding', () => {
  // one command per flag with a refused value, in the mode where OVMS checks it
  const base: Record<string, string> = {
    default: 'ovms --config_path /m/config.json --rest_port 8000 --port 9000',
    model: 'ovms --model_name m --model_path /m --rest_port 8000',
    text_generation: 'ovms --source_model OpenVINO/x --model_repository_path /m --task text_generation --rest_port 8000',
    embeddings: 'ovms --source_model OpenVINO/x --model_repository_path /m --task embeddings --rest_port 8000',
    rerank: 'ovms --source_model OpenVINO/x --model_repository_path /m --task rerank --rest_port 8000',
    image_generation: 'ovms --source_model OpenVINO/x --model_repository_path /m --task image_generation --rest_port 8000',
    text2speech: 'ovms --source_model OpenVINO/x --model_repository_path /m --task text2speech --rest_port 8000',
  };
  for (const [name, , , bad] of ROWS) {
    if (bad === null) continue;
    const def = FLAG_BY_NAME.get(name)!;
    const mode = def.group === 'task' ? (def.tasks![0] === 'speech2text' ? 'embeddings' : def.tasks![0]!) : def.group === 'model' ? 'model' : 'default';
    const prefix = name === 'port' || name === 'rest_port' ? base.model!.replace(' --rest_port 8000', '') : base[mode] ?? base.default!;
    const line = def.type === 'bool' ? `${prefix} --${name}=${bad}` : `${prefix} --${name} ${bad}`;
    it(`${line}`, () => {
      const findings = flatten(lintText('run.sh', line)).filter((f) => f.severity === 'error' && f.impact === 'startup');
      expect(findings.map((f) => f.ruleId).length, JSON.stringify(findings)).toBeGreaterThan(0);
    });
  }
});
