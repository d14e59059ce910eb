import { BUILTIN_SIDE_PACKETS } from '../../graph/calculators';
import { graphModel } from '../../graph/model';
import { topologyOf } from '../../graph/topology';
import { boundedSuggester } from '../../text/suggest';
import type { GraphRule } from '../types';

export const mp017: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-017',
    name: 'side-packet-not-provided',
    severity: 'warning',
    impact: 'request',
    tags: ['mediapipe', 'side-packets', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'A node needs a side packet that nothing provides',
    description:
      'Reports a node `input_side_packet` whose name no node produces, that is not one OVMS supplies itself (`llm`, `llm_ctx`, `pipes`, `embeddings_servable`, `rerank_servable`, `s2t_servable`, `t2s_servable`, `py`) and that the graph does not declare as a client-provided `input_side_packet`. OVMS resource tags wired to a wrong name are OVMS-GRAPH-003.',
    why:
      'MediaPipe only checks side packets when a run starts (`ValidateRequiredSidePackets`): OVMS loads the graph and every request fails with `Side packet "x" is required but was not provided.` (MEDIAPIPE_GRAPH_START_ERROR), unless each KServe request passes it as a parameter. With a graph pool the failure happens at load.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm_resources"\n}',
      valid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm"\n}',
    },
    fix: 'Use the side packet name OVMS supplies for the tag, add the producing node, or declare it as a graph `input_side_packet` that clients send.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const t = topologyOf(ctx.doc);
    const declared = new Set(m.inputSidePackets.filter((r) => !r.error).map((r) => r.name));
    const pool = m.queue !== undefined && m.queue.value !== '0';
    const known = [...t.sidePacketProducer.keys(), ...BUILTIN_SIDE_PACKETS.keys()];
    const suggest = boundedSuggester(known);
    const builtinTags = new Set(BUILTIN_SIDE_PACKETS.values());
    for (const r of t.unproducedSidePackets) {
      if (BUILTIN_SIDE_PACKETS.has(r.name) || declared.has(r.name)) continue;
      if (builtinTags.has(r.tag)) continue; // an OVMS resource tag wired to another name: OVMS-GRAPH-003
      const hint = suggest(r.name);
      ctx.report({
        span: r.span,
        message: `Node ${r.node!.label} needs side packet "${r.name}", which no node produces and OVMS does not supply; ${pool ? 'the graph pool cannot start it, so OVMS does not load the graph' : 'OVMS loads the graph but every request fails ("Side packet is required but was not provided") unless it sends the packet as a request parameter'}.${hint}`,
        ...(pool ? { impact: 'load' as const, severity: 'error' as const } : {}),
      });
    }
  },
};
