import { effectiveInputHandler, graphModel, hasPort, portKeysText, type SyncSet } from '../../graph/model';
import { parseTagIndex } from '../../graph/names';
import type { Span } from '../../types';
import type { GraphRule } from '../types';

/** Whether an entry of a sync_set before `sets[i].tagIndices[j]` names the same input (valid entries only). */
function listedBefore(sets: SyncSet[], i: number, j: number, tag: string, index: number): boolean {
  for (let a = 0; a <= i; a++) {
    const list = sets[a]!.tagIndices;
    for (let b = 0; b < (a === i ? j : list.length); b++) {
      const p = parseTagIndex(list[b]!.value);
      if (p.ok && p.value.tag === tag && p.value.index === index) return true;
    }
  }
  return false;
}

export const mp018: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-018',
    name: 'invalid-sync-set',
    severity: 'error',
    impact: 'request',
    tags: ['mediapipe', 'stream-handlers', 'crash', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'SyncSetInputStreamHandler sync_set names no input, repeats one, or is empty',
    description:
      'For every node running `SyncSetInputStreamHandler` (its own or the graph-wide handler, which MediaPipe copies into every node), each `sync_set` must list at least one `tag_index`, every tag_index must parse and name an input stream of the node, and no input may be in two sync sets.',
    why:
      'MediaPipe reads these options only in `PrepareForRun` and checks them with ABSL_CHECK (`sync_set_input_stream_handler.cc:37-77`): OVMS loads the graph, and the first request (or the graph pool at load) aborts the whole server process. OVMS\'s docs warn that MediaPipe does not validate input handler settings at initialization.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream_handler {\n    input_stream_handler: "SyncSetInputStreamHandler"\n    options { [mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBAK:0" } } }\n  }\n}',
      valid:
        'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream_handler {\n    input_stream_handler: "SyncSetInputStreamHandler"\n    options { [mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBACK:0" } } }\n  }\n}',
    },
    fix: 'List only the node\'s own inputs (TAG:index) in sync_set, each in one set; put a graph-wide SyncSet handler on the nodes that have those inputs instead.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const reported = new Set<number>();
    const report = (span: Span, message: string) => {
      if (reported.has(span.start)) return; // a graph-wide handler: report its first victim only
      reported.add(span.start);
      ctx.report({ span, message: `${message} OVMS loads the graph, but MediaPipe checks this with ABSL_CHECK when a request starts the graph, which aborts the whole server process.` });
    };
    for (const node of m.nodes) {
      const h = effectiveInputHandler(m, node);
      if (h?.name?.value !== 'SyncSetInputStreamHandler') continue;
      const via = h === node.inputStreamHandler ? '' : ' (graph-wide handler, applied to every node)';
      const sets = h.syncSets;
      for (let i = 0; i < sets.length; i++) {
        const set = sets[i]!;
        if (set.tagIndices.length === 0) {
          report(set.span, `A sync_set of node ${node.label}${via} lists no tag_index.`);
          continue;
        }
        for (let j = 0; j < set.tagIndices.length; j++) {
          const ti = set.tagIndices[j]!;
          const p = parseTagIndex(ti.value);
          if (!p.ok) {
            report(ti.span, `sync_set of node ${node.label}${via}: ${p.error}`);
            continue;
          }
          const { tag, index } = p.value;
          if (!hasPort(node.inputs, tag, index)) {
            const have = portKeysText(node.inputs);
            report(ti.span, `sync_set tag_index "${ti.value}" is not an input stream of node ${node.label}${via} (inputs: ${have || 'none'}).`);
          } else if (listedBefore(sets, i, j, tag, index)) {
            report(ti.span, `Input "${ti.value}" of node ${node.label}${via} is in more than one sync_set.`);
          }
        }
      }
    }
  },
};
