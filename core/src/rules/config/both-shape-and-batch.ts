import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { configIndex } from './schema-analysis';
import { servables } from './servables';

export const bothShapeAndBatch: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-007',
    name: 'shape-and-batch-size',
    severity: 'warning',
    impact: 'advice',
    tags: ['config'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Both shape and batch_size are set; batch_size is ignored',
    description: 'Reports a model entry that sets both `shape` and `batch_size`.',
    why: 'OVMS applies the shape and drops the batch size, logging only "Both shape and batch size have been defined. Batch size parameter will be ignored." (src/modelconfig.cpp:707-715). The batch dimension is whatever the shape says.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "shape": "(1,3,224,224)", "batch_size": 8}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "shape": "(8,3,224,224)"}}]}',
    },
    fix: 'Remove batch_size and put the batch dimension into shape.',
  },
  check(ctx) {
    const ix = configIndex(ctx.doc);
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.kind !== 'model' || !('shape' in s.config) || !('batch_size' in s.config)) continue;
      const key = ix.nodes.get(`${s.pointer}/batch_size`)?.keyNode;
      if (!key) continue;
      ctx.report({
        span: spanOf(key),
        key: `${s.pointer}/batch_size`,
        message: `Model ${s.name !== undefined ? `\`${s.name}\` ` : ''}sets both shape and batch_size: OVMS uses the shape and ignores batch_size ("Batch size parameter will be ignored"). Remove batch_size and give the batch dimension in shape.`,
      });
    }
  },
};
