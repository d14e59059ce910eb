import { REMOVED_CALCULATORS } from '../../graph/calculators';
import { graphModel } from '../../graph/model';
import type { GraphRule } from '../types';
import { describeVersion, servedVersion } from '../version/served';

/** Whether version `a` (e.g. `2026.3`) is at least `b`. */
export function versionAtLeast(a: string, b: string): boolean {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export const graph012: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-012',
    name: 'removed-calculator',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'deprecated'],
    appliesTo: ['mediapipe-graph'],
    title: 'Graph uses a calculator removed from OVMS',
    description: 'Reports the legacy `EmbeddingsCalculator` (removed in 2025.4) and `RerankCalculator` (removed in 2026.2), which old exports paired with `OpenVINOModelServerSessionCalculator` nodes and `TOKENIZER_SESSION`/`EMBEDDINGS_SESSION`/`RERANK_SESSION` side packets. The OVMS version is the image tag of a command line in the project that serves the graph (through its config.json or `--model_path`), else the `ovmsVersion` setting. This rule is the one finding for a removed calculator; OVMS-VER-004 covers removed option fields.',
    why: 'Removed calculators are no longer registered (commits 22956c808, f07f36351), so MediaPipe fails with `Unable to find Calculator` and OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "EmbeddingsCalculator"\n  input_side_packet: "TOKENIZER_SESSION:tokenizer"\n  input_side_packet: "EMBEDDINGS_SESSION:embeddings"\n}',
      valid: 'node {\n  name: "EmbeddingsExecutor"\n  calculator: "EmbeddingsCalculatorOV"\n  input_side_packet: "EMBEDDINGS_NODE_RESOURCES:embeddings_servable"\n}',
    },
    fix: 'Regenerate the graph with `ovms --pull --task embeddings|rerank` (or export_model.py), which uses EmbeddingsCalculatorOV / RerankCalculatorOV.',
  },
  check(ctx) {
    let served: ReturnType<typeof servedVersion> | undefined;
    for (const node of graphModel(ctx.doc).nodes) {
      const c = node.calculator;
      const removed = c && REMOVED_CALCULATORS.get(c.value);
      if (!removed) continue;
      served ??= servedVersion(ctx.project, ctx.doc, ctx.options);
      if (!versionAtLeast(served.version, removed.since)) continue;
      ctx.report({
        span: c.span,
        ...(served.related ? { related: [served.related] } : {}),
        message: `${c.value} was removed in OVMS ${removed.since} and this graph is served by ${describeVersion(served)}; MediaPipe cannot find it and OVMS does not load the graph. Regenerate the graph with \`--task ${removed.task}\`, which uses ${removed.replacement}.`,
      });
    }
  },
};
