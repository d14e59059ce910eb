import type { PbMessage, PbScalar } from '../../pbtxt/ast';
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

/** Option blocks of a node with a type known to the schemas: node_options entries and options extensions. */
function optionBlocks(node: PbMessage): Block[] {
  const out: Block[] = [];
  let firstAny = true;
  for (const f of node.fields) {
    if (f.name === 'node_options' && !f.bracketed) {
      const items = f.value?.kind === 'list' ? f.value.items : f.value ? [f.value] : [];
      for (const item of items) {
        if (item.kind !== 'message') continue;
        for (const e of item.fields) {
          if (e.bracketed !== 'any') continue;
          const type = e.name.slice(e.name.indexOf('/') + 1);
          if (descriptor.messages[type]) out.push({ type, span: e.nameSpan, first: firstAny });
        }
        firstAny = false;
      }
    } else if (f.name === 'options' && !f.bracketed && f.value?.kind === 'message') {
      for (const e of f.value.fields) {
        if (e.bracketed !== 'extension') continue;
        const ext = descriptor.extensions[e.name];
        if (ext?.typeName && ext.extendee === 'mediapipe.CalculatorOptions') out.push({ type: ext.typeName, span: e.nameSpan, first: false });
      }
    }
  }
  return out;
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
    for (const f of ctx.doc.ast.root.fields) {
      if (f.name !== 'node' || f.bracketed) continue;
      const nodes = f.value?.kind === 'list' ? f.value.items : f.value ? [f.value] : [];
      for (const node of nodes) {
        if (node.kind !== 'message') continue;
        const calc = node.fields.find((x) => x.name === 'calculator' && !x.bracketed)?.value as PbScalar | undefined;
        if (calc?.kind !== 'scalar' || calc.token !== 'string') continue;
        const name = String(calc.value);
        const expected = CALCULATOR_OPTIONS[name];
        if (!expected) continue;
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
    }
  },
};
