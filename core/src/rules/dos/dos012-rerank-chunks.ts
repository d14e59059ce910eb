import type { GraphRule } from '../types';
import { nodesOf, optNumber } from '../graph/servable-nodes';

export const dos012: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-DOS-012',
    name: 'rerank-chunk-limit-raised',
    severity: 'info',
    impact: 'risk',
    tags: ['dos', 'rerank'],
    cwe: 770,
    appliesTo: ['mediapipe-graph'],
    title: 'Rerank max_allowed_chunks raised above 10000',
    description: 'Reports a `RerankCalculatorOV` node whose `max_allowed_chunks` exceeds the default 10000.',
    why: 'max_allowed_chunks bounds how many document chunks one rerank request may expand to (default 10000, `rerank_calculator_ov.proto`); raising it lets a single request occupy the model for longer.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.RerankCalculatorOVOptions]: {\n  models_path: "./"\n  max_allowed_chunks: 100000\n}',
      valid: '[type.googleapis.com / mediapipe.RerankCalculatorOVOptions]: {\n  models_path: "./"\n  max_allowed_chunks: 1000\n}',
    },
    fix: 'Keep max_allowed_chunks at or below 10000, sized to your largest legitimate request.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'RerankCalculatorOV')) {
      const v = optNumber(s, 'max_allowed_chunks');
      if (!v || v.value <= 10000) continue;
      ctx.report({ span: v.span, message: `Rerank node ${s.node.label} allows ${v.value} chunks per request (default 10000); one request can keep the model busy that much longer. Lower max_allowed_chunks.` });
    }
  },
};
