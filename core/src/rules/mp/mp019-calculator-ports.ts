import { BUILTIN_SIDE_PACKETS, servableCalculator } from '../../graph/calculators';
import { contractOf, PORT_FIELDS, PORT_TITLES, PORT_WORDS, portType } from '../../graph/contracts';
import { graphModel, hasPort } from '../../graph/model';
import type { GraphRule } from '../types';

export const mp019: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-019',
    name: 'calculator-port-contract',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'calculators', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'A stream or side packet does not match the calculator\'s contract',
    description:
      'For the calculators OVMS links whose contract is known (the GenAI, Python, session, inference and OpenVINO converter calculators), reports a stream or side packet under a tag (or index) the calculator does not declare, and a required tag the node lacks. These calculators type each tag at index 0 only, so `OVTENSOR:1:b` or a second untagged stream is unexpected too. (A GenAI or Python node without its resource side packet, or with an OVMS resource packet under another tag, is reported by OVMS-GRAPH-003.)',
    why:
      'MediaPipe validates every node against its calculator\'s `GetContract()` at initialization: `Tag "T" index 0 was not expected.` for an undeclared port, `Failed to get tag "T" index 0` for a missing required one (`packet_type.cc:267-285`, reference §3.3 rows 11-12). OVMS runs this at load (dry initialization), so the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:0:a"\n  input_stream: "OVTENSOR:1:b"\n  output_stream: "OVTENSOR:out"\n}',
      valid: 'node {\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:a"\n  input_stream: "OVTENSOR1:b"\n  output_stream: "OVTENSOR:out"\n}',
    },
    fix: 'Use the tags the calculator declares (one stream per tag for calculators that take any tag), and add the ports it requires.',
  },
  check(ctx) {
    for (const node of graphModel(ctx.doc).nodes) {
      const contract = contractOf(node.calculator?.value);
      if (!contract) continue;
      const c = node.calculator!.value;
      const calc = c.startsWith('.') ? c.slice(1) : c;
      const resourceTag = servableCalculator(calc)?.resourceTag;
      for (let k = 0; k < PORT_FIELDS.length; k++) {
        const kind = PORT_FIELDS[k]![0];
        const set = contract[kind];
        const refs = node[PORT_FIELDS[k]![1]];
        for (const r of refs) {
          if (r.error) continue;
          if (portType(set, r.tag, r.index) !== null) continue;
          // OVMS's own resource packet (`llm`, `py`, …) under a wrong tag: OVMS-GRAPH-003 reports it
          if (kind === 'input_side_packet' && resourceTag && BUILTIN_SIDE_PACKETS.has(r.name)) continue;
          const declared = set.ports?.map((p) => p.tag || '(untagged)');
          const why = set.anyTag
            ? `${calc} takes any tag but types only index 0 of each (and only the first untagged stream); use a distinct tag instead (e.g. "${r.tag || 'IN'}${r.index}:${r.name}")`
            : declared && declared.length
              ? `${calc} declares only ${declared.join(', ')} as ${PORT_WORDS[kind]}s`
              : `${calc} takes no ${PORT_WORDS[kind]}s`;
          ctx.report({
            span: r.span,
            message: `${PORT_TITLES[kind]} "${r.raw}" of node ${node.label} is not in the calculator's contract: ${why}. MediaPipe fails initialization (Tag "${r.tag}" index ${r.index} was not expected) and OVMS does not load the graph.`,
          });
        }
        const ports = set.ports;
        if (!ports) continue;
        for (const p of ports) {
          // lists hold a handful of entries: a scan beats building a set per node
          if (p.optional || hasPort(refs, p.tag, 0)) continue;
          if (kind === 'input_side_packet' && p.tag === resourceTag) continue; // OVMS-GRAPH-003
          ctx.report({
            span: node.calculator!.span,
            message: `Node ${node.label} has no ${PORT_WORDS[kind]} with tag ${p.tag}, which ${calc} requires; MediaPipe fails initialization (Failed to get tag "${p.tag}" index 0) and OVMS does not load the graph. Add ${kind}: "${p.tag}:…".`,
          });
        }
      }
    }
  },
};
