import type { EnvVar, FlagUse, OvmsCommand } from '../../flags/model';
import { lastUse } from '../../flags/parse-ovms';
import { compareVersions, type Task, TASKS } from '../../flags/table';
import { parseUnsigned, versionOfTag } from '../../flags/values';
import { isKnown } from '../../flags/words';
import type { RuleOptions } from '../../options';

/**
 * What a command line means to OVMS, computed once per command and shared by the command rules:
 * the server mode (reference §3.2), the effective values of the flags, the OVMS version the
 * rules assume, and the environment.
 */
export type Mode =
  | 'help'
  | 'list_models'
  | 'modify_config'
  | 'pull'
  | 'pull_and_start'
  | 'configure'
  | 'in_memory_graph'
  | 'serving';

export interface Analysis {
  cmd: OvmsCommand;
  mode: Mode;
  /** Modes that start the server and keep serving. */
  serves: boolean;
  /** Task options are parsed: true/false, or undefined when OVMS decides from the model directory. */
  taskMode: boolean | undefined;
  /** The `--task` value when known. */
  task: Task | undefined;
  /** The OVMS version rules assume: from the image tag, else the setting. */
  version: string;
  versionFromTag: boolean;
  windows: boolean;
  /** Some argument is an expansion the text cannot know (`$EXTRA_ARGS`): it may hold flags. */
  opaque: boolean;
  has(name: string): boolean;
  use(name: string): FlagUse | undefined;
  /** The flag's value when the text knows it (undefined when absent or unknown). */
  str(name: string): string | undefined;
  /** Whether the flag is given with a value the text cannot know. */
  unknown(name: string): boolean;
  /** An unsigned flag's value: a number, 'unknown', 'bad' (cxxopts rejects it) or undefined (absent). */
  uint(name: string): number | 'unknown' | 'bad' | undefined;
  /** Effective port values: 0 when absent (off), undefined when unknown or invalid. */
  port(name: 'port' | 'rest_port'): number | undefined;
  env(name: string): EnvVar | undefined;
}

const cache = new WeakMap<OvmsCommand, Analysis>();

export function analyse(cmd: OvmsCommand, options: RuleOptions): Analysis {
  let a = cache.get(cmd);
  if (a && a.version === (versionOfTag(cmd.container?.tag) ?? options.ovmsVersion)) return a;
  a = compute(cmd, options);
  cache.set(cmd, a);
  return a;
}

function compute(cmd: OvmsCommand, options: RuleOptions): Analysis {
  const args = cmd.args;
  const has = (n: string) => args.byName.has(n);
  const use = (n: string) => lastUse(args, n);
  const str = (n: string) => {
    const u = use(n);
    return u?.value && isKnown(u.value) ? u.value.value : undefined;
  };
  const unknown = (n: string) => {
    const u = use(n);
    return !!u?.value && !isKnown(u.value);
  };
  const uint = (n: string): number | 'unknown' | 'bad' | undefined => {
    const u = use(n);
    if (!u) return undefined;
    if (!u.value) return 'bad';
    if (!isKnown(u.value)) return 'unknown';
    const t = u.def?.type === 'uint64' ? 'uint64' : 'uint32';
    const v = parseUnsigned(u.value.value, t);
    return v === undefined ? 'bad' : Number(v);
  };
  let mode: Mode;
  if (has('help') || has('version')) mode = 'help';
  else if (has('list_models')) mode = 'list_models';
  else if (has('add_to_config') || has('remove_from_config')) mode = 'modify_config';
  else if (has('pull')) mode = 'pull';
  else if (has('source_model')) mode = 'pull_and_start';
  else if (has('configure')) mode = 'configure';
  else if (has('task')) mode = 'in_memory_graph';
  else mode = 'serving';
  let taskMode: boolean | undefined = mode === 'pull' || mode === 'pull_and_start' || mode === 'configure' || mode === 'in_memory_graph';
  // --model_path to a Hugging Face directory also selects the in-memory graph mode: the text cannot tell
  if (mode === 'serving' && has('model_path') && !has('config_path')) taskMode = undefined;
  const taskValue = str('task');
  const task = TASKS.includes(taskValue as Task) ? (taskValue as Task) : undefined;
  const tagVersion = versionOfTag(cmd.container?.tag);
  const values = new Set(args.uses.map((u) => u.value).filter((v) => v !== undefined));
  const opaque = args.words.some((w) => !values.has(w) && w.value.startsWith('\u0000'));
  const envMap = new Map<string, EnvVar>();
  for (const e of cmd.env) envMap.set(e.name, e);
  return {
    cmd,
    mode,
    serves: mode === 'serving' || mode === 'in_memory_graph' || mode === 'pull_and_start',
    taskMode,
    task,
    version: tagVersion ?? options.ovmsVersion,
    versionFromTag: tagVersion !== undefined,
    windows: cmd.platform === 'windows',
    opaque,
    has,
    use,
    str,
    unknown,
    uint,
    port: (n) => {
      const v = uint(n);
      return v === undefined ? 0 : typeof v === 'number' ? v : undefined;
    },
    env: (n) => envMap.get(n),
  };
}

export function atLeast(a: Analysis, version: string): boolean {
  return compareVersions(a.version, version) >= 0;
}
