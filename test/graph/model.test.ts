/** The graph model: MediaPipe's name grammar, tag/index assignment, back edges, topology, the queue directive. */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPath } from '../helpers/lint-dir';
import { lint } from '../../core/src/lint';
import type { GraphDocument } from '../../core/src/documents';
import { parseGraphDocument } from '../../core/src/languages/pbtxt';
import { graphModel } from '../../core/src/graph/model';
import { parseTagIndex, parseTagIndexName } from '../../core/src/graph/names';
import { stronglyConnected, topologyOf } from '../../core/src/graph/topology';
import { SourceFile } from '../../core/src/text/source';

const graph = (text: string): GraphDocument => parseGraphDocument(new SourceFile('/g/graph.pbtxt', text));

describe('TAG:index:name grammar (validate_name.cc)', () => {
  it('accepts the three forms and rejects what MediaPipe rejects', () => {
    expect(parseTagIndexName('in')).toEqual({ ok: true, value: { tag: '', index: -1, name: 'in', explicitIndex: false } });
    expect(parseTagIndexName('IMAGE:in')).toEqual({ ok: true, value: { tag: 'IMAGE', index: 0, name: 'in', explicitIndex: false } });
    expect(parseTagIndexName('VIDEO:2:name_b')).toEqual({ ok: true, value: { tag: 'VIDEO', index: 2, name: 'name_b', explicitIndex: true } });
    for (const bad of ['In', 'a-b', ':x', ':0:x', 'T:01:x', 'T:0:1:x', 'T:10001:x', 'tag:x', 'T:', '']) expect(parseTagIndexName(bad).ok, bad).toBe(false);
    expect(parseTagIndexName('T:10000:x').ok).toBe(true);
  });
  it('tag_index accepts "", TAG, :3 and TAG:3', () => {
    expect(parseTagIndex('')).toEqual({ ok: true, value: { tag: '', index: 0 } });
    expect(parseTagIndex(':3')).toEqual({ ok: true, value: { tag: '', index: 3 } });
    expect(parseTagIndex('LOOPBACK')).toEqual({ ok: true, value: { tag: 'LOOPBACK', index: 0 } });
    expect(parseTagIndex('LOOPBACK:0')).toEqual({ ok: true, value: { tag: 'LOOPBACK', index: 0 } });
    expect(parseTagIndex('loopback:0').ok).toBe(false);
    expect(parseTagIndex('A:1:2').ok).toBe(false);
  });
});

describe('graph model', () => {
  const text = [
    '# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO',
    'input_stream: "HTTP_REQUEST_PAYLOAD:input"',
    'output_stream: "HTTP_RESPONSE_PAYLOAD:output"',
    'node {',
    '  name: "LLMExecutor"',
    '  calculator: "HttpLLMCalculator"',
    '  input_stream: "LOOPBACK:loopback"',
    '  input_stream: "a"',
    '  input_stream: "b"',
    '  input_stream: "HTTP_REQUEST_PAYLOAD:input"',
    '  output_stream: "LOOPBACK:loopback"',
    '  output_stream: "HTTP_RESPONSE_PAYLOAD:output"',
    '  input_stream_info: { tag_index: "LOOPBACK:0" back_edge: true }',
    '  node_options: { [type.googleapis.com / mediapipe.LLMCalculatorOptions]: { models_path: "./" } }',
    '}',
  ].join('\n');
  it('numbers untagged entries in order, reads options, back edges and the directive', () => {
    const doc = graph(text);
    const m = graphModel(doc);
    expect(m).toBe(graphModel(doc)); // memoised
    const n = m.nodes[0]!;
    expect(n.inputs.map((r) => [r.tag, r.index, r.name])).toEqual([
      ['LOOPBACK', 0, 'loopback'],
      ['', 0, 'a'],
      ['', 1, 'b'],
      ['HTTP_REQUEST_PAYLOAD', 0, 'input'],
    ]);
    expect(n.nodeOptions.map((o) => o.typeName)).toEqual(['mediapipe.LLMCalculatorOptions']);
    expect(n.streamInfos[0]).toMatchObject({ parsed: { tag: 'LOOPBACK', index: 0 }, backEdge: true });
    expect(m.queue?.value).toBe('AUTO');
    expect(doc.file.text.slice(m.queue!.valueSpan.start, m.queue!.valueSpan.end)).toBe('AUTO');
    const t = topologyOf(doc);
    expect(t.cycles).toEqual([]);
    expect([...t.backEdges].map((r) => r.raw)).toEqual(['LOOPBACK:loopback']);
    expect(t.unproducedInputs.map((u) => u.ref.name)).toEqual(['a', 'b']);
  });
  it('a trailing comment hides the directive from OVMS (a near miss, not a directive)', () => {
    const m = graphModel(graph('# OVMS_GRAPH_QUEUE_MAX_SIZE: 4 # four\ninput_stream: "in"\n'));
    expect(m.queue).toBeUndefined();
    expect(m.queueNearMisses).toHaveLength(1);
  });
});

