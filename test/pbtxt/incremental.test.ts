/**
 * Incremental re-parse of edited graphs (core/src/pbtxt/incremental.ts, the language service's
 * path on every keystroke): after each of many random edits — inserts, deletes, replacements,
 * with braces, brackets, quotes, escapes, comments and directives — the re-parsed document must
 * equal a fresh parse of the new text: the tree (every node, span and value), comments, syntax
 * errors, the schema check and the document's syntax issues. Then the same through the
 * language service against a full lint of the final text (test/lsp/service.test.ts style).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GraphDocument } from '../../core/src/documents';
import { memoryHost } from '../../core/src/host';
import { parseGraphDocument, reparseGraphDocument } from '../../core/src/languages/pbtxt';
import { changedRange } from '../../core/src/pbtxt/incremental';
import { checkGraph } from '../../core/src/proto/check';
import { LanguageService } from '../../core/src/service';
import { SourceFile } from '../../core/src/text/source';
import { ROOT } from '../helpers/lsp-client';
import { pbtxtFiles } from '../helpers/pbtxt-files';
import { mutate, rng } from './differential/mutator';

const SNIPPETS = [
  '{', '}', '[', ']', '<', '>', ':', ';', ',', '"', "'", '#', '\n', ' ', '-', '.', '/', '\\', '\\n', '\\x4', '\0', 'é', '😀',
  '0', '7', '0x1F', '08', '1.5e', '.5', '1f', 'true', 'x', '_a1', 'name', 'node', 'node {', 'node {\n', '}\n', '""', '"a" "b"',
  'name: "n"', 'calculator: "OpenVINOInferenceCalculator"\n', 'input_stream: "IN:a"\n', 'output_stream: "OUT:b"', 'input_stream: ["a", "b"]',
  'num_threads: 4\n', 'max_queue_size: -1', 'type: "T"', 'node: <\n name: "x"\n>\n', 'executor { name: "e" }\n',
  '[type.googleapis.com/mediapipe.OpenVINOInferenceCalculatorOptions] {', '[mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: 2 }',
  'node_options: { [type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: { servable_name: "m" } }',
  '# a comment\n', '# ovms-lint-disable-next-line OVMS-MP-001\n', '# OVMS_GRAPH_QUEUE_MAX_SIZE: 4\n', '# proto-message: Foo\n',
  'node {\n  name: "added"\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out2"\n}\n',
];

/**
 * One random edit of `text`: an insert, a delete or a replacement at a random place, or (one in
 * five) one or two token-level mutations of the differential test (strings, escapes, numbers, …).
 */
function edit(text: string, rnd: () => number, original: number): string {
  if (rnd() < 0.2) return mutate(text, rnd);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = Math.floor(rnd() * (text.length + 1));
  const len = 1 + Math.floor(rnd() * (rnd() < 0.8 ? 4 : 60));
  const r = rnd();
  const grow = text.length < original * 2;
  if (r < 0.4 && grow) return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
  if (r < 0.7 || !grow) return text.slice(0, at) + text.slice(at + len);
  return text.slice(0, at) + pick(SNIPPETS) + text.slice(at + len);
}

/** Everything the rules read of a graph document, as plain data. */
function snapshot(doc: GraphDocument): unknown {
  return JSON.parse(JSON.stringify({ ast: doc.ast, syntax: doc.syntax, check: checkGraph(doc.ast) }));
}

/** A graph with most of the grammar: comments between fields, lists, `<>`, separators, escapes, adjacent strings, options. */
function generated(nodes: number): string {
  const out = ['# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO\n', 'input_stream: "OVTENSOR:in"\n', 'output_stream: "OVTENSOR:out"\n'];
  out.push('node {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:session"\n  node_options: {\n    [type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: {\n      servable_name: "resnet"\n      servable_version: "1"\n    }\n  }\n}\n');
  let prev = 'in';
  for (let i = 0; i < nodes; i++) {
    const next = `s${i}`;
    if (i % 4 === 1) out.push(`# node ${i}\n`);
    if (i % 5 === 2) out.push(`node: <\n  name: 'p\\x41ss_${i}' calculator: "PassThrough" "Calculator";\n  input_stream: ["${prev}"], output_stream: "${next}"\n>\n`);
    else
      out.push(
        `node {\n  name: "infer_${i}"\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:${prev}"\n  output_stream: "OVTENSOR:${next}"\n  node_options: {\n    [type.googleapis.com / mediapipe.OpenVINOInferenceCalculatorOptions]: {\n      tag_to_input_tensor_names { key: "OVTENSOR" value: "input" }\n      tag_to_output_tensor_names { key: "OVTENSOR" value: "output" }\n    }\n  }\n}\n`,
      );
    prev = next;
  }
  out.push(`num_threads: -2\nnode {\n  name: "last"\n  calculator: "OpenVINOInferenceCalculator"\n  input_stream: "OVTENSOR:${prev}"\n  output_stream: "OVTENSOR:out"\n}\n`);
  return out.join('');
}

