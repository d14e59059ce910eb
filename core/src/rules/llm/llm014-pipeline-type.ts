import type { GraphRule } from '../types';
import { graphOnDisk, resolveFromGraph } from '../graph/files';
import { nodesOf, optString } from '../graph/servable-nodes';
import { isCloud } from '../../deployment/paths';

const ALLOWED = ['LM', 'LM_CB', 'VLM', 'VLM_CB', 'OMNI', 'AUTO'];
/** OpenVINO GenAI VLM exports carry a vision embeddings model next to the language model. */
const VISION = /vision_embeddings.*\.xml$/i;

export const llm014: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-014',
    name: 'llm-pipeline-type-mismatch',
    severity: 'error',
    impact: 'load',
    tags: ['llm', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'pipeline_type does not match the model directory',
    description: 'Reports an explicit `pipeline_type` VLM/VLM_CB when the model directory holds no vision embeddings model, and LM/LM_CB when it does (only checked when the model directory can be listed).',
    why: 'OVMS compares the type with the directory content and fails the load: "Models directory content indicates …" (`servable_initializer.cpp:531-539`). Allowed values: LM, LM_CB, VLM, VLM_CB, OMNI, AUTO (AUTO infers the type).',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  pipeline_type: VLM\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  pipeline_type: AUTO\n}',
    },
    fix: 'Remove pipeline_type (AUTO) or set the type that matches the exported model.',
  },
  check(ctx) {
    if (!graphOnDisk(ctx.project, ctx.doc)) return;
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const pt = optString(s, 'pipeline_type');
      const mp = optString(s, 'models_path');
      if (!pt || !mp || !ALLOWED.includes(pt.value) || pt.value === 'AUTO' || pt.value === 'OMNI' || isCloud(mp.value)) continue;
      const entries = ctx.project.host.readDir(resolveFromGraph(ctx.doc, mp.value));
      if (!entries || !entries.some((e) => e.toLowerCase().endsWith('.xml'))) continue;
      const vision = entries.some((e) => VISION.test(e));
      const wantsVision = pt.value.startsWith('VLM');
      if (vision === wantsVision) continue;
      ctx.report({
        span: pt.span,
        message: wantsVision
          ? `pipeline_type ${pt.value} of LLM node ${s.node.label} expects a vision-language model, but ${mp.value} has no vision embeddings model; OVMS fails the load ("Models directory content indicates …"). Use LM_CB/LM or AUTO.`
          : `pipeline_type ${pt.value} of LLM node ${s.node.label} is text-only, but ${mp.value} holds a vision embeddings model; OVMS fails the load ("Models directory content indicates …"). Use VLM_CB/VLM or AUTO.`,
      });
    }
  },
};
