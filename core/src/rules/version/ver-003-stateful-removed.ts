import { compareVersions, REMOVED_FLAGS } from '../../flags/table';
import { member, members, pointerOf, spanOf } from '../../json/parse';
import { analyse } from '../commands/analysis';
import { STATEFUL_MODEL_KEYS } from '../config/keys';
import type { DocumentsRule } from '../types';
import { describeVersion, servedVersion } from './served';

/** The release that removed stateful models (commit ddaeb173e, #4271). */
export const STATEFUL_REMOVED_IN = '2026.3';

/** Stateful-model flags removed in 2026.3 (reference ovms-config.md §3.9). */
const STATEFUL_FLAGS = new Set(REMOVED_FLAGS.filter((f) => f.removedIn === STATEFUL_REMOVED_IN).map((f) => f.name));

/** Stateful-model config.json keys removed in 2026.3 (ovms-config.md §1.3; CFG-003 leaves them to this rule). */
const STATEFUL_CONFIG_KEYS: ReadonlySet<string> = new Set(STATEFUL_MODEL_KEYS);

/**
 * Whether VER-003 reports this removed flag on this version — then CLI-010 ("unmatched arguments")
 * stays silent about it: one finding per mistake, the one that tells the version story.
 */
export function statefulFlagRemoved(name: string, version: string): boolean {
  return STATEFUL_FLAGS.has(name) && compareVersions(version, STATEFUL_REMOVED_IN) >= 0;
}

const AFTER = 'Stateful models were removed in OVMS 2026.3 (commit ddaeb173e)';
const FIX = 'Remove it and serve the model as a stateless one, or pin an image of 2026.2 or older (`openvino/model_server:2026.2`) for as long as you need stateful models.';

export const ver003: DocumentsRule = {
  target: 'documents',
  meta: {
    id: 'OVMS-VER-003',
    name: 'stateful-removed',
    severity: 'error',
    impact: 'startup',
    tags: ['version', 'deprecated', 'cli', 'schema'],
    appliesTo: ['command-lines', 'ovms-config', 'subconfig'],
    title: 'Stateful-model option on OVMS 2026.3 or newer',
    description:
      'Reports the stateful-model flags (`--stateful`, `--idle_sequence_cleanup`, `--low_latency_transformation`, `--max_sequence_number`, `--sequence_cleaner_poll_wait_minutes`) and config.json model keys (`stateful`, `idle_sequence_cleanup`, `low_latency_transformation`, `max_sequence_number`) when the OVMS version is 2026.3 or newer. The version of a command line is its image tag, else the `ovmsVersion` setting; the version of a config.json is the image tag of a command line in the project that serves it (`--config_path`), else the setting. On older versions these options are valid and nothing is reported. One finding per mistake: OVMS-CLI-010 (unknown flag) and OVMS-CFG-003 (unknown config key) leave these names to this rule, which says why they stopped working; in a subconfig.json, where OVMS ignores unknown keys, the finding is a warning.',
    why:
      'OVMS 2026.3 removed stateful models (commit ddaeb173e, #4271): the flags became "error parsing options - unmatched arguments" and the config.json schema rejects the keys (additionalProperties), so a deployment that worked on 2026.2 refuses to start after an image upgrade (reference ovms-config.md §3.9, rules-catalogue §0.1).',
    example: {
      language: 'shell',
      invalid: 'docker run openvino/model_server:2026.3 --model_name lstm --model_path /models/lstm --port 9000 --stateful --max_sequence_number 1000',
      valid: 'docker run openvino/model_server:2026.2 --model_name lstm --model_path /models/lstm --port 9000 --stateful --max_sequence_number 1000',
    },
    fix: FIX,
  },
  commands(ctx) {
    for (const cmd of ctx.doc.commands) {
      const a = analyse(cmd, ctx.options);
      for (const p of cmd.args.problems) {
        if (p.kind !== 'removed' || !statefulFlagRemoved(p.text, a.version)) continue;
        const where = a.versionFromTag ? `image \`${cmd.container?.imageName ?? 'openvino/model_server'}:${cmd.container?.tag}\`` : 'the `ovmsVersion` setting';
        ctx.report({
          span: p.span,
          key: p.text,
          message: `\`--${p.text}\` is a stateful-model flag, and this command runs OVMS ${a.version} (${where}). ${AFTER}: OVMS exits with "error parsing options - unmatched arguments: --${p.text}". ${FIX}`,
        });
      }
    }
  },
  config(ctx) {
    const list = member(ctx.doc.root, 'model_config_list');
    if (list?.type !== 'array') return;
    let served: ReturnType<typeof servedVersion> | undefined;
    const sub = ctx.doc.kind === 'subconfig';
    for (const item of list.children ?? []) {
      const cfg = member(item, 'config');
      for (const m of members(cfg)) {
        if (!STATEFUL_CONFIG_KEYS.has(m.name)) continue;
        served ??= servedVersion(ctx.project, ctx.doc, ctx.options);
        if (compareVersions(served.version, STATEFUL_REMOVED_IN) < 0) return;
        const consequence = sub
          ? 'OVMS ignores unknown keys in a subconfig.json, so the setting silently has no effect'
          : 'the config.json schema rejects the key ("Keyword:additionalProperties"), so OVMS refuses the whole file and does not start';
        ctx.report({
          span: spanOf(m.key),
          key: `${pointerOf(cfg!)}/${m.name}`,
          ...(sub ? { severity: 'warning' as const, impact: 'advice' as const } : {}),
          ...(served.related ? { related: [served.related] } : {}),
          message: `\`${m.name}\` is a stateful-model key, and this config is served by ${describeVersion(served)}. ${AFTER}: ${consequence}. ${FIX}`,
        });
      }
    }
  },
};
