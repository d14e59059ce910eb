import { graphModel } from '../../graph/model';
import type { GraphRule } from '../types';

export const graph009: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-009',
    name: 'client-controlled-side-packet',
    severity: 'info',
    impact: 'exposure',
    tags: ['mediapipe', 'side-packets', 'security'],
    appliesTo: ['mediapipe-graph'],
    title: 'Graph takes side packets that any client can set',
    description: 'Reports graph-level `input_side_packet` entries: OVMS fills side packets from KServe request parameters, so every client controls their values. The name `py` is reserved by OVMS.',
    why:
      'OVMS docs (mediapipe.md §Side packets): KServe request parameters become side packets (`kfs_graph_executor_impl.cpp:1154-1190`); `py` is rejected as a parameter name (`:1173-1174`). Calculators reading such packets must treat them as untrusted input.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "in"\noutput_stream: "out"\ninput_side_packet: "threshold"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
      valid: 'input_stream: "in"\noutput_stream: "out"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Prefer options or constants for values clients must not choose; validate side-packet values in the calculator.',
  },
  check(ctx) {
    for (const r of graphModel(ctx.doc).inputSidePackets) {
      if (r.error) continue;
      if (r.name === 'py') {
        ctx.report({ span: r.span, severity: 'warning', message: `Graph input side packet "py" is reserved by OVMS for the Python node resources; clients cannot send it and requests that try are rejected. Rename it.` });
        continue;
      }
      ctx.report({ span: r.span, message: `Graph input side packet "${r.name}" is set from KServe request parameters, so any client controls its value; validate it in the consuming calculator or use options instead.` });
    }
  },
};
