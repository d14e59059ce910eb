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
    title: 'Calculator name is missing or not registered in OVMS',
    description:
      'Reports a node without `calculator`, and a calculator that is neither registered in a standard OVMS image (OVMS\'s own calculators, the fork\'s OpenVINO and Geti calculators, the stock MediaPipe calculators and subgraphs OVMS links) nor a subgraph defined in the linted files. A near miss of a registered name (e.g. `HttpLlmCalculator` for `HttpLLMCalculator`) is an error; any other unknown name is a warning, since a custom OVMS build may register more: list such names in `options.calculators` of `.ovms-lint.json` and they are accepted.',
    why: 'MediaPipe resolves every calculator at initialization: `Unable to find Calculator "X"` (`validated_graph_config.cc:217-221`); OVMS\'s dry initialization fails and the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLlmCalculator"\n}',
      valid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n}',
    },
    fix: 'Use the registered calculator name (names are case-sensitive); if your OVMS build registers the calculator, add it to `options.calculators` in `.ovms-lint.json`.',
  },
  check(ctx) {
    const local = new Set<string>();
    for (const d of ctx.project.documents()) {
      if (d.kind === 'mediapipe-graph') {
        const t = graphModel(d).type?.value;
        if (t) local.add(t);
      }
    }
    const custom = new Set(ctx.options.calculators);
    // the candidates are a fixed list, so a lookup costs the same for every node (memoised per name)
    const suggestions = new Map<string, string | undefined>();
    const suggest = (name: string) => {
      if (!suggestions.has(name)) suggestions.set(name, didYouMean(name, KNOWN_CALCULATORS));
      return suggestions.get(name);
    };
    for (const node of graphModel(ctx.doc).nodes) {
      const c = node.calculator;
      if (!c || c.value === '') {
        ctx.report({ span: c?.span ?? node.keySpan, message: `Node ${node.label} has no calculator; MediaPipe cannot find a calculator with an empty name and OVMS does not load the graph. Set \`calculator: "…"\`.` });
        continue;
      }
      const name = c.value.replace(/^\./, '');
      if (KNOWN_CALCULATORS.has(name) || local.has(name) || custom.has(name) || REMOVED_CALCULATORS.has(name)) continue;
      const s = suggest(name);
      if (s) {
        ctx.report({
          span: c.span,
          message: `Calculator "${c.value}" is not registered in OVMS; did you mean "${s}"? MediaPipe fails initialization ("Unable to find Calculator") and OVMS does not load the graph.`,
        });
        continue;
      }
      ctx.report({
        span: c.span,
        severity: 'warning',
        message: `Calculator "${c.value}" is not registered in a standard OVMS image, nor defined as a subgraph (\`type:\`) in the linted files; MediaPipe fails initialization (Unable to find Calculator "${name}") and OVMS does not load the graph. If your OVMS build registers it, add "${name}" to options.calculators in .ovms-lint.json.`,
      });
    }
  },
};
