import { graphModel } from '../../graph/model';
import type { GraphRule } from '../types';

export const graph008: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-008',
    name: 'graph-queue-directive',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'graph-pool'],
    appliesTo: ['mediapipe-graph'],
    title: 'Problems with the # OVMS_GRAPH_QUEUE_MAX_SIZE directive',
    description:
      'Checks the `# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO|N` comment that turns on OVMS\'s pool of pre-started graphs: the value must be `AUTO` or a non-negative integer (error), should not exceed the cores of the serving machine (warning, clamped), and with the pool on a PythonExecutorCalculator may not loop through LOOPBACK (error), an HttpLLMCalculator needs `LLM_NODE_EXECUTION_CONTEXTS` (warning: pool silently off), and graph-level input side packets can no longer come from requests (warning). A directive OVMS\'s regex does not match (e.g. a trailing comment on the line) is silently ignored (warning).',
    why:
      'OVMS parses the directive from the raw file with `(?:^|\\n)\\s*#\\s*OVMS_GRAPH_QUEUE_MAX_SIZE\\s*:\\s*(\\S+)\\s*(?:\\r?\\n|$)` (`mediapipegraphdefinition.cpp:93-196`): a bad value fails the load with MEDIAPIPE_GRAPH_CONFIG_FILE_INVALID, a large one is clamped to the hardware threads, and the pool changes which graphs load.',
    example: {
      language: 'pbtxt',
      invalid: '# OVMS_GRAPH_QUEUE_MAX_SIZE: auto-size\ninput_stream: "HTTP_REQUEST_PAYLOAD:input"',
      valid: '# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO\ninput_stream: "HTTP_REQUEST_PAYLOAD:input"',
    },
    fix: 'Write `# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO` (or a small integer) alone on its line, or remove it; with a pool, keep LOOPBACK out of Python nodes and wire `LLM_NODE_EXECUTION_CONTEXTS:llm_ctx` on LLM nodes.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    for (const span of m.queueNearMisses) {
      ctx.report({
        span,
        severity: 'warning',
        impact: 'advice',
        message: 'This comment mentions OVMS_GRAPH_QUEUE_MAX_SIZE but OVMS\'s directive regex does not match it (the line must be exactly `# OVMS_GRAPH_QUEUE_MAX_SIZE: VALUE`, with nothing after the value), so the graph pool stays off. Write it alone on its line.',
      });
    }
    const q = m.queue;
    if (!q) return;
    let size: number | 'AUTO';
    if (q.value === 'AUTO') size = 'AUTO';
    else if (/^[+-]?\d+$/.test(q.value) && Number(q.value) >= 0) size = Number(q.value);
    else {
      ctx.report({
        span: q.valueSpan,
        message: `OVMS_GRAPH_QUEUE_MAX_SIZE value "${q.value}" is neither AUTO nor a non-negative integer; OVMS fails the load ("Invalid OVMS_GRAPH_QUEUE_MAX_SIZE value", MEDIAPIPE_GRAPH_CONFIG_FILE_INVALID). Use AUTO, 0 (off) or a positive number.`,
      });
      return;
    }
    if (size === 0) return;
    if (typeof size === 'number' && size > ctx.options.cores) {
      ctx.report({
        span: q.valueSpan,
        severity: 'warning',
        impact: 'risk',
        message: `OVMS_GRAPH_QUEUE_MAX_SIZE ${size} exceeds the ${ctx.options.cores} cores assumed for the server; OVMS clamps the pool to the hardware threads. Use AUTO or at most the core count (set \`cores\` in the settings if the server has more).`,
      });
    }
    for (const node of m.nodes) {
      const calc = node.calculator?.value;
      if (calc === 'PythonExecutorCalculator') {
        const loop = node.inputs.find((r) => !r.error && r.tag.startsWith('LOOPBACK'));
        if (loop) {
          ctx.report({
            span: loop.span,
            message: `Graph pool is on (OVMS_GRAPH_QUEUE_MAX_SIZE: ${q.value}) and Python node ${node.label} has a LOOPBACK input; OVMS refuses the combination at load (MEDIAPIPE_GRAPH_CONFIG_FILE_INVALID). Remove the directive or the loop.`,
            related: [{ file: ctx.file.path, span: q.span, message: 'graph pool turned on here' }],
          });
        }
      } else if (calc?.toLowerCase().endsWith('llmcalculator') && !node.inputSidePackets.some((r) => r.tag === 'LLM_NODE_EXECUTION_CONTEXTS')) {
        ctx.report({
          span: node.calculator!.span,
          severity: 'warning',
          impact: 'advice',
          message: `Graph pool is on (OVMS_GRAPH_QUEUE_MAX_SIZE: ${q.value}) but LLM node ${node.label} has no LLM_NODE_EXECUTION_CONTEXTS side packet; OVMS logs a warning and silently runs without the pool. Add \`input_side_packet: "LLM_NODE_EXECUTION_CONTEXTS:llm_ctx"\` (regenerate graph.pbtxt).`,
          related: [{ file: ctx.file.path, span: q.span, message: 'graph pool turned on here' }],
        });
      }
    }
    for (const r of m.inputSidePackets) {
      ctx.report({
        span: r.span,
        severity: 'warning',
        impact: 'request',
        message: `Graph pool is on (OVMS_GRAPH_QUEUE_MAX_SIZE: ${q.value}) and the graph declares input side packet "${r.raw}", which clients would send as request parameters; with a pool OVMS rejects such requests ("Input side packets are not supported for graphs with queue enabled").`,
        related: [{ file: ctx.file.path, span: q.span, message: 'graph pool turned on here' }],
      });
    }
  },
};
