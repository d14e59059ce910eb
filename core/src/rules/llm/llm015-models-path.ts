import type { GraphRule } from '../types';
import { graphOnDisk, resolveFromGraph } from '../graph/files';
import { optString, servableNodes } from '../graph/servable-nodes';
import { isAbsolute, isCloud } from '../../deployment/paths';

export const llm015: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-015',
    name: 'models-path-missing',
    severity: 'error',
    impact: 'load',
    tags: ['llm', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'models_path is empty or does not exist',
    description:
      'Resolves `models_path` of GenAI nodes (LLM, embeddings, rerank, image generation, speech) against the graph\'s directory and reports an empty value, a path that does not exist, or one that is neither a directory nor (for LLM) a `.gguf` file. Existence is only checked for relative paths (absolute ones usually name a path inside the container) and when the graph is read from disk.',
    why: 'OVMS\'s initializers check it at load (`servable_initializer.cpp:432-445`): "LLM node requires models_path to be set", LLM_NODE_DIRECTORY_DOES_NOT_EXIST / …NOT_GGUFFILE; the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: ""\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n}',
    },
    fix: 'Point models_path at the model directory as the server sees it (relative to the graph\'s directory, usually "./").',
  },
  check(ctx) {
    const onDisk = graphOnDisk(ctx.project, ctx.doc);
    for (const s of servableNodes(ctx.doc)) {
      if (s.kind.calculator === 'PythonExecutorCalculator' || !s.payload) continue;
      const p = optString(s, 'models_path');
      if (!p) continue; // a missing required field is a parse error (OVMS-GRAPH-005)
      if (p.value.trim() === '') {
        ctx.report({ span: p.span, message: `models_path of node ${s.node.label} is empty; OVMS fails the graph load ("requires models_path to be set"). Use "./" for the graph's own directory.` });
        continue;
      }
      if (!onDisk || isCloud(p.value) || isAbsolute(p.value)) continue; // absolute: the server's (container's) file system
      const path = resolveFromGraph(ctx.doc, p.value);
      const st = ctx.project.host.stat(path);
      const llm = s.kind.calculator === 'HttpLLMCalculator';
      if (st?.isDirectory || (llm && st?.isFile && path.toLowerCase().endsWith('.gguf'))) continue;
      ctx.report({
        span: p.span,
        message: st
          ? `models_path "${p.value}" of node ${s.node.label} is a file but must be a model directory${llm ? ' or a .gguf file' : ''}; OVMS fails the graph load.`
          : `models_path "${p.value}" of node ${s.node.label} does not exist (relative paths are resolved against the graph's directory); OVMS fails the graph load (LLM_NODE_DIRECTORY_DOES_NOT_EXIST).`,
      });
    }
  },
};
