import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { configIndex, reportSchemaIssues } from './schema-analysis';
import { valueAt } from './schema-messages';

export const versionPolicyShape: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-005',
    name: 'model-version-policy-shape',
    severity: 'error',
    impact: 'startup',
    tags: ['schema'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'model_version_policy is not one of the three allowed forms',
    description:
      'An empty `specific.versions` list, which the schema accepts, is a warning: no version is served. model_version_policy must be exactly one of {"all": {}}, {"latest": {"num_versions": N}} with N ≥ 1, or {"specific": {"versions": [...]}} with integers ≥ 1. The finding names the actual problem: two policies at once, an unknown policy, options on `all`, a missing or out-of-range number.',
    why:
      'The schema (src/schema.cpp:289-344) wraps the three forms in oneOf; any mismatch makes OVMS reject the whole config.json and exit, with only "#/definitions/model_version_policy. Keyword:oneOf" in the log, which does not say what is wrong.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"latest": {"num_versions": 0}}}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"latest": {"num_versions": 1}}}}]}',
    },
    fix: 'Use one policy object of the three forms.',
  },
  check(ctx) {
    reportSchemaIssues(ctx, 'OVMS-CFG-005');
    // the schema accepts an empty `specific` list: OVMS then serves no version at all
    const ix = configIndex(ctx.doc);
    const list = valueAt(ix.value, ['model_config_list']);
    if (!Array.isArray(list)) return;
    list.forEach((_, i) => {
      const ptr = `/model_config_list/${i}/config/model_version_policy/specific/versions`;
      const n = ix.nodes.get(ptr)?.node;
      if (!n || n.type !== 'array' || (n.children?.length ?? 0) > 0) return;
      ctx.report({
        span: spanOf(n),
        key: ptr,
        severity: 'warning',
        impact: 'load',
        message: 'An empty `versions` list passes the schema, but OVMS serves the listed versions that exist, i.e. none: the model is never available. List the version numbers to serve, or use {"latest": {"num_versions": 1}}.',
      });
    });
  },
};
