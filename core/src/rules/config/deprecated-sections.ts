import { members, spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';

const DEPRECATED: Record<string, string> = {
  mediapipe_config_list:
    'mediapipe_config_list is deprecated ("should not be used in new configurations", docs/mediapipe.md): since 2025.1 a graph is listed in model_config_list as {"config": {"name": ..., "base_path": "<directory with graph.pbtxt>"}}.',
  custom_loader_config_list: 'Custom model loaders are deprecated (docs/custom_model_loader.md) and work only on Linux.',
  pipeline_config_list: 'DAG pipelines are a legacy feature (docs/legacy.md); new deployments use MediaPipe graphs.',
  custom_node_library_config_list: 'Custom node libraries belong to legacy DAG pipelines (docs/legacy.md); new deployments use MediaPipe graphs.',
};

export const deprecatedSections: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-012',
    name: 'deprecated-config-section',
    severity: 'info',
    impact: 'advice',
    tags: ['deprecated'],
    appliesTo: ['ovms-config'],
    title: 'config.json uses a deprecated section',
    description: 'Reports the top-level sections OVMS documents as deprecated or legacy: mediapipe_config_list, custom_loader_config_list, pipeline_config_list and custom_node_library_config_list.',
    why: 'They still load in 2026.3, but the docs mark them as deprecated (docs/mediapipe.md, docs/custom_model_loader.md) or legacy (docs/legacy.md), so new features land elsewhere and they may be removed.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [],\n "mediapipe_config_list": [{"name": "llm", "base_path": "llm"}]}',
      valid: '{"model_config_list": [\n  {"config": {"name": "llm", "base_path": "llm"}}\n]}',
    },
    fix: 'Move graphs into model_config_list; plan a migration from DAGs and custom loaders to MediaPipe graphs.',
  },
  check(ctx) {
    if (ctx.doc.kind !== 'ovms-config' || ctx.doc.root?.type !== 'object') return;
    const seen = new Set<string>();
    for (const m of members(ctx.doc.root)) {
      const why = DEPRECATED[m.name];
      if (!why || seen.has(m.name)) continue;
      seen.add(m.name);
      ctx.report({ span: spanOf(m.key), key: `/${m.name}`, message: why });
    }
  },
};
