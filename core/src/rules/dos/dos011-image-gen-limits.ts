import type { GraphRule } from '../types';
import { nodesOf, optionsAnchor, optNumber, optString } from '../graph/servable-nodes';

export const dos011: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-DOS-011',
    name: 'image-gen-limits-at-maximum',
    severity: 'info',
    impact: 'risk',
    tags: ['dos', 'image-generation'],
    cwe: 770,
    appliesTo: ['mediapipe-graph'],
    title: 'Image-generation request limits left at their maxima',
    description:
      'For `ImageGenCalculator` nodes, reports `max_resolution` unset (4096x4096) or above 2048x2048, `max_num_images_per_prompt` unset (10) or above 4, and `max_num_inference_steps` unset (100) or above 50. Static-resolution graphs (`resolution` set) are exempt from the first two, which OVMS forbids there.',
    why: 'Defaults in `image_gen_calculator.proto` and docs/image_generation/reference.md:59-63 let one request ask for ten 4096x4096 images at 100 steps — minutes of accelerator time and gigabytes of memory per request.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.ImageGenCalculatorOptions]: {\n  models_path: "./"\n}',
      valid: '[type.googleapis.com / mediapipe.ImageGenCalculatorOptions]: {\n  models_path: "./"\n  max_resolution: "1024x1024"\n  max_num_images_per_prompt: 4\n  max_num_inference_steps: 50\n}',
    },
    fix: 'Cap the limits to what clients need (e.g. 1024x1024, 1–4 images, at most 50 steps).',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'ImageGenCalculator')) {
      if (!s.payload) continue;
      const label = s.node.label;
      const staticRes = optString(s, 'resolution')?.value;
      if (!staticRes) {
        const r = optString(s, 'max_resolution');
        const m = r && /^(\d+)x(\d+)$/.exec(r.value.trim());
        if (!r) ctx.report({ span: optionsAnchor(s), message: `Image-generation node ${label} leaves max_resolution at its default 4096x4096; one request can ask for images that take minutes and gigabytes. Set e.g. \`max_resolution: "1024x1024"\`.` });
        else if (m && Number(m[1]) * Number(m[2]) > 2048 * 2048) ctx.report({ span: r.span, message: `Image-generation node ${label} allows images up to ${r.value}; consider capping max_resolution (e.g. "1024x1024") to bound the cost of one request.` });
        const n = optNumber(s, 'max_num_images_per_prompt');
        if (!n) ctx.report({ span: optionsAnchor(s), message: `Image-generation node ${label} leaves max_num_images_per_prompt at its default 10; set it to what clients need (1–4).` });
        else if (n.value > 4) ctx.report({ span: n.span, message: `Image-generation node ${label} allows ${n.value} images per prompt; each multiplies a request's cost. Consider 1–4.` });
      }
      const st = optNumber(s, 'max_num_inference_steps');
      if (!st) ctx.report({ span: optionsAnchor(s), message: `Image-generation node ${label} leaves max_num_inference_steps at its default 100; set it to 50 or less.` });
      else if (st.value > 50) ctx.report({ span: st.span, message: `Image-generation node ${label} allows ${st.value} inference steps per request; consider 50 or less.` });
    }
  },
};
