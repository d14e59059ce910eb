import { graphModel, type ExecutorDecl } from '../../graph/model';
import type { GraphRule } from '../types';
import { RESERVED_EXECUTOR } from './mp010-undeclared-executor';

export const mp011: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-011',
    name: 'invalid-executor-config',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'executors'],
    appliesTo: ['mediapipe-graph'],
    title: 'Executor declaration that MediaPipe rejects',
    description:
      'Checks `executor { … }` declarations: no reserved name (`default`, `gpu`, `__…`), no duplicate name, not both a default (unnamed) executor and graph-level `num_threads`, a registered `type` for every named executor (`ThreadPoolExecutor`; `ApplicationThreadExecutor` only for the default executor), and for `ThreadPoolExecutor` a positive `num_threads` in `ThreadPoolExecutorOptions`.',
    why:
      'MediaPipe rejects each of these at initialization (`validated_graph_config.cc:122-145,980-1018`, `calculator_graph.cc:366-429`, `thread_pool_executor.cc:28-41`), e.g. "ExecutorConfig for \\"x\\" is duplicate." or "num_threads is not specified in ThreadPoolExecutorOptions."; OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'executor {\n  name: "pre"\n  type: "ThreadPoolExecutor"\n}',
      valid: 'executor {\n  name: "pre"\n  type: "ThreadPoolExecutor"\n  options { [mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: 2 } }\n}',
    },
    fix: 'Give each executor a unique, non-reserved name and a type; give ThreadPoolExecutor a positive num_threads; use either num_threads or a default executor declaration.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const seen = new Map<string, ExecutorDecl>();
    for (const e of m.executors) {
      const name = e.name?.value ?? '';
      const at = e.name?.span ?? e.keySpan;
      const label = name ? `"${name}"` : 'for the default executor';
      if (name && RESERVED_EXECUTOR(name)) {
        ctx.report({ span: at, message: `Executor name "${name}" is reserved by MediaPipe; the graph fails initialization and OVMS does not load it. Choose another name.` });
        continue;
      }
      const first = seen.get(name);
      if (first) {
        ctx.report({
          span: at,
          message: `ExecutorConfig ${label} is declared twice; MediaPipe fails initialization ("is duplicate") and OVMS does not load the graph. Keep one declaration.`,
          related: [{ file: ctx.file.path, span: first.name?.span ?? first.keySpan, message: 'first declared here' }],
        });
        continue;
      }
      seen.set(name, e);
      if (!name && m.numThreads) {
        ctx.report({
          span: at,
          message: 'The graph declares a default executor (an executor without a name) and also sets num_threads; MediaPipe rejects the pair ("should not both be specified") and OVMS does not load the graph. Drop one of them.',
          related: [{ file: ctx.file.path, span: m.numThreads.span, message: 'num_threads set here' }],
        });
      }
      if (name && !e.type?.value) {
        ctx.report({
          span: at,
          message: `Executor "${name}" has no type; MediaPipe expects the application to provide it with SetExecutor(), which OVMS never does, so initialization fails and the graph is not loaded. Add \`type: "ThreadPoolExecutor"\` with its options.`,
        });
      }
      const type = e.type?.value;
      if (type && type !== 'ThreadPoolExecutor' && !(type === 'ApplicationThreadExecutor' && !name)) {
        ctx.report({
          span: e.type!.span,
          message: `Executor type "${type}" is not a registered executor type${type === 'ApplicationThreadExecutor' ? ' for a named executor (ApplicationThreadExecutor may only be the default executor)' : ''}; MediaPipe fails to create the executor at initialization and OVMS does not load the graph. Use "ThreadPoolExecutor".`,
        });
      }
      if (type === 'ThreadPoolExecutor') {
        if (!e.numThreads || e.numThreads.value === undefined) {
          ctx.report({
            span: e.numThreads?.span ?? e.type!.span,
            message: `ThreadPoolExecutor ${label} has no num_threads in ThreadPoolExecutorOptions; MediaPipe fails ("num_threads is not specified") and OVMS does not load the graph. Add \`options { [mediapipe.ThreadPoolExecutorOptions.ext] { num_threads: N } }\`.`,
          });
        } else if (e.numThreads.value <= 0) {
          ctx.report({
            span: e.numThreads.span,
            message: `ThreadPoolExecutor ${label} has num_threads ${e.numThreads.value}; MediaPipe requires a positive value ("should be positive") and OVMS does not load the graph.`,
          });
        }
      }
    }
  },
};
