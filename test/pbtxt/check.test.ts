/**
 * Type-checking of text-format trees against the graph schemas (reference mediapipe-graphs.md
 * §1.3-1.5): each case asserts the issue kind and its exact position.
 */
import { describe, expect, it } from 'vitest';
import { parsePbtxt } from '../../core/src/pbtxt/parser';
import { checkGraph } from '../../core/src/proto/check';

const issues = (t: string) => {
  const ast = parsePbtxt(t);
  expect(ast.errors).toEqual([]);
  return checkGraph(ast).issues.map((i) => ({ kind: i.kind, at: t.slice(i.span.start, i.span.end), start: i.span.start, message: i.message }));
};
const ok = (t: string) => expect(issues(t)).toEqual([]);
const LLM = (body: string) => `node { node_options { [type.googleapis.com/mediapipe.LLMCalculatorOptions] { models_path: "./" ${body} } } }`;
const at = (t: string, s: string) => t.indexOf(s);

describe('fields', () => {
  it('accepts a typical OVMS graph', () =>
    ok(`input_stream: "HTTP_REQUEST_PAYLOAD:input"
node: {
  name: "LLMExecutor"
  calculator: "HttpLLMCalculator"
  input_stream_info: { tag_index: 'LOOPBACK:0', back_edge: true }
  node_options: { [type.googleapis.com / mediapipe.LLMCalculatorOptions]: { models_path: "./", cache_size: 0, pipeline_type: VLM_CB } }
  input_stream_handler { input_stream_handler: "SyncSetInputStreamHandler", options { [mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBACK:0" } } } }
}
executor { name: "x" type: "ThreadPoolExecutor" options { [mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: 4 require_processor_performance: HIGH } } }`));
  it('reports an unknown field at its name', () => {
    const t = 'node { calculater: "X" }';
    expect(issues(t)).toEqual([{ kind: 'unknown-field', at: 'calculater', start: 7, message: 'Message type "mediapipe.CalculatorGraphConfig.Node" has no field named "calculater".' }]);
  });
  it('field names are case-sensitive', () => expect(issues('Node {}')[0]).toMatchObject({ kind: 'unknown-field', start: 0 }));
  it('rejects a message value for a scalar and a scalar for a message', () => {
    expect(issues('num_threads { }')).toEqual([{ kind: 'type', at: '{', start: 12, message: expect.stringContaining('not a message') }]);
    expect(issues('node: "x"')).toEqual([{ kind: 'type', at: '"x"', start: 6, message: expect.stringContaining('Expected "{", found ""x""') }]);
  });
  it('rejects a list on a non-repeated field and accepts it on a repeated one', () => {
    expect(issues('num_threads: [1]')).toEqual([{ kind: 'type', at: '[', start: 13, message: expect.stringContaining('not repeated') }]);
    ok('input_stream: ["a", "b"] node [{}, {}] node: []');
  });
});

describe('non-repeated fields given twice', () => {
  it('rejects a second message block even when the first is empty', () => {
    const t = 'input_stream_handler {} input_stream_handler {}';
    expect(issues(t)).toEqual([{ kind: 'type', at: 'input_stream_handler', start: 24, message: 'Non-repeated field "input_stream_handler" is specified multiple times.' }]);
  });
  it('rejects a second non-default proto3 scalar', () => expect(issues('node { calculator: "A" calculator: "B" }')[0]).toMatchObject({ kind: 'type', start: 23 }));
  it('proto3 loophole: a default first value may be overwritten', () => {
    ok('num_threads: 0 num_threads: 4');
    ok('node { calculator: "" calculator: "B" }');
    ok('report_deadlock: false report_deadlock: true');
  });
  it('-0.0 counts as set for a float (protobuf compares bits)', () => {
    // ProfilerConfig has no float; the proto2 options below have presence anyway
    const t = LLM('cache_size: 0 cache_size: 0');
    expect(issues(t)[0]).toMatchObject({ kind: 'type', start: at(t, 'cache_size: 0 ') + 14 });
  });
  it('proto2 fields have presence: a default value counts', () => {
    const t = LLM('device: "" device: "GPU"');
    expect(issues(t)).toEqual([{ kind: 'type', at: 'device', start: t.lastIndexOf('device'), message: 'Non-repeated field "device" is specified multiple times.' }]);
  });
});

