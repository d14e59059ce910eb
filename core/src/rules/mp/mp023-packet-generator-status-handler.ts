import { graphModel } from '../../graph/model';
import { fieldsNamed, messagesOf, stringOf } from '../../graph/pb';
import type { GraphRule } from '../types';

const KINDS = [
  { field: 'packet_generator', what: 'PacketGenerator' },
  { field: 'status_handler', what: 'StatusHandler' },
] as const;

export const mp023: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-023',
    name: 'unregistered-generator-or-status-handler',
    severity: 'warning',
    impact: 'load',
    tags: ['mediapipe', 'deprecated'],
    appliesTo: ['mediapipe-graph'],
    title: 'A packet generator or status handler is not registered in OVMS',
    description:
      'Reports graph-level `packet_generator { … }` and `status_handler { … }` entries. One without a name is an error; a named one is a warning, because none of the MediaPipe targets a standard OVMS image links registers a packet generator or a status handler (packet generators are deprecated). Names a custom build registers can be listed in `options.calculators` of `.ovms-lint.json`.',
    why:
      'MediaPipe looks every generator and status handler up in its registries while initializing the graph: `Unable to find PacketGenerator "X"` / `Unable to find StatusHandler "X"` (`validated_graph_config.cc:254-322`, reference §3.3 row 13). OVMS runs this at load, so the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'status_handler {\n  status_handler: "MyStatusHandler"\n}\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
      valid: 'node {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Remove the entry (use calculators, e.g. a side-packet calculator, instead of packet generators), or list the name in `options.calculators` if your OVMS build registers it.',
  },
  check(ctx) {
    const root = graphModel(ctx.doc).root;
    const custom = new Set(ctx.options.calculators);
    for (const { field, what } of KINDS) {
      for (const f of fieldsNamed(root, field)) {
        for (const msg of messagesOf(f)) {
          const name = stringOf(msg, field);
          if (!name || name.value === '') {
            ctx.report({
              span: name?.span ?? f.nameSpan,
              severity: 'error',
              message: `This ${field} has no \`${field}\` name; MediaPipe cannot find a ${what} with an empty name and OVMS does not load the graph. Name a registered ${what} or remove the entry.`,
            });
          } else if (!custom.has(name.value.replace(/^\./, ''))) {
            ctx.report({
              span: name.span,
              message: `${what} "${name.value}" is not registered in a standard OVMS image (it links no packet generators or status handlers); MediaPipe fails initialization (Unable to find ${what} "${name.value}") and OVMS does not load the graph. Remove it, or add "${name.value}" to options.calculators in .ovms-lint.json if your build registers it.`,
            });
          }
        }
      }
    }
  },
};
