import { checkGraph } from '../../proto/check';
import { descriptor } from '../../proto/descriptor';
import { didYouMean } from '../../text/suggest';
import type { GraphRule } from '../types';
import { isRemovedGraphField } from '../version/ver-004-removed-graph-field';

/** Misspellings that edit distance does not find: the field the user most likely meant. */
const HINTS: Record<string, Record<string, string>> = {
  'mediapipe.LLMCalculatorOptions': { target_device: 'device' },
  'mediapipe.ImageGenCalculatorOptions': { target_device: 'device' },
  'mediapipe.EmbeddingsCalculatorOVOptions': { device: 'target_device', normalize: 'normalize_embeddings' },
  'mediapipe.RerankCalculatorOVOptions': { device: 'target_device' },
  'mediapipe.S2tCalculatorOptions': { device: 'target_device' },
  'mediapipe.T2sCalculatorOptions': { device: 'target_device' },
};

/** Fields that once existed: say so instead of guessing a neighbour. */
const REMOVED: Record<string, Record<string, string>> = {
  'mediapipe.CalculatorGraphConfig': {
    runtime_info: 'runtime_info exists only in upstream MediaPipe; the MediaPipe fork OVMS links has no such field. Delete it.',
  },
};

export const unknownOptionField: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-001',
    name: 'unknown-graph-field',
    severity: 'error',
    impact: 'load',
    tags: ['schema', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'Unknown or misspelled field in a graph or its calculator options',
    description:
      'Checks every field name of a graph against the schema of mediapipe.CalculatorGraphConfig and of the OVMS calculator options (LLM, embeddings, rerank, image generation, speech-to-text, text-to-speech, Python, OpenVINO session/inference): a name the message does not have is reported with the closest valid name. Options of calculators ovms-lint has no schema for are not checked; one info finding per file lists them.',
    why:
      'OVMS parses graph.pbtxt with protobuf\'s TextFormat parser with default settings, which rejects unknown field names; the graph is then not loaded ("Trying to parse mediapipe graph definition ... failed", src/mediapipe_internal/mediapipegraphdefinition.cpp:197-209). Typical causes: `target_device` in LLM options (the LLM calculator uses `device`), `device` in embeddings/rerank/audio options (they use `target_device`). Fields OVMS once had and removed (`block_size`) are reported by OVMS-VER-004 instead, which knows whether the serving version still has them.',
    example: {
      language: 'pbtxt',
      invalid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    target_device: "GPU"\n  }\n}',
      valid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    device: "GPU"\n  }\n}',
    },
    fix: 'Rename the field to the one the calculator defines (quick fix offered), or delete it.',
  },
  check(ctx) {
    const result = checkGraph(ctx.doc.ast);
    for (const issue of result.issues) {
      // removed fields (block_size): OVMS-VER-004 reports them when the serving version lacks them
      if (issue.kind !== 'unknown-field' || isRemovedGraphField(issue.typeName, issue.field)) continue;
      const name = issue.field!;
      const removed = REMOVED[issue.typeName]?.[name];
      const names = descriptor.messages[issue.typeName]?.fields.map((f) => f.name) ?? [];
      const suggestion = removed ? undefined : (HINTS[issue.typeName]?.[name] ?? didYouMean(name, names));
      const tail = removed ?? (suggestion ? `Did you mean "${suggestion}"?` : `Valid fields: ${names.join(', ')}.`);
      ctx.report({
        message: `${issue.message} OVMS rejects the graph file and does not load the graph. ${tail}`,
        span: issue.span,
        ...(suggestion ? { fixes: [{ title: `Rename to "${suggestion}"`, safe: false, edits: [{ span: issue.span, newText: suggestion }] }] } : {}),
      });
    }
    const unknown = result.unknownOptions;
    if (unknown.length) {
      const names = [...new Set(unknown.map((u) => u.name))];
      ctx.report({
        severity: 'info',
        impact: 'advice',
        message: `Options of type${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not known to ovms-lint, so ${unknown.length > 1 ? `these ${unknown.length} option blocks were` : 'this option block was'} not checked. OVMS rejects the graph if the type is not linked into its build.`,
        span: unknown[0]!.span,
        related: unknown.slice(1).map((u) => ({ file: ctx.file.path, span: u.span, message: `options of type ${u.name}, not checked` })),
      });
    }
  },
};
