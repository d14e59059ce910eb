import { graphModel } from '../../graph/model';
import { didYouMeanSuffix } from '../../text/suggest';
import type { GraphRule } from '../types';

export const RESERVED_EXECUTOR = (name: string) => name === 'default' || name === 'gpu' || name.startsWith('__');

export const mp010: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-010',
    name: 'undeclared-executor',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'executors'],
    appliesTo: ['mediapipe-graph'],
    title: 'A node runs on an executor the graph does not declare',
    description: 'Reports a node `executor: "x"` with no `executor { name: "x" … }` declaration in the graph, or naming a reserved executor (`default`, `gpu`, `__…`).',
    why: 'MediaPipe\'s `ValidateExecutors` (`validated_graph_config.cc:980-1018`) fails with `The executor "x" is not declared in an ExecutorConfig.` or `"gpu" is a reserved executor name.`; OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "PassThroughCalculator"\n  executor: "pre"\n  input_stream: "in"\n  output_stream: "out"\n}',
      valid:
        'executor {\n  name: "pre"\n  type: "ThreadPoolExecutor"\n  options { [mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: 2 } }\n}\nnode {\n  calculator: "PassThroughCalculator"\n  executor: "pre"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Declare the executor at graph level, fix the name, or remove `executor:` to run on the default executor.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const declared = new Set(m.executors.map((e) => e.name?.value ?? ''));
    for (const node of m.nodes) {
      const e = node.executor;
      if (!e || e.value === '') continue;
      if (RESERVED_EXECUTOR(e.value)) {
        ctx.report({ span: e.span, message: `Node ${node.label} uses executor "${e.value}", a name MediaPipe reserves ("\\"${e.value}\\" is a reserved executor name"); the graph fails initialization and OVMS does not load it. Use a declared executor of your own name.` });
      } else if (!declared.has(e.value)) {
        ctx.report({
          span: e.span,
          message: `Node ${node.label} runs on executor "${e.value}", which no \`executor { name: "${e.value}" }\` declares; MediaPipe fails initialization ("is not declared in an ExecutorConfig") and OVMS does not load the graph.${didYouMeanSuffix(e.value, [...declared].filter(Boolean))}`,
        });
      }
    }
  },
};
