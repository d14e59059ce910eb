import type { ConfigDocument } from '../../documents';
import { deploymentOf, dirname, subconfigsSkippedAfter } from '../../deployment';
import { members } from '../../json/parse';
import type { ConfigRule, RuleContext } from '../types';

export const subconfigContent: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-016',
    name: 'subconfig-content',
    severity: 'error',
    impact: 'load',
    tags: ['schema', 'mediapipe'],
    appliesTo: ['subconfig', 'ovms-config'],
    title: 'subconfig.json has no model_config_list array, or other top-level keys',
    description:
      'A graph\'s subconfig.json must be an object with a `model_config_list` array (its items are checked by the model config rules: CFG-003 … CFG-006). A missing or non-array model_config_list is an error; any other top-level key is a warning, because OVMS ignores it. In config.json, a graph with no `subconfig` and no subconfig.json whose directory holds a config.json that is not an OVMS config (the Hugging Face config.json of an LLM) is an error when graphs after it have subconfigs: OVMS reads that config.json as the subconfig and stops there.',
    why:
      'OVMS\'s subconfig schema (src/schema.cpp:445-460) is mis-nested and accepts any JSON, so nothing is checked at load except what the code reads: without a model_config_list array OVMS returns JSON_INVALID with only a debug log ("Subconfiguration file doesn\'t have models property."), the graph\'s models are not loaded, and subconfigs of graphs listed later are skipped in that pass (src/modelmanager.cpp:803-820). docs/mediapipe.md:218 says a subconfig may only contain model_config_list: other sections (pipelines, monitoring, graphs) are silently ignored.',
    example: {
      language: 'json',
      invalid: '{"models": [{"config": {"name": "embeddings_model", "base_path": "embeddings"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "embeddings_model", "base_path": "embeddings"}}]}',
    },
    fix: 'Put the graph\'s models in "model_config_list": [...]; move other sections to the main config.json. Next to a Hugging Face config.json, add a subconfig.json with "model_config_list": [] (or list that graph last).',
  },
  check(ctx) {
    if (ctx.doc.kind === 'ovms-config') return foreignSubconfigs(ctx);
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

/**
 * Reference §2.5: with no `subconfig` and no subconfig.json, OVMS reads `<base_path>/config.json`
 * as the graph's subconfig; a Hugging Face config.json has no model_config_list, the subconfig
 * pass returns JSON_INVALID there (ignored by its caller), and the subconfigs of the graphs after
 * it are never loaded. Reported at the graph that stops the pass, only when a later graph loses
 * its subconfig's models.
 */
function foreignSubconfigs(ctx: RuleContext<ConfigDocument>): void {
  for (const link of deploymentOf(ctx.project).graphs) {
    if (link.doc !== ctx.doc || !link.foreignSubconfig) continue;
    const skipped = subconfigsSkippedAfter(ctx.project, link);
    if (skipped.length === 0) continue;
    const names = skipped.map((g) => `"${g.name}"`).join(', ');
    const dir = dirname(ctx.doc.file.path);
    const shown = link.foreignSubconfig.startsWith(dir + '/') ? link.foreignSubconfig.slice(dir.length + 1) : link.foreignSubconfig;
    ctx.report({
      span: link.nameSpan,
      key: link.pointer,
      message: `Graph "${link.name}" has no subconfig.json, so OVMS reads ${shown} as its subconfig; that file is not an OVMS config (no "model_config_list", e.g. a Hugging Face config.json), OVMS stops the subconfig pass there (JSON_INVALID, only a debug log) and never loads the subconfig models of the graphs after it: ${names}. Add a subconfig.json with {"model_config_list": []} next to this graph, or list it after the graphs that have subconfigs.`,
      related: [
        { file: link.foreignSubconfig, span: { start: 0, end: 0 }, message: 'read by OVMS as the graph\'s subconfig' },
        ...skipped.map((g) => ({ file: g.subconfig!.file.path, span: { start: 0, end: 0 }, message: `not loaded: subconfig of graph "${g.name}"` })),
      ],
    });
  }
}