describe('scalar values', () => {
  const one = (body: string) => issues(LLM(body));
  it('integers: ranges, sign, float tokens', () => {
    expect(one('best_of_limit: -1')[0]).toMatchObject({ kind: 'type', at: '-1', message: expect.stringContaining('Expected integer, got: -') });
    expect(one('best_of_limit: 4294967296')[0]).toMatchObject({ message: expect.stringContaining('Integer out of range (4294967296)') });
    expect(one('max_num_seqs: 18446744073709551615')).toEqual([]);
    expect(one('max_num_seqs: 18446744073709551616')[0]).toMatchObject({ message: expect.stringContaining('Integer out of range') });
    expect(one('max_num_seqs: 1.5')[0]).toMatchObject({ message: expect.stringContaining('Expected integer, got: 1.5') });
    expect(one('max_num_seqs: 0x10 cache_size: 017')).toEqual([]);
    expect(issues('num_threads: -2147483648')).toEqual([]);
    expect(issues('num_threads: -2147483649')[0]).toMatchObject({ message: expect.stringContaining('Integer out of range') });
  });
  it('bools', () => {
    for (const v of ['true', 'True', 't', 'false', 'False', 'f', '0', '1', '0x1', '01']) expect(one(`enable_prefix_caching: ${v}`)).toEqual([]);
    expect(one('enable_prefix_caching: TRUE')[0]).toMatchObject({ at: 'TRUE', message: expect.stringContaining('Invalid value for boolean field "enable_prefix_caching". Value: "TRUE".') });
    expect(one('enable_prefix_caching: 2')[0]).toMatchObject({ message: expect.stringContaining('Integer out of range (2)') });
    expect(one('enable_prefix_caching: "true"')[0]).toMatchObject({ message: expect.stringContaining('Expected identifier, got: "true"') });
  });
  it('floats and doubles', () => {
    const t = (v: string) => issues(`node { node_options { [type.googleapis.com/mediapipe.T2sCalculatorOptions] { models_path: "x" speed_min: ${v} } } }`);
    for (const v of ['1', '1.5', '-2', '.5', '1e3', '1.5f', 'inf', '-Infinity', 'NaN', '0']) expect(t(v)).toEqual([]);
    expect(t('0x10')[0]).toMatchObject({ message: expect.stringContaining('Expect a decimal number, got: 0x10') });
    expect(t('010')[0]).toMatchObject({ message: expect.stringContaining('Expect a decimal number, got: 010') });
    expect(t('Foo')[0]).toMatchObject({ message: expect.stringContaining('Expected double, got: foo') });
  });
  it('strings', () => {
    expect(one('device: GPU')[0]).toMatchObject({ at: 'GPU', message: expect.stringContaining('Expected string, got: GPU') });
    expect(one('device: 1')[0]).toMatchObject({ message: expect.stringContaining('Expected string, got: 1') });
    expect(one("device: 'G' \"PU\"")).toEqual([]);
  });
  it('enums by name and by number; closed proto2 enums reject unknown numbers', () => {
    expect(one('pipeline_type: VLM')).toEqual([]);
    expect(one('pipeline_type: 1')).toEqual([]);
    expect(one('pipeline_type: vlm')[0]).toMatchObject({ at: 'vlm', message: expect.stringContaining('Unknown enumeration value of "vlm" for field "pipeline_type"') });
    expect(one('pipeline_type: 9')[0]).toMatchObject({ message: expect.stringContaining('Unknown enumeration value of "9"') });
    expect(one('pipeline_type: -VLM')[0]).toMatchObject({ message: expect.stringContaining('Expected integer, got: VLM') });
    expect(one('pipeline_type: "VLM"')[0]).toMatchObject({ message: expect.stringContaining('Expected integer or identifier') });
  });
});

