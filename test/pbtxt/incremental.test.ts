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
import { parseEditedGraph, parseGraphDocument } from '../../core/src/languages/pbtxt';
import { changedRange, reparsePbtxt } from '../../core/src/pbtxt/incremental';
import type { PbDocument, PbMessage } from '../../core/src/pbtxt/ast';
import type { ScalarNode } from '../../core/src/pbtxt/nodes';
import { MAX_NESTING, parsePbtxt } from '../../core/src/pbtxt/parser';
import { checkGraph } from '../../core/src/proto/check';
import { LanguageService } from '../../core/src/service';
import { SourceFile } from '../../core/src/text/source';
import { ROOT } from '../helpers/lsp-client';
import { pbtxtFiles } from '../helpers/pbtxt-files';
import { mutate, rng } from './differential/mutator';

const SNIPPETS = [
  '{', '}', '[', ']', '<', '>', ':', ';', ',', '"', "'", '#', '\n', ' ', '-', '.', '/', '\\', '\\n', '\\x4', '\0', 'é', '😀',
  '\r\n', '\r', '\t', '0', '7', '0x1F', '08', '1.5e', '.5', '1f', 'true', 'x', '_a1', 'name', 'node', 'node {', 'node {\n', '}\n', '""', '"a" "b"',
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
  let doc = parseEditedGraph(undefined, new SourceFile('/g/graph.pbtxt', text));
  let incremental = 0;
  for (let k = 0; k < steps; k++) {
    // random edits pile up errors everywhere; starting over now and then also edits clean text
    const next = k % restartEvery === restartEvery - 1 ? text : edit(doc.file.text, rnd, text.length);
    const file = new SourceFile('/g/graph.pbtxt', next);
    const before = new Set(doc.ast.root.fields);
    const got = parseEditedGraph(doc, file);
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

  test('fields whose colon, bracketed name or separator lies far, and scalars too long for packed lengths, are shifted exactly', () => {
    // the tree packs short distances and lengths into numbers and keeps far ones aside: both must move
    const gap = ' '.repeat(20_000);
    const text = `node { name: "a" }\nnum_threads${gap}: 4\nnode { node_options: { [type.googleapis.com/${gap}m.X]${gap}: { b: -2 } }${gap}; }\nnum_threads: 5 ,\nx: "${'z'.repeat(2 ** 23)}" "w"\n`;
    const prev = parsePbtxt(text);
    const edited = text.replace('name: "a"', 'name: "abc"');
    const next = reparsePbtxt(prev, text, edited);
    expect(next).toBeDefined();
    expect(JSON.parse(JSON.stringify(next))).toEqual(JSON.parse(JSON.stringify(parsePbtxt(edited))));
  });

  test('a re-parsed string knows whether it is one closed literal from the new text, not the old one', () => {
    // the new fields are parsed while the tree still reads the old text: closedness must come from the new one
    const text = `a: "x"\nb: "y"\nnode { input_stream: "IN:q" }\nd: 'w'\n`;
    const plain = (doc: PbDocument) => {
      const out: [string, boolean][] = [];
      const walk = (m: PbMessage) => {
        for (const f of m.fields) {
          if (f.value?.kind === 'message') walk(f.value);
          else if (f.value?.kind === 'scalar') out.push([f.name, (f.value as ScalarNode).plainSource !== undefined]);
        }
      };
      walk(doc.root);
      return out;
    };
    for (const [from, to] of [['a: "x"', 'a: "xyz"'], ['a: "x"', 'a: ""'], ['b: "y"', 'b: "y" "q"'], ['"IN:q"', '"IN:qq"'], ["d: 'w'", "d: 'w\"'"]] as const) {
      const edited = text.replace(from, to);
      const next = reparsePbtxt(parsePbtxt(text), text, edited);
      expect(next, to).toBeDefined();
      expect(plain(next!), to).toEqual(plain(parsePbtxt(edited)));
    }
    expect(plain(parsePbtxt(text))).toEqual([['a', true], ['b', true], ['input_stream', true], ['d', true]]);
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

describe('when the tree is re-parsed incrementally, and when not', () => {
  const graph = [
    '# OVMS_GRAPH_QUEUE_MAX_SIZE: 4\n',
    'input_stream: "in"\n',
    'node {\n  calculator: "A"\n  input_stream: "in"\n  output_stream: "a"\n}\n',
    '# ovms-lint-disable-next-line OVMS-MP-001\n',
    'node {\n  calculator: "B"  # plain\n  input_stream: "a"\n  output_stream: "b"\n}\n',
    'node {\n  calculator: "C"\n  input_stream: "b"\n  output_stream: "out"\n}\n',
  ].join('');
  /** The re-parse of `graph` with `from` (its first occurrence, `+ delta` characters) replaced by `to`; undefined when it fell back. */
  const reparse = (text: string, from: string, to: string, delta = 0) => {
    const prev = parsePbtxt(text);
    const fields = prev.root.fields;
    const starts = fields.map((f) => f.span.start);
    const at = text.indexOf(from) + delta;
    const next = text.slice(0, at) + to + text.slice(at + from.length - delta);
    const doc = reparsePbtxt(prev, text, next);
    if (doc) expect(JSON.parse(JSON.stringify(doc))).toEqual(JSON.parse(JSON.stringify(parsePbtxt(next))));
    return doc && { doc, fields, starts };
  };

  test('an edit inside a node block re-parses that block only: the other fields are the same nodes, moved', () => {
    const r = reparse(graph, '"B"', '"Bee"')!;
    expect(r.doc.root.fields.map((f, i) => f === r.fields[i])).toEqual([true, true, false, true]);
    expect(r.doc.root.fields.map((f) => f.span.start)).toEqual([r.starts[0], r.starts[1], r.starts[2], r.starts[3]! + 2]);
    // the last field, to the end of the file; a plain comment inside the block
    expect(reparse(graph, '"C"', '"D"')).toBeDefined();
    expect(reparse(graph, '# plain', '# other')).toBeDefined();
    // a node block split in two: still exact
    expect(reparse(graph, '  input_stream: "a"', '}\nnode {\n  input_stream: "a"')!.doc.root.fields).toHaveLength(5);
  });

  test('falls back to a full parse when the edit may change more than its block', () => {
    // in the header, across two blocks, in a directive comment
    expect(reparse(graph, 'MAX_SIZE: 4', 'MAX_SIZE: 5')).toBeUndefined();
    expect(reparse(graph, '"a"\n}\n# ovms', '"a" ovms')).toBeUndefined();
    expect(reparse(graph, 'OVMS-MP-001', 'OVMS-MP-002')).toBeUndefined();
    expect(reparse(graph, '# plain', '# ovms-lint-disable-line')).toBeUndefined();
    // the block swallows the next one (the last block runs to the end of the file: always exact)
    expect(reparse(graph, '"B"\n', '"B" {\n')).toBeUndefined();
    expect(reparse(graph, '"b"\n}', '"b"\n')).toBeUndefined();
    expect(reparse(graph, '"out"\n}', '"out"\n')).toBeDefined();
    // next to a block with a syntax error
    const broken = graph.replace('calculator: "C"', 'calculator: ');
    expect(reparse(broken, '"B"', '"Bee"')).toBeUndefined();
    expect(reparse(broken, '"A"', '"Aa"')).toBeDefined();
  });

  test('messages nested deeper than the parser reads', () => {
    const deep = `node {\n  name: "a"\n}\nnode { options ${'{ a '.repeat(MAX_NESTING + 5)}${'} '.repeat(MAX_NESTING + 5)}}\nnode {\n  name: "z"\n}\n`;
    // inside the deep block (its own error is re-made); next to it, the neighbours' fall back
    expect(reparse(deep, 'options { a { a', 'options { a { b')).toBeDefined();
    expect(reparse(deep, '} } }', '} }  }')).toBeDefined();
    expect(reparse(deep, '"a"', '"b"')).toBeUndefined();
    expect(parsePbtxt(deep).errors.map((e) => e.message)).toEqual([expect.stringContaining('nested more than')]);
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
