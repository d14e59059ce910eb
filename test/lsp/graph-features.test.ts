/** Editor features in MediaPipe graphs, through the language service (in-process). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryHost } from '../../core/src/host';
import { LanguageService } from '../../core/src/service';

const WS = path.resolve(__dirname, '../fixtures/lsp/ws');
const graph = fs.readFileSync(path.join(WS, 'models/llm/graph.pbtxt'), 'utf8');
const config = fs.readFileSync(path.join(WS, 'config.json'), 'utf8');

function service(files: Record<string, string>) {
  const ls = new LanguageService({ host: memoryHost(files), roots: ['/w'] });
  for (const [p, t] of Object.entries(files)) ls.setDocument(p, t, 1);
  return ls;
}

/** 0-based position of `needle` (+ delta) in `text`. */
function pos(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(needle);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const G = '/w/models/llm/graph.pbtxt';

describe('hover', () => {
  const ls = service({ [G]: graph });
  test('on a node field', () => {
    expect(ls.doHover(G, pos(graph, 'calculator:', 2))?.contents.value).toBe(
      '**`calculator`** (string)\n\nThe registered calculator or subgraph this node runs.',
    );
  });
  test('on a calculator', () => {
    const h = ls.doHover(G, pos(graph, '"HttpLLMCalculator"', 3))!;
    expect(h.contents.value).toContain('**`HttpLLMCalculator`** — OVMS text generation');
    expect(h.contents.value).toContain('Side packets: `LLM_NODE_RESOURCES:llm`, `LLM_NODE_EXECUTION_CONTEXTS:llm_ctx`');
    const p = pos(graph, '"HttpLLMCalculator"');
    expect(h.range).toEqual({ start: p, end: { line: p.line, character: p.character + '"HttpLLMCalculator"'.length } });
  });
  test('on an option field and on the options type', () => {
    expect(ls.doHover(G, pos(graph, 'max_num_seqs', 1))?.contents.value).toBe('**`max_num_seqs`** (uint64, default 256)\n\nConcurrent sequences.');
    expect(ls.doHover(G, pos(graph, 'mediapipe.LLMCalculatorOptions', 2))?.contents.value).toMatch(
      /^\*\*`mediapipe\.LLMCalculatorOptions`\*\* — options of `HttpLLMCalculator`\n\nOptions of OVMS's text generation node \(HttpLLMCalculator\), read once when the graph loads\.\n\n- `models_path` \(string\) \*\*required\*\*\n/,
    );
  });
  test('on an enum-typed option and on its value (documented in the .proto)', () => {
    const text = graph.replace('      device: "CPU"\n', '      device: "CPU"\n      pipeline_type: VLM_CB\n      plugin_config: \'{}\'\n');
    const ls2 = service({ [G]: text });
    expect(ls2.doHover(G, pos(text, 'pipeline_type', 2))?.contents.value).toBe(
      '**`pipeline_type`** (enum PipelineType, default AUTO)\n\nAUTO infers it from the model directory and device; an explicit VLM/non-VLM must match the model.\n\nValues: `LM`, `VLM`, `LM_CB`, `VLM_CB`, `OMNI`, `AUTO`',
    );
    expect(ls2.doHover(G, pos(text, 'VLM_CB', 2))?.contents.value).toBe(
      '`VLM_CB` — a value of `mediapipe.LLMCalculatorOptions.PipelineType`\n\nA vision-language model with continuous batching.',
    );
    // a string default is shown quoted
    expect(ls2.doHover(G, pos(text, 'plugin_config', 2))?.contents.value).toMatch(/^\*\*`plugin_config`\*\* \(string, default ""\)\n\nA JSON object in a string/);
  });
  test('on a stream and a side packet', () => {
    expect(ls.doHover(G, pos(graph, '"LOOPBACK:loopback"', 3))?.contents.value).toBe(
      'stream `loopback`\n\nProduced by: `LLMExecutor`\n\nConsumed by: `LLMExecutor`',
    );
    expect(ls.doHover(G, pos(graph, '"LLM_NODE_RESOURCES:llm"', 3))?.contents.value).toBe(
      'side packet `llm`\n\nProduced by: OVMS (supplied when the graph starts)\n\nConsumed by: `LLMExecutor`',
    );
    expect(ls.doHover(G, pos(graph, '"HTTP_REQUEST_PAYLOAD:input"', 3))?.contents.value).toBe(
      'stream `input`\n\nProduced by: the graph input\n\nConsumed by: `LLMExecutor`',
    );
  });
});

describe('completion', () => {
  test('node fields not yet present (repeated ones always), in field-number order', () => {
    const text = graph.replace('  calculator: "HttpLLMCalculator"\n', '  calculator: "HttpLLMCalculator"\n  max\n');
    const ls = service({ [G]: text });
    const items = ls.doComplete(G, pos(text, '  max\n', 5)).items;
    expect(items.map((i) => i.label)).toEqual([
      'input_stream',
      'output_stream',
      'input_side_packet',
      'output_side_packet',
      'options',
      'node_options',
      'source_layer',
      'buffer_size_hint',
      'output_stream_handler',
      'input_stream_info',
      'executor',
      'profiler_config',
      'max_in_flight',
      'option_value',
      'external_input',
    ]);
    const p = pos(text, '  max\n', 2);
    expect(items.find((i) => i.label === 'max_in_flight')!.textEdit).toEqual({ range: { start: p, end: { line: p.line, character: p.character + 3 } }, newText: 'max_in_flight: $1' });
  });

  test('calculator names', () => {
    const text = graph.replace('calculator: "HttpLLMCalculator"', 'calculator: "Ht"');
    const ls = service({ [G]: text });
    const items = ls.doComplete(G, pos(text, '"Ht"', 3)).items;
    expect(items.map((i) => i.label)).toContain('"HttpLLMCalculator"');
    expect(items.map((i) => i.label)).toContain('"OpenVINOInferenceCalculator"');
    const p = pos(text, '"Ht"');
    expect(items[0]!.textEdit!.range).toEqual({ start: p, end: { line: p.line, character: p.character + 4 } });
  });

  test('option fields of the node calculator, and the options type inside node_options', () => {
    const text = graph.replace('      device: "CPU"\n', '      device: "CPU"\n      en\n');
    const ls = service({ [G]: text });
    const items = ls.doComplete(G, pos(text, '      en\n', 8)).items.map((i) => i.label);
    expect(items).toContain('enable_prefix_caching');
    expect(items).toContain('tool_parser');
    expect(items).not.toContain('max_num_seqs'); // already set
    expect(items).not.toContain('handler_path'); // another calculator's option

    const empty = graph.replace(/ {2}node_options: \{[\s\S]*?\n {2}\}\n/, '  node_options: {\n    \n  }\n');
    const ls2 = service({ [G]: empty });
    const opts = ls2.doComplete(G, pos(empty, '  node_options: {\n    ', '  node_options: {\n    '.length)).items;
    expect(opts.map((i) => [i.label, i.textEdit!.newText])).toEqual([
      ['[type.googleapis.com/mediapipe.LLMCalculatorOptions]', '[type.googleapis.com/mediapipe.LLMCalculatorOptions]: {\n\t$0\n}'],
    ]);
  });

  test('stream tags of the calculator and streams produced in the graph', () => {
    const text = graph.replace('  input_stream: "LOOPBACK:loopback"\n', '  input_stream: \n');
    const ls = service({ [G]: text });
    const items = ls.doComplete(G, pos(text, '  input_stream: \n', 16)).items.map((i) => i.label);
    expect(items).toEqual(['"HTTP_REQUEST_PAYLOAD:"', '"LOOPBACK:"', '"HTTP_REQUEST_PAYLOAD:input"', '"LOOPBACK:loopback"', '"HTTP_RESPONSE_PAYLOAD:output"']);
  });

  test('enum values of an option', () => {
    const text = graph.replace('      device: "CPU"\n', '      device: "CPU"\n      pipeline_type: \n');
    const ls = service({ [G]: text });
    const items = ls.doComplete(G, pos(text, 'pipeline_type: ', 15)).items;
    expect(items.map((i) => i.label)).toEqual(['LM', 'VLM', 'LM_CB', 'VLM_CB', 'OMNI', 'AUTO']);
    expect(items[5]!.documentation).toEqual({ kind: 'markdown', value: 'Chosen from the model directory and the device (the default).' });
  });

  test('string values OVMS checks against a list (the rules\' lists), quoted', () => {
    const text = graph.replace('      device: "CPU"\n', '      device: "CPU"\n      reasoning_parser: \n');
    const ls = service({ [G]: text });
    expect(ls.doComplete(G, pos(text, 'reasoning_parser: ', 18)).items.map((i) => i.label)).toEqual(['"qwen3"', '"gemma4"', '"gptoss"', '"onyx"', '"minicpm5"', '"lfm2"', '"none"']);
  });
});

describe('symbols and definition', () => {
  test('outline: graph inputs/outputs and nodes with their streams', () => {
    const ls = service({ [G]: graph });
    const s = ls.findDocumentSymbols(G);
    expect(s.map((x) => [x.name, x.detail])).toEqual([
      ['HTTP_REQUEST_PAYLOAD:input', 'graph input'],
      ['HTTP_RESPONSE_PAYLOAD:output', 'graph output'],
      ['LLMExecutor', 'HttpLLMCalculator'],
    ]);
    expect(s[2]!.children!.map((x) => [x.name, x.detail])).toEqual([
      ['LOOPBACK:loopback', 'input_stream'],
      ['HTTP_REQUEST_PAYLOAD:input', 'input_stream'],
      ['LLM_NODE_RESOURCES:llm', 'input_side_packet'],
      ['LLM_NODE_EXECUTION_CONTEXTS:llm_ctx', 'input_side_packet'],
      ['LOOPBACK:loopback', 'output_stream'],
      ['HTTP_RESPONSE_PAYLOAD:output', 'output_stream'],
    ]);
  });

  test('a consumed stream goes to its producer', () => {
    const ls = service({ [G]: graph });
    const defs = ls.findDefinition(G, pos(graph, '"HTTP_REQUEST_PAYLOAD:input"', 25, ));
    // the first occurrence is the graph input itself: look at the node's input instead
    const nodeInput = graph.indexOf('"HTTP_REQUEST_PAYLOAD:input"', graph.indexOf('node'));
    const before = graph.slice(0, nodeInput + 25);
    const at = { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
    const toInput = ls.findDefinition(G, at);
    expect(toInput.map((d) => [d.targetPath, d.targetSelectionRange.start.line])).toEqual([[G, 1]]);
    expect(defs.map((d) => d.targetSelectionRange.start.line)).toEqual([]);
    const loop = ls.findDefinition(G, pos(graph, '"LOOPBACK:loopback"', 12));
    expect(loop.map((d) => [d.targetSelectionRange.start.line, d.targetRange.start.line])).toEqual([[11, 4]]);
  });

  test('servable_name goes to the model entry of the config that owns the graph', () => {
    const g2 = 'input_stream: "OVTENSOR:in"\noutput_stream: "OVTENSOR:out"\nnode {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:s"\n  node_options: {\n    [type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: {\n      servable_name: "resnet"\n    }\n  }\n}\n';
    const cfg = config.replace('"graph_path": "graph.pbtxt"', '"graph_path": "g2.pbtxt"');
    const ls = service({ '/w/config.json': cfg, '/w/models/llm/g2.pbtxt': g2 });
    const defs = ls.findDefinition('/w/models/llm/g2.pbtxt', pos(g2, '"resnet"', 2));
    expect(defs.map((d) => [d.targetPath, d.targetSelectionRange.start])).toEqual([['/w/config.json', pos(cfg, '"resnet"')]]);
  });
});

describe('formatting', () => {
  function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]) {
    const lines = text.split('\n');
    const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
  }

  test('re-indents by nesting and drops trailing whitespace, tokens untouched', () => {
    const messy = 'input_stream: "A:a"   \nnode {\ncalculator: "X"\n      node_options: {\n[type.googleapis.com/mediapipe.LLMCalculatorOptions]: <\n  models_path: "./" # a { comment\n    >\n   }\n  input_stream: [\n"A:a",\n  "B:b"]\n\t\n}\n';
    const ls = service({ [G]: messy });
    const formatted = apply(messy, ls.format(G, { tabSize: 2, insertSpaces: true }));
    expect(formatted).toBe(
      'input_stream: "A:a"\nnode {\n  calculator: "X"\n  node_options: {\n    [type.googleapis.com/mediapipe.LLMCalculatorOptions]: <\n      models_path: "./" # a { comment\n    >\n  }\n  input_stream: [\n    "A:a",\n    "B:b"]\n\n}\n',
    );
    ls.setDocument(G, formatted, 2);
    expect(ls.format(G, { tabSize: 2, insertSpaces: true })).toEqual([]);
  });

  test('leaves a graph with syntax errors alone', () => {
    const ls = service({ [G]: 'node {\ncalculator: "X"\n' });
    expect(ls.format(G, { tabSize: 2, insertSpaces: true })).toEqual([]);
  });
});

describe('document links', () => {
  test('models_path of an LLM node links to the model directory', () => {
    const ls = new LanguageService({ host: memoryHost({ [G]: graph, '/w/models/llm/openvino_model.xml': '<net/>' }) });
    ls.setDocument(G, graph, 1);
    const p = pos(graph, '"./"', 1);
    expect(ls.findDocumentLinks(G)).toEqual([
      { range: { start: p, end: { line: p.line, character: p.character + 2 } }, target: '/w/models/llm', tooltip: 'Open models_path' },
    ]);
  });
});
