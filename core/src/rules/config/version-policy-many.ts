import { member, members, parseStrictJson, spanOf, type JsonNode } from '../../json/parse';
import { isKnown, subSpan } from '../../flags/words';
import { analyse } from '../commands/analysis';
import type { DocumentsRule } from '../types';
import { servables } from './servables';
import { configIndex } from './schema-analysis';

/** What a version policy loads too much of: `{"all": {}}` (the policy node) or `latest.num_versions` > 2. */
type Excess = { kind: 'all'; node: JsonNode } | { kind: 'latest'; node: JsonNode; versions: number };

function excess(policy: JsonNode | undefined): Excess | undefined {
  const ms = members(policy);
  if (ms.length !== 1) return undefined; // a shape error: OVMS-CFG-005 / OVMS-CLI-019
  const { name, value } = ms[0]!;
  if (name === 'all' && value?.type === 'object' && !value.children?.length) return { kind: 'all', node: policy! };
  const n = name === 'latest' ? member(value, 'num_versions') : undefined;
  if (n?.type === 'number' && Number.isInteger(n.value) && (n.value as number) > 2) return { kind: 'latest', node: n, versions: n.value as number };
  return undefined;
}

function message(who: string, e: Excess): string {
  return e.kind === 'all'
    ? `${who} serves every version folder in its base_path ({"all": {}}): each version is compiled and held in memory, and any new folder is loaded automatically. Use {"latest": {"num_versions": 1}} or {"specific": {"versions": [...]}}.`
    : `${who} keeps the ${e.versions} newest versions loaded: each one is compiled and held in memory. Keep num_versions at 1 or 2 unless clients really call older versions.`;
}

export const versionPolicyMany: DocumentsRule = {
  target: 'documents',
  meta: {
    id: 'OVMS-DOS-006',
    name: 'model-version-policy-many-versions',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'memory', 'cli'],
    cwe: 400,
    appliesTo: ['ovms-config', 'subconfig', 'command-lines'],
    title: 'model_version_policy loads many versions at once',
    description: 'Reports `{"all": {}}` (warning) and `{"latest": {"num_versions": N}}` with N > 2 (info) on config.json model entries and in the JSON value of `--model_version_policy` on command lines (single-model start and `--add_to_config`), pointing inside the value.',
    why: 'Every served version is a separate ov::Model and ov::CompiledModel, so memory grows with each version folder (docs/troubleshooting.md, Resource Allocation); the version policy exists "to control the server memory consumption" (docs/model_version_policy.md). With `all`, dropping a new version folder into the repository loads it too, without any config change.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"all": {}}}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "model_version_policy": {"latest": {"num_versions": 1}}}}]}',
    },
    fix: 'Serve the versions you need: {"latest": {"num_versions": 1}} (the default) or {"specific": {"versions": [...]}}; on the command line `--model_version_policy \'{"latest": {"num_versions": 1}}\'` or leave the flag out.',
  },
  config(ctx) {
    const ix = configIndex(ctx.doc);
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.kind !== 'model') continue;
      const ptr = `${s.pointer}/model_version_policy`;
      const e = excess(ix.nodes.get(ptr)?.node);
      if (!e) continue;
      const who = s.name !== undefined ? `Model \`${s.name}\`` : 'This model';
      ctx.report({ span: spanOf(e.node), key: e.kind === 'all' ? ptr : `${ptr}/latest/num_versions`, ...(e.kind === 'latest' ? { severity: 'info' as const } : {}), message: message(who, e) });
    }
  },
  commands(ctx) {
    for (const cmd of ctx.doc.commands) {
      const a = analyse(cmd, ctx.options);
      // with --config_path the flag is an error (OVMS-CLI-001); elsewhere it is not read
      if (!(a.mode === 'serving' && !a.has('config_path')) && !(a.mode === 'modify_config' && a.has('add_to_config'))) continue;
      const u = a.use('model_version_policy');
      if (!u?.value || !isKnown(u.value)) continue;
      const { root, issues } = parseStrictJson(u.value.value);
      const e = issues.length ? undefined : excess(root);
      if (!e) continue;
      const name = a.str('model_name');
      const who = name ? `Model \`${name}\`` : 'This model';
      ctx.report({ span: subSpan(u.value, e.node.offset, e.node.offset + e.node.length), key: 'model_version_policy', ...(e.kind === 'latest' ? { severity: 'info' as const } : {}), message: message(who, e) });
    }
  },
};
