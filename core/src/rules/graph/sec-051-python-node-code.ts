import { dirname, isAbsolute } from '../../deployment/paths';
import type { GraphRule } from '../types';
import { graphOnDisk, resolveFromGraph } from './files';
import { nodesOf, optString } from './servable-nodes';

/** Files that make a directory a model or data directory (OpenVINO IR, ONNX, GGUF, safetensors, ...). */
const MODEL_FILE = /\.(xml|bin|onnx|gguf|safetensors|pdmodel|tflite|pb)$/i;

export const sec051: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-SEC-051',
    name: 'python-node-runs-code',
    severity: 'info',
    impact: 'exposure',
    tags: ['security', 'mediapipe', 'python'],
    cwe: 94,
    appliesTo: ['mediapipe-graph'],
    title: 'A Python node runs arbitrary code inside the server',
    description:
      'Reports every `PythonExecutorCalculator` node (info): its handler runs in the OVMS process with the server\'s rights. It is a warning when `handler_path` is relative, or when the handler\'s directory (read through the graph\'s directory when the graph is on disk) also holds model or data files.',
    why:
      'Python nodes execute user code in the server process (docs/python_support/reference.md). OVMS appends the handler\'s parent directory to `sys.path` and imports the module by file name (src/python/pythonnoderesources.cpp:122-146), so any `.py` file that lands in that directory is importable by the node. A relative path depends on the graph\'s location, and a directory shared with models is often writable by whoever publishes models.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "./model.py"\n}',
      valid: '[type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: {\n  handler_path: "/ovms/handlers/model.py"\n}',
    },
    fix: 'Keep handlers in a dedicated read-only directory (mounted `:ro`), named by an absolute path, and build the image with only the Python packages the handler needs.',
  },
  check(ctx) {
    const onDisk = graphOnDisk(ctx.project, ctx.doc);
    for (const s of nodesOf(ctx.doc, 'PythonExecutorCalculator')) {
      const h = optString(s, 'handler_path');
      const span = h?.span ?? s.node.calculator?.span ?? s.node.keySpan;
      const base = `Python node ${s.node.label} runs the code of its handler inside the OVMS process, with the server's rights and access to every model it serves`;
      // the handler's directory, when it can be looked at: OVMS puts it on sys.path
      const dir = h && h.value !== '' && onDisk ? dirname(resolveFromGraph(ctx.doc, h.value)) : undefined;
      const shared = dir !== undefined ? ctx.project.host.readDir(dir)?.find((f) => MODEL_FILE.test(f)) : undefined;
      const sharedNote = shared ? ` Its directory also holds model files ("${shared}"): whoever can publish models there can also drop Python modules the node imports.` : '';
      if (h && h.value !== '' && !isAbsolute(h.value)) {
        ctx.report({
          span,
          severity: 'warning',
          message: `${base}; handler_path "${h.value}" is relative, so what runs depends on where the graph sits, and OVMS adds that directory to sys.path (any .py file there becomes importable).${sharedNote} Use an absolute path to a dedicated read-only handler directory.`,
        });
        continue;
      }
      if (shared) {
        ctx.report({ span, severity: 'warning', message: `${base}; OVMS adds the handler's directory to sys.path.${sharedNote} Move the handler to a dedicated read-only directory.` });
        continue;
      }
      ctx.report({ span, message: `${base}. Review the handler like server code, keep it in a read-only directory, and make sure only trusted people can change it.` });
    }
  },
};
