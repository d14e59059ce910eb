import type { GraphRule } from '../types';
import { isAbsolute } from '../../deployment/paths';
import { graphOnDisk, resolveFromGraph } from './files';
import { nodesOf, optString } from './servable-nodes';

export const graph011: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-011',
    name: 'python-handler-missing',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'python', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'Python handler file does not exist',
    description: 'Resolves `handler_path` of each `PythonExecutorCalculator` node (relative paths against the graph\'s directory) and reports it when no such file exists. Only relative paths are checked (absolute ones usually name a path inside the container), and only when the graph is read from disk.',
    why: 'OVMS checks the file when it loads the graph: PYTHON_NODE_FILE_DOES_NOT_EXIST (`pythonnoderesources.cpp:128-141`); the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "./model.py"\n}',
      valid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "/ovms/workspace/model.py"\n}',
    },
    fix: 'Point handler_path at the Python file (as the server will see it, e.g. inside the container), relative to the graph directory or absolute.',
  },
  check(ctx) {
    if (!graphOnDisk(ctx.project, ctx.doc)) return;
    for (const s of nodesOf(ctx.doc, 'PythonExecutorCalculator')) {
      const h = optString(s, 'handler_path');
      // Absolute paths name the server's file system (usually inside a container): not judged here.
      if (!h || h.value === '' || isAbsolute(h.value)) continue;
      const path = resolveFromGraph(ctx.doc, h.value);
      const st = ctx.project.host.stat(path);
      if (st?.isFile) continue;
      ctx.report({
        span: h.span,
        message: st?.isDirectory
          ? `handler_path "${h.value}" of Python node ${s.node.label} is a directory, not a Python file; OVMS fails the graph load (PYTHON_NODE_FILE_DOES_NOT_EXIST). Point it at the .py file.`
          : `handler_path "${h.value}" of Python node ${s.node.label} does not exist next to the graph; OVMS fails the graph load (PYTHON_NODE_FILE_DOES_NOT_EXIST). Fix the path — relative paths are resolved against the graph's directory.`,
      });
    }
  },
};
