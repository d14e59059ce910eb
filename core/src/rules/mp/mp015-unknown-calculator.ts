import { KNOWN_CALCULATORS, REMOVED_CALCULATORS } from '../../graph/calculators';
import { graphModel } from '../../graph/model';
import { didYouMean } from '../../text/suggest';
import type { GraphRule } from '../types';

export const mp015: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-015',
    name: 'unknown-calculator',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'calculators'],
    appliesTo: ['mediapipe-graph'],
    title: 'Calculator name is missing or looks like a misspelt registered calculator',
    description:
      'Reports a node without `calculator`, and a calculator name that is not registered in OVMS but is a near miss of one that is (e.g. `HttpLlmCalculator` for `HttpLLMCalculator`). Other unknown names are not reported, since the set of linked calculators varies per build.',
    why: 'MediaPipe resolves every calculator at initialization: `Unable to find Calculator "X"` (`validated_graph_config.cc:217-221`); OVMS\'s dry initialization fails and the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLlmCalculator"\n}',
      valid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n}',
    },
    fix: 'Use the registered calculator name (names are case-sensitive).',
  },
  check(ctx) {
    const local = new Set<string>();
    for (const d of ctx.project.documents()) {
      if (d.kind === 'mediapipe-graph') {
        const t = graphModel(d).type?.value;
        if (t) local.add(t);
      }
    }
    for (const node of graphModel(ctx.doc).nodes) {
      const c = node.calculator;
      if (!c || c.value === '') {
        ctx.report({ span: c?.span ?? node.keySpan, message: `Node ${node.label} has no calculator; MediaPipe cannot find a calculator with an empty name and OVMS does not load the graph. Set \`calculator: "…"\`.` });
        continue;
      }
      const name = c.value.replace(/^\./, '');
      if (KNOWN_CALCULATORS.has(name) || local.has(name) || REMOVED_CALCULATORS.has(name)) continue;
      const s = didYouMean(name, KNOWN_CALCULATORS);
      if (!s) continue;
      ctx.report({
        span: c.span,
        message: `Calculator "${c.value}" is not registered in OVMS; did you mean "${s}"? MediaPipe fails initialization ("Unable to find Calculator") and OVMS does not load the graph.`,
      });
    }
  },
};
