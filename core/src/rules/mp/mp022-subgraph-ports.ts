import { PORT_FIELDS, PORT_TITLES, PORT_WORDS } from '../../graph/contracts';
import { graphModel, type GraphModel, type PortRef } from '../../graph/model';
import { fieldsNamed } from '../../graph/pb';
import type { GraphRule } from '../types';

/** Per tag, how many indices a list declares (its TagMap count: highest index + 1). */
function tagCounts(refs: PortRef[]): Map<string, { count: number; first: PortRef }> {
  const out = new Map<string, { count: number; first: PortRef }>();
  for (const r of refs) {
    if (r.error) continue;
    const t = out.get(r.tag);
    if (!t) out.set(r.tag, { count: r.index + 1, first: r });
    else if (r.index + 1 > t.count) t.count = r.index + 1;
  }
  return out;
}

const tagText = (tag: string) => (tag === '' ? 'untagged entries' : `tag ${tag}`);

export const mp022: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-022',
    name: 'subgraph-port-mismatch',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'subgraphs', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'A subgraph node does not match the subgraph\'s declared streams and side packets',
    description:
      'For a node whose `calculator` names a subgraph defined in the linted files (a graph with that `type:`), reports a stream or side packet under a tag the subgraph does not declare in its own `input_stream`, `output_stream`, `input_side_packet` or `output_side_packet`, and an index beyond the ones it declares for the tag. Also reports a subgraph invocation whose definition has `packet_factory` entries, which subgraph expansion refuses.',
    why:
      'Subgraph expansion connects the node\'s entries to the subgraph\'s by tag and index: `Tag "T" does not exist in the subgraph config.` or `Tag "T" has N indexes in the subgraph node but has only M indexes in the subgraph config.` (`tool/subgraph_expansion.cc:149-181`), and RET_CHECKs that a subgraph has no packet factories (`TransformNames`); reference §3.3 rows 2-4. Expansion runs first in initialization, so OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: '# subgraph.pbtxt: type: "Preprocess"  input_stream: "IMAGE:image"  output_stream: "TENSORS:tensors"\nnode {\n  calculator: "Preprocess"\n  input_stream: "IMG:input"\n  output_stream: "TENSORS:tensors"\n}',
      valid: '# subgraph.pbtxt: type: "Preprocess"  input_stream: "IMAGE:image"  output_stream: "TENSORS:tensors"\nnode {\n  calculator: "Preprocess"\n  input_stream: "IMAGE:input"\n  output_stream: "TENSORS:tensors"\n}',
    },
    fix: 'Use the tags and indices the subgraph declares, or declare the missing ones in the subgraph file.',
  },
  check(ctx) {
    const nodes = graphModel(ctx.doc).nodes;
    if (!nodes.length) return;
    const subgraphs = new Map<string, GraphModel>();
    for (const d of ctx.project.documents()) {
      if (d.kind !== 'mediapipe-graph') continue;
      const g = graphModel(d);
      if (g.type?.value && !subgraphs.has(g.type.value)) subgraphs.set(g.type.value, g);
    }
    if (!subgraphs.size) return;
    const countsOf = new Map<GraphModel, Map<string, { count: number; first: PortRef }>[]>();
    for (const node of nodes) {
      const name = node.calculator?.value.replace(/^\./, '');
      const sub = name ? subgraphs.get(name) : undefined;
      if (!sub || sub.doc === ctx.doc) continue;
      let declared = countsOf.get(sub);
      if (!declared) countsOf.set(sub, (declared = PORT_FIELDS.map(([, f]) => tagCounts(sub[f]))));
      const subPath = sub.doc.file.path;
      PORT_FIELDS.forEach(([kind, field], k) => {
        for (const [tag, used] of tagCounts(node[field])) {
          const have = declared![k]!.get(tag);
          if (!have) {
            ctx.report({
              span: used.first.span,
              message: `${PORT_TITLES[kind]} "${used.first.raw}" of node ${node.label}: the subgraph ${name} declares no ${tagText(tag)} among its ${PORT_WORDS[kind]}s, so subgraph expansion fails (Tag "${tag}" does not exist in the subgraph config) and OVMS does not load the graph. Use a tag the subgraph declares.`,
              related: [{ file: subPath, span: sub.type!.span, message: `subgraph ${name} is defined here` }],
            });
          } else if (used.count > have.count) {
            const over = node[field].find((r) => !r.error && r.tag === tag && r.index >= have.count)!;
            ctx.report({
              span: over.span,
              message: `${PORT_TITLES[kind]} "${over.raw}" of node ${node.label}: ${tagText(tag)} has ${used.count} indexes here but the subgraph ${name} declares only ${have.count}, so subgraph expansion fails ("has only ${have.count} indexes in the subgraph config") and OVMS does not load the graph.`,
              related: [{ file: subPath, span: have.first.span, message: `the subgraph declares ${tagText(tag)} here` }],
            });
          }
        }
      });
      const factory = fieldsNamed(sub.root, 'packet_factory')[0];
      if (factory) {
        ctx.report({
          span: node.calculator!.span,
          message: `Node ${node.label} invokes the subgraph ${name}, whose definition has a packet_factory; subgraph expansion refuses subgraphs with packet factories (RET_CHECK in TransformNames) and OVMS does not load the graph. Remove packet_factory from the subgraph.`,
          related: [{ file: subPath, span: factory.nameSpan, message: 'packet_factory here' }],
        });
      }
    }
  },
};
