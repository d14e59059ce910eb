import type { FlagUse } from '../../flags/model';
import { commandRule, flag } from './define';

const ADD_ALLOWED = new Set(['model_name', 'model_path', 'config_path', 'batch_size', 'shape', 'layout', 'mean', 'scale', 'color_format', 'precision', 'model_version_policy', 'nireq', 'target_device', 'plugin_config', 'add_to_config', 'model_repository_path']);
const REMOVE_ALLOWED = new Set(['model_name', 'config_path', 'remove_from_config', 'model_repository_path']);
/** Flags every mode reads (server settings are simply unused by the management modes). */
const GENERAL = new Set(['log_level', 'log_path', 'help', 'version']);

export const cli013 = commandRule(
  {
    id: 'OVMS-CLI-013',
    name: 'mode-conflict',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: 'Flags of OVMS modes that cannot be combined, or a mode missing what it needs',
    description:
      'Reports `--list_models`/`--add_to_config`/`--remove_from_config` with `--pull`, `--source_model` or `--task`; `--configure` without `--model_path`, with `--pull` or with `--model_name`; `--remove_from_config` with `--model_path`; `--add_to_config`/`--remove_from_config` without `--model_name`, without a config path, or with flags they do not accept; `--list_models` and the pull modes without a model repository.',
    why: 'The parser and Config::validate() stop with "--list_models cannot be used with --pull or --task", "--configure requires --model_path", "--model_name cannot be used with --configure", "model_repository_path parameter is required for pull mode", "Set model_name with add_to_config/remove_from_config", "Removing models from the configuration file allows passing only model_name parameter" (src/cli_parser.cpp:451-491, src/config.cpp:182-192; reference ovms-config.md §3.6).',
    example: { language: 'shell', invalid: 'ovms --pull --source_model OpenVINO/Qwen3-8B-int4-ov --task text_generation', valid: 'ovms --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation' },
    fix: 'Run management steps (pull, configure, list, add/remove) as separate commands with only the flags they take.',
  },
  (ctx, cmd, a) => {
    const at = (n: string) => a.use(n)!;
    const rep = (u: FlagUse | undefined, message: string) => ctx.report({ span: u ? u.span : cmd.anchor, key: u?.name, message });
    if (a.mode === 'help' || a.opaque) return;
    // a bare `ovms` runs with an environment the text does not show (OVMS_MODEL_REPOSITORY_PATH may be set)
    const envUnknown = !cmd.container;
    const repoKnown = a.has('model_repository_path') || !!a.env('OVMS_MODEL_REPOSITORY_PATH') || envUnknown;
    for (const m of ['list_models', 'add_to_config', 'remove_from_config']) {
      if (!a.has(m)) continue;
      for (const other of ['pull', 'source_model', 'task']) {
        if (a.has(other)) rep(at(other), `${flag(other)} cannot be combined with ${flag(m)}: OVMS exits with "error parsing options - --${m} cannot be used with --pull or --task". Run the pull and the ${m.replace(/_/g, ' ')} as two commands.`);
      }
    }
    if (a.has('list_models')) {
      for (const m of ['add_to_config', 'remove_from_config']) if (a.has(m)) rep(at(m), `${flag(m)} cannot be combined with \`--list_models\`: OVMS exits with a usage error.`);
      if (!repoKnown) rep(at('list_models'), '`--list_models` needs `--model_repository_path` (or OVMS_MODEL_REPOSITORY_PATH): OVMS exits with "Use --list_models with --model_repository_path".');
      return;
    }
    if (a.has('configure') && !a.has('pull') && !a.has('source_model') && !a.has('list_models') && a.mode === 'configure') {
      if (!a.has('model_path')) rep(at('configure'), '`--configure` needs `--model_path` (the directory to write graph.pbtxt into): OVMS exits with "error parsing options - --configure requires --model_path".');
      if (a.has('model_name')) rep(at('model_name'), '`--model_name` cannot be used with `--configure`: OVMS exits with "error parsing options - --model_name cannot be used with --configure".');
    }
    if (a.has('configure') && a.has('pull')) rep(at('configure'), '`--configure` cannot be combined with `--pull`: OVMS exits with "error parsing options - --configure cannot be used with --pull". Pull first, then configure.');
    if (a.mode === 'modify_config') {
      const add = a.has('add_to_config');
      const anchor = at(add ? 'add_to_config' : 'remove_from_config');
      if (!add && a.has('model_path')) rep(at('model_path'), '`--model_path` cannot be used with `--remove_from_config`: OVMS exits with a usage error. Only `--model_name` and `--config_path` are taken.');
      if (!a.has('config_path') && !repoKnown) rep(anchor, `\`--${add ? 'add_to_config' : 'remove_from_config'}\` needs \`--config_path\`: OVMS exits with "Set config_path with add_to_config/remove_from_config".`);
      if (!a.has('model_name')) rep(anchor, `\`--${add ? 'add_to_config' : 'remove_from_config'}\` needs \`--model_name\`: OVMS exits with "Set model_name with add_to_config/remove_from_config".`);
      if (add && a.has('model_name') && !a.has('model_path') && !repoKnown) rep(anchor, '`--add_to_config` needs `--model_path` or `--model_repository_path`: OVMS exits with "Set model_name either with model_path or model_repository_path with add_to_config".');
      const allowed = add ? ADD_ALLOWED : REMOVE_ALLOWED;
      for (const u of cmd.args.uses) {
        if (!u.def || allowed.has(u.name) || GENERAL.has(u.name) || ['pull', 'source_model', 'task', 'list_models'].includes(u.name)) continue;
        if (!add && u.name === 'model_path') continue;
        if (u.def.group !== 'model' && u.def.group !== 'task' && u.def.group !== 'source') continue;
        rep(u, add ? `\`--${u.name}\` is not taken by \`--add_to_config\`: OVMS exits with "Adding models to the configuration file does not support parameters: ${u.name}".` : `\`--${u.name}\` is not taken by \`--remove_from_config\`: OVMS exits with "Removing models from the configuration file allows passing only model_name parameter. Invalid parameters passed: ${u.name}".`);
      }
      return;
    }
    if (a.mode === 'pull' || a.mode === 'pull_and_start' || (a.mode === 'in_memory_graph' && !a.has('model_path'))) {
      const anchor = a.use('pull') ?? a.use('source_model') ?? a.use('task') ?? a.use('configure');
      if (!a.has('source_model') && !(a.mode === 'pull' && a.has('model_name'))) rep(anchor, '`--source_model` is missing: OVMS exits with "source_model parameter is required for pull mode". Name the Hugging Face model, or give `--model_path` of a local model.');
      if (!repoKnown) rep(anchor, 'No model repository: OVMS exits with "model_repository_path parameter is required for pull mode". Add `--model_repository_path /models` (a writable mount).');
    }
  },
);
