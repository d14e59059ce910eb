/** The deployment model: config.json -> graphs -> subconfigs -> models, through a host. */
import { describe, expect, it } from 'vitest';
import { lint, memoryHost } from '../../core/src';
import { deploymentOf, servesGenerativeEndpoints } from '../../core/src/deployment';
import type { ConfigDocument } from '../../core/src/documents';
import { parseDocument } from '../../core/src/languages';
import { Project } from '../../core/src/project';
import { SourceFile } from '../../core/src/text/source';

const LLM_GRAPH = `input_stream: "HTTP_REQUEST_PAYLOAD:input"
output_stream: "HTTP_RESPONSE_PAYLOAD:output"
node {
  name: "LLMExecutor"
  calculator: "HttpLLMCalculator"
  input_stream: "HTTP_REQUEST_PAYLOAD:input"
  input_side_packet: "LLM_NODE_RESOURCES:llm"
  output_stream: "HTTP_RESPONSE_PAYLOAD:output"
  node_options: { [type.googleapis.com / mediapipe.LLMCalculatorOptions]: { models_path: "./" max_tokens_limit: 4096 cache_size: 4 } }
}
`;
const SESSION_GRAPH = `input_stream: "OVTENSOR:in"
output_stream: "OVTENSOR:out"
node {
  calculator: "OpenVINOModelServerSessionCalculator"
  output_side_packet: "SESSION:s"
  node_options: { [type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: { servable_name: "missing" } }
}
node {
  calculator: "OpenVINOInferenceCalculator"
  input_side_packet: "SESSION:s"
  input_stream: "OVTENSOR:in"
  output_stream: "OVTENSOR:out"
}
`;
const files: Record<string, string> = {
  '/d/config.json': JSON.stringify({
    model_config_list: [{ config: { name: 'resnet', base_path: 'resnet' } }, { config: { name: 'llm', base_path: 'models/llm' } }],
    mediapipe_config_list: [{ name: 'pipe', base_path: 'pipe' }],
  }),
  '/d/resnet/1/model.xml': '',
  '/d/models/llm/graph.pbtxt': LLM_GRAPH,
  '/d/models/llm/config.json': '{"architectures": ["Qwen2ForCausalLM"]}',
  '/d/pipe/graph.pbtxt': SESSION_GRAPH,
  '/d/pipe/subconfig.json': JSON.stringify({ model_config_list: [{ config: { name: 'detector', base_path: 'detector' } }] }),
};

function project(): { p: Project; config: ConfigDocument } {
  const p = new Project(memoryHost(files));
  const config = parseDocument(new SourceFile('/d/config.json', files['/d/config.json']!), 'ovms-config') as ConfigDocument;
  p.add(config);
  return { p, config };
}

describe('deployment model', () => {
  it('links graphs (explicit and model entries that are graphs), subconfigs and models', () => {
    const { p } = project();
    const d = deploymentOf(p);
    expect(d.graphs.map((g) => [g.name, g.source, g.graphPath, g.graph !== undefined, g.subconfig?.file.path])).toEqual([
      ['llm', 'model_config_list', '/d/models/llm/graph.pbtxt', true, undefined],
      ['pipe', 'mediapipe_config_list', '/d/pipe/graph.pbtxt', true, '/d/pipe/subconfig.json'],
    ]);
    expect(d.modelsOf.get('/d/config.json')!.map((m) => [m.name, m.basePath])).toEqual([['resnet', '/d/resnet']]);
    expect(d.modelsOf.get('/d/pipe/subconfig.json')!.map((m) => [m.name, m.basePath])).toEqual([['detector', '/d/pipe/detector']]);
    // the Hugging Face config.json beside the LLM graph is not an OVMS subconfig
    expect(p.get('/d/models/llm/config.json')).toBeUndefined();
    expect(deploymentOf(p)).toBe(d); // memoised while the project does not change
  });
  it('tells whether a config serves generative endpoints', () => {
    const { p, config } = project();
    expect(servesGenerativeEndpoints(config, p)).toBe(true);
    const p2 = new Project(memoryHost({ ...files, '/d/models/llm/graph.pbtxt': SESSION_GRAPH }));
    const c2 = parseDocument(new SourceFile('/d/config.json', files['/d/config.json']!), 'ovms-config') as ConfigDocument;
    p2.add(c2);
    expect(servesGenerativeEndpoints(c2, p2)).toBe(false);
  });
  it('linting config.json alone lints the referenced graphs and subconfig in context', () => {
    const r = lint([{ path: '/d/config.json', text: files['/d/config.json']! }], { host: memoryHost(files) });
    expect(r.files.map((f) => f.path).sort()).toEqual(['/d/config.json', '/d/models/llm/graph.pbtxt', '/d/pipe/graph.pbtxt', '/d/pipe/subconfig.json']);
    const pipe = r.files.find((f) => f.path === '/d/pipe/graph.pbtxt')!;
    const f = pipe.findings.find((x) => x.ruleId === 'OVMS-GRAPH-013')!;
    expect(f.message).toContain('servable_name "missing"');
    expect(f.related?.map((x) => x.file)).toEqual(['/d/config.json', '/d/pipe/subconfig.json']);
    // the same graph linted alone has no context: no cross-file finding
    const alone = lint([{ path: '/d/pipe/graph.pbtxt', text: SESSION_GRAPH }], { host: memoryHost(files) });
    expect(alone.files[0]!.findings.filter((x) => x.ruleId === 'OVMS-GRAPH-013')).toEqual([]);
  });
});
