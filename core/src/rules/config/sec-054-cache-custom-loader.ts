import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { configIndex } from './schema-analysis';
import { servables } from './servables';

export const sec054: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-SEC-054',
    name: 'model-cache-with-custom-loader',
    severity: 'info',
    impact: 'exposure',
    tags: ['security', 'config', 'cache'],
    cwe: 312,
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'A model read by a custom loader is also written to the model cache',
    description: 'Reports a model entry that has `custom_loader_options` and `allow_cache: true`.',
    why: 'Custom loaders exist to import protected (for example encrypted) model files. OVMS\'s model cache then stores the compiled model unencrypted in the cache directory; docs/model_cache.md warns that "using unencrypted cache might potentially lead to a security risk". Custom loaders are also deprecated (docs/custom_model_loader.md).',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m", "allow_cache": true,\n  "custom_loader_options": {"loader_name": "decrypt"}}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "custom_loader_options": {"loader_name": "decrypt"}}}]}',
    },
    fix: 'Remove `allow_cache` (or set it to false) for models that a custom loader protects; if a cache is needed, give each deployment its own cache directory with mode 0700.',
  },
  check(ctx) {
    const ix = configIndex(ctx.doc);
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.kind !== 'model' || s.config.allow_cache !== true || !('custom_loader_options' in s.config)) continue;
      const ptr = `${s.pointer}/allow_cache`;
      const node = ix.nodes.get(ptr)?.node;
      if (!node) continue;
      ctx.report({
        span: spanOf(node),
        key: ptr,
        message: `Model ${s.name !== undefined ? `\`${s.name}\` ` : ''}is read by a custom loader (custom_loader_options) and has allow_cache: true: OVMS writes the compiled model unencrypted into the cache directory, so anyone who can read that directory gets the model the loader protects. Remove allow_cache for this model.`,
      });
    }
  },
};
