/**
 * One finding per mistake between the version rules and the rules they explain (issue #5):
 * - stateful flags/keys: OVMS-VER-003 on >= 2026.3, never OVMS-CLI-010 / OVMS-CFG-003; nothing before;
 * - `block_size`: OVMS-VER-004 on >= 2025.0, never OVMS-GRAPH-001; nothing before;
 * - old media handling: OVMS-SEC-063/064 when REST reaches other machines, else OVMS-VER-006 — never both.
 */
import { describe, expect, it } from 'vitest';
import { flatten, lintText } from '../helpers/lint-dir';

const ids = (name: string, text: string, version?: string) =>
  flatten(lintText(name, text, version ? { ruleOptions: { ovmsVersion: version } } : {})).map((f) => f.ruleId);

const only = (all: string[], of: string[]) => all.filter((id) => of.includes(id)).sort();

describe('stateful options: VER-003 or nothing, never CLI-010/CFG-003', () => {
  const cmd = (tag: string) => `docker run -p 127.0.0.1:9000:9000 openvino/model_server:${tag} --model_name m --model_path /models/m --port 9000 --stateful --max_sequence_number 10\n`;
  const cfg = '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m", "stateful": true, "idle_sequence_cleanup": false}}]}';
  for (const [version, want] of [['2026.2', []], ['2026.3', ['OVMS-VER-003', 'OVMS-VER-003']], ['2027.0', ['OVMS-VER-003', 'OVMS-VER-003']]] as const) {
    it(`command line on ${version}`, () => {
      expect(only(ids('start.sh', cmd(version)), ['OVMS-VER-003', 'OVMS-CLI-010'])).toEqual(want);
    });
    it(`config.json with ovmsVersion ${version}`, () => {
      expect(only(ids('config.json', cfg, version), ['OVMS-VER-003', 'OVMS-CFG-003'])).toEqual(want);
    });
  }
  it('sequence_timeout_seconds was never accepted: CFG-003, whatever the version', () => {
    const c = '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m", "sequence_timeout_seconds": 5}}]}';
    expect(only(ids('config.json', c, '2025.0'), ['OVMS-VER-003', 'OVMS-CFG-003'])).toEqual(['OVMS-CFG-003']);
  });
});

describe('block_size: VER-004 or nothing, never GRAPH-001', () => {
  const graph = 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\noutput_stream: "HTTP_RESPONSE_PAYLOAD:output"\nnode {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_stream: "HTTP_REQUEST_PAYLOAD:input"\n  input_side_packet: "LLM_NODE_RESOURCES:llm"\n  output_stream: "HTTP_RESPONSE_PAYLOAD:output"\n  node_options: {\n    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n      models_path: "./"\n      block_size: 32\n    }\n  }\n}\n';
  for (const [version, want] of [['2024.5', []], ['2025.0', ['OVMS-VER-004']], ['2026.3', ['OVMS-VER-004']]] as const) {
    it(`ovmsVersion ${version}`, () => {
      expect(only(ids('graph.pbtxt', graph, version), ['OVMS-VER-004', 'OVMS-GRAPH-001'])).toEqual(want);
    });
  }
});

describe('old media handling: the security rule when REST reaches other machines, else VER-006', () => {
  const RULES = ['OVMS-SEC-063', 'OVMS-SEC-064', 'OVMS-VER-006'];
  const vlm = (publish: string, tag: string) => `docker run ${publish} openvino/model_server:${tag} --source_model OpenVINO/Qwen2.5-VL-7B-Instruct-int4-ov --model_repository_path /models --task text_generation --rest_port 8000\n`;
  const local = (publish: string, tag: string) => `docker run ${publish} openvino/model_server:${tag} --model_name m --model_path /models/m --rest_port 8000 --allowed_local_media_path /srv/images\n`;
  const cases: [string, string, string[]][] = [
    ['VLM 2025.4 on all interfaces', vlm('-p 8000:8000', '2025.4'), ['OVMS-SEC-064']],
    ['VLM 2025.4 on loopback', vlm('-p 127.0.0.1:8000:8000', '2025.4'), ['OVMS-VER-006']],
    ['VLM 2025.4, nothing published', vlm('', '2025.4'), ['OVMS-VER-006']],
    ['VLM 2026.0 on all interfaces', vlm('-p 8000:8000', '2026.0'), []],
    ['local media 2026.1 on all interfaces', local('-p 8000:8000', '2026.1'), ['OVMS-SEC-063']],
    ['local media 2026.1 on loopback', local('-p 127.0.0.1:8000:8000', '2026.1'), ['OVMS-VER-006']],
    ['local media 2026.2 on all interfaces', local('-p 8000:8000', '2026.2'), []],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      expect(only(ids('start.sh', text), RULES)).toEqual(want);
    });
  }
});
