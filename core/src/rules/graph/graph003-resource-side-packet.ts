import { BUILTIN_SIDE_PACKETS } from '../../graph/calculators';
import type { GraphRule } from '../types';
import { servableNodes } from './servable-nodes';


/** The packet name OVMS supplies for each resource tag (the first, as the map lists them). */
const PACKET_OF_TAG = new Map<string, string>();
for (const [name, tag] of BUILTIN_SIDE_PACKETS) if (!PACKET_OF_TAG.has(tag)) PACKET_OF_TAG.set(tag, name);

export const graph003: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-003',
    name: 'wrong-resource-side-packet',
    severity: 'error',
    impact: 'request',
    tags: ['mediapipe', 'side-packets', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'Servable node resource side packet has the wrong tag or name',
    description:
      'OVMS hands every GenAI and Python node its resources as side packets with hard-coded names: `LLM_NODE_RESOURCES:llm` (and `LLM_NODE_EXECUTION_CONTEXTS:llm_ctx`), `EMBEDDINGS_NODE_RESOURCES:embeddings_servable`, `RERANK_NODE_RESOURCES:rerank_servable`, `IMAGE_GEN_NODE_RESOURCES:pipes`, `STT_NODE_RESOURCES:s2t_servable`, `TTS_NODE_RESOURCES:t2s_servable`, `PYTHON_NODE_RESOURCES:py`. This rule reports a resource tag wired to another name, and a servable node without its resource tag.',
    why:
      'The names are fixed in `graph_executor_constants.hpp:23-30`; OVMS docs: "Every node based on LLM Calculator MUST have exactly that specification". A wrong name loads, then every request fails at StartRun ("Side packet \\"x\\" is required but was not provided" or "failed validation"); a missing resource tag fails the calculator contract at load ("Failed to get tag").',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm_resources"\n}',
      valid: 'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm"\n}',
    },
    fix: 'Wire each resource tag to the name OVMS supplies (e.g. `LLM_NODE_RESOURCES:llm`, `PYTHON_NODE_RESOURCES:py`).',
  },
  check(ctx) {
    for (const s of servableNodes(ctx.doc)) {
      const refs = s.node.inputSidePackets.filter((r) => !r.error);
      let hasResource = false;
      for (const r of refs) {
        const expected = PACKET_OF_TAG.get(r.tag);
        if (r.tag === s.kind.resourceTag) hasResource = true;
        if (expected && r.name !== expected) {
          ctx.report({
            span: r.span,
            message: `Side packet "${r.raw}" of node ${s.node.label}: OVMS supplies tag ${r.tag} only as "${expected}"${BUILTIN_SIDE_PACKETS.has(r.name) ? ` ("${r.name}" is the packet for ${BUILTIN_SIDE_PACKETS.get(r.name)})` : ''}, so the graph loads but every request fails when it starts. Write "${r.tag}:${expected}".`,
            fixes: [{ title: `Use ${r.tag}:${expected}`, safe: true, edits: [{ span: { start: r.span.start + 1, end: r.span.end - 1 }, newText: `${r.tag}:${expected}` }] }],
          });
        } else if (!expected && BUILTIN_SIDE_PACKETS.has(r.name) && r.tag !== '') {
          const tag = BUILTIN_SIDE_PACKETS.get(r.name)!;
          ctx.report({
            span: r.span,
            message: `Side packet "${r.raw}" of node ${s.node.label} takes OVMS's "${r.name}" packet under tag ${r.tag}; OVMS supplies it for ${tag} and the calculator reads ${s.kind.resourceTag}, so requests fail ("failed validation" or a missing resource). Write "${s.kind.resourceTag}:${s.kind.resourceName}".`,
          });
        }
      }
      if (!hasResource) {
        ctx.report({
          span: s.node.calculator?.span ?? s.node.keySpan,
          impact: 'load',
          message: `Node ${s.node.label} has no input_side_packet "${s.kind.resourceTag}:${s.kind.resourceName}"; ${s.kind.calculator} requires it in its contract, so MediaPipe fails initialization ("Failed to get tag \\"${s.kind.resourceTag}\\"") and OVMS does not load the graph.`,
        });
      }
    }
  },
};
