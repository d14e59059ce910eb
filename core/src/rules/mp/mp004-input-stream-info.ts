import { graphModel, hasPort, portKeysText, type StreamInfo } from '../../graph/model';
import type { GraphRule } from '../types';

/** Whether an info before `i` names the same input. */
function earlier(infos: StreamInfo[], i: number, tag: string, index: number): boolean {
  for (let j = 0; j < i; j++) {
    const p = infos[j]!.parsed;
    if (!infos[j]!.error && p && p.tag === tag && p.index === index) return true;
  }
  return false;
}

export const mp004: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-004',
    name: 'invalid-input-stream-info',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams', 'back-edge'],
    appliesTo: ['mediapipe-graph'],
    title: 'input_stream_info names no input of its node, or one twice',
    description:
      'Checks each `input_stream_info { tag_index: … }` of a node: the tag_index must parse (`""`, `"TAG"`, `":3"`, `"TAG:3"`), must name one of the node\'s input streams, and may be described only once.',
    why:
      'MediaPipe checks this in `NodeTypeInfo::Initialize` (`validated_graph_config.cc:176-201`): "Input stream with tag_index \\"X\\" requested in InputStreamInfo but is not an input stream of the calculator." / "… has more than one InputStreamInfo."; the graph is not loaded. A misspelled LOOPBACK tag_index here also leaves the loop without its back edge.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream_info: { tag_index: "LOOPBACK:1" back_edge: true }\n}',
      valid: 'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream_info: { tag_index: "LOOPBACK:0" back_edge: true }\n}',
    },
    fix: 'Point `tag_index` at an input stream the node has (`TAG:index`, index 0 by default) and describe each input once.',
  },
  check(ctx) {
    for (const node of graphModel(ctx.doc).nodes) {
      const infos = node.streamInfos;
      for (let i = 0; i < infos.length; i++) {
        const si = infos[i]!;
        const span = si.tagIndex?.span ?? si.span;
        const text = si.tagIndex?.value ?? '';
        if (si.error) {
          ctx.report({ span, message: `input_stream_info of node ${node.label}: ${si.error} MediaPipe rejects the graph at initialization.` });
          continue;
        }
        const { tag, index } = si.parsed!;
        if (!hasPort(node.inputs, tag, index)) {
          const names = portKeysText(node.inputs);
          ctx.report({
            span,
            message: `input_stream_info tag_index "${text}" is not an input stream of node ${node.label} (inputs: ${names || 'none'}); MediaPipe fails initialization ("requested in InputStreamInfo but is not an input stream of the calculator") and OVMS does not load the graph.`,
          });
        } else if (earlier(infos, i, tag, index)) {
          ctx.report({ span, message: `Input "${text}" of node ${node.label} has more than one input_stream_info; MediaPipe rejects the graph at initialization. Keep one.` });
        }
      }
    }
  },
};