describe('extensions and Any', () => {
  it('rejects an extension of another container', () => {
    const t = 'node { options { [mediapipe.SyncSetInputStreamHandlerOptions.ext] { } } }';
    expect(issues(t)).toEqual([{ kind: 'type', at: '[mediapipe.SyncSetInputStreamHandlerOptions.ext]', start: 17, message: expect.stringContaining('is not defined or is not an extension of "mediapipe.CalculatorOptions"') }]);
  });
  it('accepts an options extension in a node', () => ok('node { options { [mediapipe.LLMCalculatorOptions.ext] { models_path: "./" } } }'));
  it('an extension name inside an Any and a type URL outside one are errors', () => {
    expect(issues('node { node_options { [mediapipe.LLMCalculatorOptions.ext] { } } }')[0]).toMatchObject({ kind: 'type', start: 22, message: expect.stringContaining('Expected "/", found "]"') });
    expect(issues('node { options { [type.googleapis.com/mediapipe.LLMCalculatorOptions] { } } }')[0]).toMatchObject({ kind: 'type', start: 17, message: expect.stringContaining('Expected "]", found "/"') });
  });
  it('only the googleapis / googleprod prefixes', () => {
    ok('node { node_options { [type.googleprod.com/mediapipe.PythonExecutorCalculatorOptions] { handler_path: "a.py" } } }');
    expect(issues('node { node_options { [example.com/mediapipe.PythonExecutorCalculatorOptions] { handler_path: "a.py" } } }')[0]).toMatchObject({ kind: 'type', start: 22, message: expect.stringContaining('Could not find type') });
  });
  it('rejects a second expansion in one Any', () => {
    const t = 'node { node_options { [type.googleapis.com/mediapipe.PythonExecutorCalculatorOptions] { handler_path: "a" } [type.googleapis.com/mediapipe.PythonExecutorCalculatorOptions] { handler_path: "b" } } }';
    expect(issues(t)).toEqual([{ kind: 'type', at: expect.any(String), start: t.lastIndexOf('[type'), message: expect.stringContaining('Non-repeated Any specified multiple times') }]);
  });
  it('types unknown to ovms-lint are listed, not errors', () => {
    const ast = parsePbtxt('node { node_options { [type.googleapis.com/mediapipe.FooOptions] { anything: 1 } } options { [mediapipe.BarOptions.ext] { x: 1 } } }');
    const r = checkGraph(ast);
    expect(r.issues).toEqual([]);
    expect(r.unknownOptions.map((u) => u.name)).toEqual(['mediapipe.FooOptions', 'mediapipe.BarOptions']);
  });
  it('reports missing required fields at the options name, also nested', () => {
    const t = 'node { node_options { [type.googleapis.com/mediapipe.ImageGenCalculatorOptions] { lora_adapters { alias: "a" } } } }';
    expect(issues(t)).toEqual([
      { kind: 'required', at: 'lora_adapters', start: at(t, 'lora_adapters'), message: 'Required field "path" of mediapipe.ImageGenCalculatorOptions.LoraAdapterEntry is missing.' },
      { kind: 'required', at: '[type.googleapis.com/mediapipe.ImageGenCalculatorOptions]', start: 22, message: 'Required field "models_path" of mediapipe.ImageGenCalculatorOptions is missing.' },
    ]);
  });
  it('map fields are repeated key/value entries', () => ok('node { node_options { [type.googleapis.com/mediapipe.OpenVINOInferenceCalculatorOptions] { tag_to_input_tensor_names { key: "A" value: "b" } tag_to_input_tensor_names: [{ key: "A" value: "c" }] } } }'));
  it('collects plugin_config strings for the JSON check', () => {
    const r = checkGraph(parsePbtxt(LLM(`plugin_config: '{"A": 1}'`)));
    expect(r.jsonStrings.map((j) => [j.typeName, j.field, j.value.value])).toEqual([['mediapipe.LLMCalculatorOptions', 'plugin_config', '{"A": 1}']]);
  });
  it('skips files that declare another message type', () => expect(checkGraph(parsePbtxt('# proto-message: mediapipe.Detection\nlabel: "x"')).checked).toBe(false));
});
