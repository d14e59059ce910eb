import { members } from '../../json/parse';
import type { ConfigRule } from '../types';

export const subconfigContent: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-016',
    name: 'subconfig-content',
    severity: 'error',
    impact: 'load',
    tags: ['schema', 'mediapipe'],
    appliesTo: ['subconfig'],
    title: 'subconfig.json has no model_config_list array, or other top-level keys',
    description:
      'A graph\'s subconfig.json must be an object with a `model_config_list` array (its items are checked by the model config rules: CFG-003 … CFG-006). A missing or non-array model_config_list is an error; any other top-level key is a warning, because OVMS ignores it.',
    why:
      'OVMS\'s subconfig schema (src/schema.cpp:445-460) is mis-nested and accepts any JSON, so nothing is checked at load except what the code reads: without a model_config_list array OVMS returns JSON_INVALID with only a debug log ("Subconfiguration file doesn\'t have models property."), the graph\'s models are not loaded, and subconfigs of graphs listed later are skipped in that pass (src/modelmanager.cpp:803-820). docs/mediapipe.md:218 says a subconfig may only contain model_config_list: other sections (pipelines, monitoring, graphs) are silently ignored.',
    example: {
      language: 'json',
      invalid: '{"models": [{"config": {"name": "embeddings_model", "base_path": "embeddings"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "embeddings_model", "base_path": "embeddings"}}]}',
    },
    fix: 'Put the graph\'s models in "model_config_list": [...]; move other sections to the main config.json.',
  },
  check(ctx) {
    const root = ctx.doc.root;
    if (ctx.doc.kind !== 'subconfig' || !root) return; // unparsable: OVMS-SYNTAX-JSON reports it (impact load)
    const span = { start: root.offset, end: root.offset + root.length };
    if (root.type !== 'object') {
      ctx.report({ span, key: '', message: 'A subconfig.json must be a JSON object with "model_config_list"; OVMS cannot read this one (JSON_INVALID) and the graph\'s models are not loaded.' });
      return;
    }
    let found = false;
    for (const m of members(root)) {
      if (m.name === 'model_config_list') {
        if (found) continue;
        found = true;
        if (m.value && m.value.type !== 'array') {
          ctx.report({
            span: { start: m.value.offset, end: m.value.offset + m.value.length },
            key: '/model_config_list',
            message: '"model_config_list" in a subconfig.json must be an array of {"config": {...}} entries; OVMS rejects the subconfig (JSON_INVALID, only a debug log) and the graph\'s models are not loaded.',
          });
        }
        continue;
      }
      ctx.report({
        span: { start: m.key.offset, end: m.key.offset + m.key.length },
        key: `/${m.name}`,
        severity: 'warning',
        impact: 'advice',
        message: `\`${m.name}\` has no effect in a subconfig.json: OVMS reads only "model_config_list" from it. Move this section to the main config.json or remove it.`,
      });
    }
    if (!found) {
      ctx.report({
        span,
        key: '',
        message: `This subconfig.json has no "model_config_list"${members(root).length ? '' : ' (it is empty)'}: OVMS rejects it (JSON_INVALID, only a debug log "Subconfiguration file doesn't have models property."), the graph's models are not loaded and subconfigs of graphs listed after it are skipped. Put the models in "model_config_list": [...].`,
      });
    }
  },
};