describe('topology', () => {
  it('Tarjan finds every cycle and self-loop, iteratively (no recursion limit)', () => {
    expect(stronglyConnected(4, [[1], [2], [0], [3]]).map((c) => c.sort()).sort()).toEqual([[0, 1, 2], [3]]);
    const n = 200_000;
    const chain = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const comps = stronglyConnected(n, chain);
    expect(comps).toHaveLength(1);
    expect(comps[0]).toHaveLength(n);
  });
  it('a loop closed by a declared back edge is no cycle; the same loop without it is', () => {
    const loop = (backEdge: boolean) =>
      graph(
        `input_stream: "in"\nnode { calculator: "A" input_stream: "in" input_stream: "LOOP:b" ${backEdge ? 'input_stream_info { tag_index: "LOOP" back_edge: true }' : ''} output_stream: "a" }\nnode { calculator: "B" input_stream: "a" output_stream: "b" }\n`,
      );
    expect(topologyOf(loop(true)).cycles).toEqual([]);
    expect(topologyOf(loop(false)).cycles.map((c) => c.map((n) => n.id))).toEqual([[0, 1]]);
  });
});

describe('shared empty lists', () => {
  it('stay empty and shared after every rule has run over every graph fixture', () => {
    // the model shares one empty array among all empty port, option and info lists (a frozen one
    // would slow every for-of over them); a rule that pushed into one would corrupt every model
    const root = path.join(__dirname, '../fixtures/rules');
    let linted = 0;
    for (const id of fs.readdirSync(root)) {
      for (const kind of ['valid', 'invalid']) {
        const dir = path.join(root, id, kind);
        if (!fs.existsSync(dir)) continue;
        lintPath(dir); // throws on a rule failure
        linted++;
      }
    }
    expect(linted).toBe(fs.readdirSync(root).length * 2);
    const m = graphModel(graph('node { calculator: "A" }\nnode { calculator: "B" }'));
    const [a, b] = m.nodes;
    for (const key of ['inputs', 'outputs', 'inputSidePackets', 'outputSidePackets', 'streamInfos', 'calculatorOnlyFields', 'nodeOptions', 'options'] as const) {
      expect(a![key], key).toEqual([]);
      expect(a![key] === b![key], key).toBe(true);
    }
    expect((m.nodes[0]!.inputs as unknown) === m.nodes[0]!.nodeOptions).toBe(false); // two shared arrays: ports and payloads
  });
});

describe('port entries written as unclosed strings (as while typing)', () => {
  it('are read with their whole text, and the rules still run', () => {
    const text = 'node {\n  calculator: "PassThroughCalculator"\n  input_stream: "IN:a\n  input_stream: "ab\n  output_stream: "o}\n  output_stream: "OUT:b"\n}\n';
    const m = graphModel(graph(text));
    expect(m.nodes[0]!.inputs.map((r) => [r.tag, r.index, r.name, r.error])).toEqual([
      ['IN', 0, 'a', undefined],
      ['', 0, 'ab', undefined],
    ]);
    expect(m.nodes[0]!.outputs.map((r) => [r.name, r.error !== undefined])).toEqual([
      ['o}', true],
      ['b', false],
    ]);
    const result = lint([{ path: '/g/graph.pbtxt', text }]);
    expect(result.ruleFailures).toEqual([]);
    expect(result.files[0]!.findings.filter((f) => f.ruleId === 'OVMS-MP-008').map((f) => f.message.split(',')[0])).toEqual([
      'Node #1 (PassThroughCalculator) consumes stream "a"',
      'Node #1 (PassThroughCalculator) consumes stream "ab"',
    ]);
  });
});
