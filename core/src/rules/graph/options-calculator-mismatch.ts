import { graphModel, type GraphNode } from '../../graph/model';
import { descriptor } from '../../proto/descriptor';
import type { Span } from '../../types';
import type { GraphRule } from '../types';

/** The options type each OVMS calculator reads (reference mediapipe-graphs.md §4.2). */
export const CALCULATOR_OPTIONS: Record<string, string> = {
  HttpLLMCalculator: 'mediapipe.LLMCalculatorOptions',
  EmbeddingsCalculatorOV: 'mediapipe.EmbeddingsCalculatorOVOptions',
  RerankCalculatorOV: 'mediapipe.RerankCalculatorOVOptions',
  ImageGenCalculator: 'mediapipe.ImageGenCalculatorOptions',
  S2tCalculator: 'mediapipe.S2tCalculatorOptions',
  T2sCalculator: 'mediapipe.T2sCalculatorOptions',
  PythonExecutorCalculator: 'mediapipe.PythonExecutorCalculatorOptions',
  PyTensorOvTensorConverterCalculator: 'mediapipe.PyTensorOvTensorConverterCalculatorOptions',
  OpenVINOModelServerSessionCalculator: 'mediapipe.OpenVINOModelServerSessionCalculatorOptions',
  OpenVINOInferenceCalculator: 'mediapipe.OpenVINOInferenceCalculatorOptions',
};

/** Calculators whose OVMS node initializer reads node_options(0) (reference §4.4). */
const READS_FIRST_NODE_OPTIONS = new Set(['HttpLLMCalculator', 'EmbeddingsCalculatorOV', 'RerankCalculatorOV', 'ImageGenCalculator', 'S2tCalculator', 'T2sCalculator', 'PythonExecutorCalculator']);

interface Block {
  type: string;
  span: Span;
  first: boolean;
}

/**
 * The node's options blocks of known types, in source order: each node_options Any expansion
 * (`first`: it sits in the first node_options entry, the one OVMS unpacks) and each `options`
 * extension of CalculatorOptions, read from the graph model's payloads.
 */
function optionBlocks(node: GraphNode): Block[] {
  const out: Block[] = [];
  for (const p of node.nodeOptions) {
    if (p.field.bracketed === 'any' && descriptor.messages[p.typeName]) out.push({ type: p.typeName, span: p.field.nameSpan, first: p.entry === 0 });
  }
  for (const p of node.options) {
    if (p.field.bracketed !== 'extension') continue;
    const ext = descriptor.extensions[p.field.name];
    if (ext?.typeName && ext.extendee === 'mediapipe.CalculatorOptions') out.push({ type: ext.typeName, span: p.field.nameSpan, first: false });
  }
  if (node.nodeOptions.length && node.options.length) out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** Whether every known options block of the node has the expected type (the usual case: no block list is made). */
function onlyExpected(node: GraphNode, expected: string): boolean {
  let seen = false;
  for (const p of node.nodeOptions) {
    if (p.field.bracketed !== 'any' || !descriptor.messages[p.typeName]) continue;
    if (p.typeName !== expected) return false;
    seen = true;
  }
  for (const p of node.options) {
    if (p.field.bracketed !== 'extension') continue;
    const ext = descriptor.extensions[p.field.name];
    if (!ext?.typeName || ext.extendee !== 'mediapipe.CalculatorOptions') continue;
    if (ext.typeName !== expected) return false;
    seen = true;
  }
  return seen;
}

export const optionsCalculatorMismatch: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-002',
    name: 'options-calculator-mismatch',
    severity: 'error',
    impact: 'load',
    tags: ['schema', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'Options type does not match the node\'s calculator',
    description:
      'Each OVMS calculator reads one options type: HttpLLMCalculator ↔ LLMCalculatorOptions, EmbeddingsCalculatorOV ↔ EmbeddingsCalculatorOVOptions, RerankCalculatorOV ↔ RerankCalculatorOVOptions, ImageGenCalculator ↔ ImageGenCalculatorOptions, S2tCalculator ↔ S2tCalculatorOptions, T2sCalculator ↔ T2sCalculatorOptions, PythonExecutorCalculator ↔ PythonExecutorCalculatorOptions (and the OpenVINO session/inference and pytensor converter calculators with theirs). Reports a node whose first node_options entry, or all of whose options, have another known type.',
    why:
      'OVMS node initializers unpack node_options(0) as the calculator\'s own options type (e.g. src/python/pythonnoderesources.cpp:117); another type fails the unpacking and the graph is not loaded. MediaPipe itself silently ignores options of a type the calculator does not read, so a copied block of the wrong calculator type leaves every setting at its default.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "HttpLLMCalculator"\n  node_options: {\n    [type.googleapis.com / mediapipe.EmbeddingsCalculatorOVOptions]: { models_path: "./" }\n  }\n}',
      valid: 'node {\n  calculator: "HttpLLMCalculator"\n  node_options: {\n    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: { models_path: "./" }\n  }\n}',
    },
    fix: 'Use the options type of the calculator (quick fix offered), or the calculator that matches the options.',
  },
  check(ctx) {
    for (const node of graphModel(ctx.doc).nodes) {
      const calc = node.calculator;
      if (!calc || (!node.nodeOptions.length && !node.options.length)) continue;
      const name = calc.value;
      const expected = CALCULATOR_OPTIONS[name];
      if (!expected || onlyExpected(node, expected)) continue;
      const blocks = optionBlocks(node);
      if (!blocks.length) continue;
      const firstWrong = READS_FIRST_NODE_OPTIONS.has(name) ? blocks.find((b) => b.first && b.type !== expected) : undefined;
      const wrong = firstWrong ?? (blocks.some((b) => b.type === expected) ? undefined : blocks[0]);
      if (!wrong) continue;
      const short = expected.replace(/^mediapipe\./, '');
      const src = ctx.file.text.slice(wrong.span.start, wrong.span.end);
      const newText = src.replace(wrong.type, expected);
      ctx.report({
        message: firstWrong && blocks.some((b) => b.type === expected)
          ? `${name} reads its options from the first node_options entry as ${short}, but the first entry is ${wrong.type}. OVMS fails to initialize the node and does not load the graph. Move the ${short} entry first.`
          : `${name} reads ${short}, but this node carries ${wrong.type}. OVMS fails to initialize the node and does not load the graph (MediaPipe alone would silently ignore these options).`,
        span: wrong.span,
        related: [{ file: ctx.file.path, span: calc.span, message: `calculator ${name}` }],
        ...(newText !== src && !blocks.some((b) => b.type === expected) ? { fixes: [{ title: `Use ${short}`, safe: false, edits: [{ span: wrong.span, newText }] }] } : {}),
      });
    }
  },
};
