import type { GraphDocument } from '../../documents';
import { deploymentOf } from '../../deployment/model';
import { basename } from '../../deployment/paths';
import type { Project } from '../../project';
import type { Span } from '../../types';
import type { GraphRule } from '../types';
import { resolveFromGraph } from './files';
import { nodesOf, optString } from './servable-nodes';

/** Module names a handler file must not take: common standard-library and scientific modules. */
const SHADOWED = new Set(
  'abc argparse array ast asyncio base64 bisect builtins calendar cmath collections copy csv ctypes dataclasses datetime decimal enum functools glob hashlib heapq html http importlib inspect io itertools json logging math multiprocessing operator os pathlib pickle platform pprint queue random re secrets select shutil signal socket sqlite3 ssl statistics string struct subprocess sys tempfile threading time timeit token tokenize traceback types typing unittest urllib uuid warnings weakref xml zipfile numpy torch PIL cv2 transformers tokenizers openvino pyovms'.split(' '),
);

interface Handler {
  graph: GraphDocument;
  span: Span;
  path: string;
  raw: string;
  module: string;
  node: string;
}

const cache = new WeakMap<Project, { size: number; byGraph: Map<GraphDocument, Handler[]> }>();

/** Every Python handler of every graph in the run, by graph (linear, memoised per project state). */
function handlersByGraph(project: Project): Map<GraphDocument, Handler[]> {
  const docs = project.documents();
  const hit = cache.get(project);
  if (hit && hit.size === docs.length) return hit.byGraph;
  const byGraph = new Map<GraphDocument, Handler[]>();
  for (const d of docs) {
    if (d.kind !== 'mediapipe-graph') continue;
    const list: Handler[] = [];
    for (const s of nodesOf(d, 'PythonExecutorCalculator')) {
      const h = optString(s, 'handler_path');
      if (!h || !h.value.endsWith('.py')) continue;
      list.push({ graph: d, span: h.span, path: resolveFromGraph(d, h.value), raw: h.value, module: basename(h.value).slice(0, -3), node: s.node.label });
    }
    byGraph.set(d, list);
  }
  cache.set(project, { size: docs.length, byGraph });
  return byGraph;
}

/** The graphs one OVMS server loads together with `graph`: those linked from the same config.json files. */
function coServed(project: Project, graph: GraphDocument): GraphDocument[] {
  const d = deploymentOf(project);
  const configs = new Set((d.byGraph.get(graph.file.path) ?? []).map((l) => l.doc));
  const out = new Set<GraphDocument>([graph]);
  for (const l of d.graphs) if (l.graph && configs.has(l.doc)) out.add(l.graph);
  return [...out];
}

export const graph010: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-010',
    name: 'python-module-name-clash',
    severity: 'warning',
    impact: 'load',
    tags: ['mediapipe', 'python', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'Python handler file name clashes with another module',
    description: 'Reports a `handler_path` whose file name (the module name Python imports) is used by a different handler file in the same graph or in another graph served by the same config.json, or shadows a standard-library or common package module (`json.py`, `os.py`, `numpy.py`, …).',
    why: 'OVMS imports handlers by file name after adding their directory to `sys.path` (`pythonnoderesources.cpp:124-146`); docs: "every Python file used by the server must have a unique name". A clash imports the wrong module ("No OvmsPythonModel class found") or breaks imports inside the handler.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "/workspace/json.py"\n}',
      valid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "/workspace/json_postprocess.py"\n}',
    },
    fix: 'Give every handler file a unique name that no installed module uses.',
  },
  check(ctx) {
    const byGraph = handlersByGraph(ctx.project);
    const byModule = new Map<string, Handler[]>();
    for (const g of coServed(ctx.project, ctx.doc)) {
      for (const h of byGraph.get(g) ?? []) {
        let l = byModule.get(h.module);
        if (!l) byModule.set(h.module, (l = []));
        l.push(h);
      }
    }
    for (const h of byGraph.get(ctx.doc) ?? []) {
      if (SHADOWED.has(h.module)) {
        ctx.report({ span: h.span, message: `Handler file of Python node ${h.node} is named ${h.module}.py, which shadows Python's \`${h.module}\` module: OVMS imports handlers by file name, so the handler or its own imports get the wrong module. Rename the file.` });
        continue;
      }
      const other = (byModule.get(h.module) ?? []).find((o) => o.path !== h.path);
      if (!other) continue;
      ctx.report({
        span: h.span,
        message: `Handler module "${h.module}" of Python node ${h.node} has the same file name as the different file "${other.raw}" of node ${other.node}${other.graph === ctx.doc ? '' : ' in another graph of the same server'}; OVMS imports handlers by file name, so one of them loads the other's code. Give each handler file a unique name.`,
        related: [{ file: other.graph.file.path, span: other.span, message: `${h.module}.py also used here` }],
      });
    }
  },
};
