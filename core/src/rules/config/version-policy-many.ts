import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { servables } from './servables';
import { configIndex } from './schema-analysis';

export const versionPolicyMany: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-DOS-006',
    name: 'model-version-policy-many-versions',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'memory'],
    cwe: 400,
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'model_version_policy loads many versions at once',
    description: 'Reports `{"all": {}}` (warning) and `{"latest": {"num_versions": N}}` with N > 2 (info) on model entries.',
    why: 'Every served version is a separate ov::Model and ov::CompiledModel, so memory grows with each version folder (docs/troubleshooting.md, Resource Allocation); the version policy exists "to control the server memory consumption" (docs/model_version_policy.md). With `all`, dropping a new version folder into the repository loads it too, without any config change.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"all": {}}}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"latest": {"num_versions": 1}}}}]}',
    },
    fix: 'Serve the versions you need: {"latest": {"num_versions": 1}} (the default) or {"specific": {"versions": [...]}}.',
  },
  check(ctx) {
    const ix = configIndex(ctx.doc);
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.kind !== 'model') continue;
      const policy = s.config.model_version_policy;
      if (!policy || typeof policy !== 'object' || Array.isArray(policy)) continue;
      const p = policy as Record<string, unknown>;
      const keys = Object.keys(p);
      if (keys.length !== 1) continue; // a shape error: OVMS-CFG-005
      const who = s.name !== undefined ? `Model \`${s.name}\`` : 'This model';
      const ptr = `${s.pointer}/model_version_policy`;
      if (keys[0] === 'all' && p.all && typeof p.all === 'object' && Object.keys(p.all).length === 0) {
        const n = ix.nodes.get(ptr)!.node;
        ctx.report({
          span: spanOf(n),
          key: ptr,
          message: `${who} serves every version folder in its base_path ({"all": {}}): each version is compiled and held in memory, and any new folder is loaded automatically. Use {"latest": {"num_versions": 1}} or {"specific": {"versions": [...]}}.`,
        });
      }
      const latest = p.latest as Record<string, unknown> | undefined;
      if (keys[0] === 'latest' && latest && typeof latest.num_versions === 'number' && Number.isInteger(latest.num_versions) && latest.num_versions > 2) {
        const n = ix.nodes.get(`${ptr}/latest/num_versions`)!.node;
        ctx.report({
          span: spanOf(n),
          key: `${ptr}/latest/num_versions`,
          severity: 'info',
          message: `${who} keeps the ${latest.num_versions} newest versions loaded: each one is compiled and held in memory. Keep num_versions at 1 or 2 unless clients really call older versions.`,
        });
      }
    }
  },
};