/** Apply `steps` random edits to `text`, re-parsing incrementally; returns how many re-parses reused the tree. */
function run(text: string, steps: number, seed: number, restartEvery = Infinity): { incremental: number } {
  const rnd = rng(seed);
  let doc = parseGraphDocument(new SourceFile('/g/graph.pbtxt', text));
  let incremental = 0;
  for (let k = 0; k < steps; k++) {
    // random edits pile up errors everywhere; starting over now and then also edits clean text
    const next = k % restartEvery === restartEvery - 1 ? text : edit(doc.file.text, rnd, text.length);
    const file = new SourceFile('/g/graph.pbtxt', next);
    const before = new Set(doc.ast.root.fields);
    const got = reparseGraphDocument(doc, file);
    if (got.ast.root.fields.some((f) => before.has(f))) incremental++;
    const want = parseGraphDocument(file);
    expect(snapshot(got), `edit ${k} (seed ${seed})`).toEqual(snapshot(want));
    doc = got;
  }
  return { incremental };
}

describe('incremental re-parse equals a full parse', () => {
  const files = pbtxtFiles(path.join(ROOT, 'test/fixtures'));

  test('after random edits of every graph fixture', () => {
    expect(files.length).toBeGreaterThan(100);
    let steps = 0;
    let incremental = 0;
    files.forEach((f, i) => {
      const r = run(fs.readFileSync(f, 'utf8'), 40, 1000 + i);
      steps += 40;
      incremental += r.incremental;
    });
    // the incremental path is the common one, not an exception
    expect(incremental / steps).toBeGreaterThan(0.3);
  });

  test('after random edits of a generated graph', () => {
    const r = run(generated(30), 800, 7, 20);
    expect(r.incremental / 800).toBeGreaterThan(0.5);
  });

  test('the changed range of two texts', () => {
    expect(changedRange('abc', 'abc')).toBeUndefined();
    expect(changedRange('node { a: 1 }', 'node { a: 12 }')).toEqual({ start: 11, oldEnd: 11, newEnd: 12 });
    expect(changedRange('aXb', 'ab')).toEqual({ start: 1, oldEnd: 2, newEnd: 1 });
    const big = 'x'.repeat(10000);
    expect(changedRange(big + 'a' + big, big + 'bc' + big)).toEqual({ start: 10000, oldEnd: 10001, newEnd: 10002 });
    expect(changedRange(big, big + big)).toEqual({ start: 10000, oldEnd: 10000, newEnd: 20000 });
  });
});

describe('the language service, edited incrementally, reports what a full lint does', () => {
  test('after every edit of a generated graph', () => {
    const text = generated(25);
    const rnd = rng(99);
    const p = '/w/models/g/graph.pbtxt';
    const ls = new LanguageService({ host: memoryHost({}) });
    ls.setDocument(p, text, 1);
    ls.doValidation(p);
    let current = text;
    let incremental = 0;
    for (let v = 2; v < 200; v++) {
      current = v % 20 === 0 ? text : edit(current, rnd, text.length);
      const before = new Set((ls.workspace.parsed(p) as GraphDocument).ast.root.fields);
      ls.setDocument(p, current, v);
      const fresh = new LanguageService({ host: memoryHost({}) });
      fresh.setDocument(p, current, v);
      expect(ls.doValidation(p), `version ${v}`).toEqual(fresh.doValidation(p));
      if ((ls.workspace.parsed(p) as GraphDocument).ast.root.fields.some((f) => before.has(f))) incremental++;
    }
    expect(incremental).toBeGreaterThan(100);
  });
});
