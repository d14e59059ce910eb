import { topologyOf } from '../../graph/topology';
import type { GraphRule } from '../types';

export const mp007: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-007',
    name: 'side-packet-produced-twice',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'side-packets'],
    appliesTo: ['mediapipe-graph'],
    title: 'A side packet is produced more than once',
    description: 'Reports an `output_side_packet` name that another node already produces.',
    why: 'MediaPipe fails initialization with `Output Side Packet "x" defined twice.` (`validated_graph_config.cc:571-603`); OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:session"\n}\nnode {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:session"\n}',
      valid:
        'node {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:detector"\n}\nnode {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:classifier"\n}',
    },
    fix: 'Give each produced side packet its own name and update its consumers.',
  },
  check(ctx) {
    for (const { ref, first } of topologyOf(ctx.doc).duplicateSidePackets) {
      ctx.report({
        span: ref.span,
        message: `Side packet "${ref.name}" is produced by node ${ref.node!.label} but already by node ${first.node!.label}; MediaPipe fails initialization ("Output Side Packet \\"${ref.name}\\" defined twice") and OVMS does not load the graph. Rename one.`,
        related: [{ file: ctx.file.path, span: first.span, message: `"${ref.name}" first produced here` }],
      });
    }
  },
};
