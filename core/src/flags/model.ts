import type { Span } from '../types';
import type { FlagDef } from './table';
import type { Word } from './words';

/** One OVMS flag as written on a command line. */
export interface FlagUse {
  /** The flag name as written, without dashes (`rest_port`). */
  name: string;
  /** The table entry; undefined for flags OVMS does not know. */
  def: FlagDef | undefined;
  /** The argument holding the flag name. */
  word: Word;
  /** Span of the `--name` part. */
  nameSpan: Span;
  /** The value: the part after `=`, or the next argument; undefined for bools without `=`. */
  value: Word | undefined;
  /** Written as `--name=value`. */
  inline: boolean;
  /** Span of the flag and its value. */
  span: Span;
}

export type ArgProblemKind =
  /** a word starting with `-` that names no current flag */
  | 'unknown'
  /** a flag OVMS had and removed (reference §3.9) */
  | 'removed'
  /** a word that is no flag and no flag's value */
  | 'stray'
  /** `--metrics_enable false`: the boolean takes no separate value */
  | 'bool-separate'
  /** a flag that needs a value at the end of the line */
  | 'missing-value'
  /** a value cxxopts fails to parse for the flag's type (`--port -1`, `--metrics_enable=yes`) */
  | 'bad-value';

/** An argument cxxopts would not accept ("error parsing options"). */
export interface ArgProblem {
  kind: ArgProblemKind;
  span: Span;
  /** The offending text (flag name without dashes for unknown/removed; the word otherwise). */
  text: string;
  use?: FlagUse;
  /** For unknown/removed flags: the `--name` part. */
  nameSpan?: Span;
  /** Words swallowed after an unknown flag (probably its value), also unmatched for OVMS. */
  trailing?: Word[];
}

/** The OVMS arguments of one command line, parsed the way OVMS parses them. */
export interface OvmsArgs {
  words: Word[];
  uses: FlagUse[];
  problems: ArgProblem[];
  /** Every use of each known flag, in order (the last one wins in OVMS, list flags accumulate). */
  byName: Map<string, FlagUse[]>;
}

export type CommandSource = 'shell' | 'markdown' | 'dockerfile' | 'compose' | 'kubernetes';

/** A `-p/--publish` (or compose `ports`, k8s `ports`) entry. */
export interface Publish {
  span: Span;
  /** Host IP, `''` when none is given (all interfaces); undefined when unknown. */
  hostIp: string | undefined;
  hostPort?: string;
  containerPort: string | undefined;
  /** Where a host IP could be inserted (start of the entry). */
  insertAt: number;
  /** k8s `hostPort` / compose long form: whether the entry publishes on the host at all. */
  published: boolean;
}

/** A `-v`/`--mount`/compose volume/k8s volumeMount. */
export interface Mount {
  span: Span;
  /** Host path or volume name; may hold UNKNOWN parts (`$(pwd)/models`); undefined when absent. */
  source: string | undefined;
  /** Container path; undefined when unknown. */
  target: string | undefined;
  readOnly: boolean;
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  options: string[];
  /** Offset where `:ro` could be appended (end of the entry), when it can. */
  appendAt?: number;
  /**
   * Files the mount is known to hold, relative to `target` ('' = the target itself is the file):
   * the keys of a Kubernetes ConfigMap/Secret defined in the same manifest, or a `subPath` of one.
   */
  files?: string[];
}

export interface EnvVar {
  name: string;
  /** The literal value; undefined for a pass-through (`-e NAME`, k8s valueFrom, compose without value). */
  value: Word | undefined;
  span: Span;
  /** Taken from a secret store (k8s secretKeyRef, compose secrets). */
  fromSecret?: boolean;
}

/** A boolean-ish setting with where it was written. */
export interface Setting {
  span: Span;
  value: string | undefined;
}

/** What the container around OVMS looks like (docker/podman run, compose service, k8s container). */
export interface Container {
  engine: 'docker' | 'podman' | 'compose' | 'kubernetes' | 'dockerfile';
  /** Where findings about the container as a whole go (`docker run`, the service or container name). */
  anchor: Span;
  image: Word | undefined;
  /** Image repository (`openvino/model_server`), tag (`2025.3-gpu`) and digest. */
  imageName?: string;
  tag?: string;
  digest?: string;
  publish: Publish[];
  networkHost?: Span;
  user?: Setting;
  /** k8s runAsNonRoot. */
  runAsNonRoot?: Setting;
  readOnly?: Setting;
  tmpfs: Mount[];
  mounts: Mount[];
  envFiles: Span[];
  privileged?: Setting;
  allowPrivilegeEscalation?: Setting;
  capAdd: Setting[];
  /** k8s capabilities.drop contains ALL / docker --cap-drop ALL. */
  capDropAll?: boolean;
  securityOpt: Setting[];
  devices: Setting[];
  groupAdd: Setting[];
  memory?: Setting;
  /** Some container options come from an expansion the text cannot know (`${GPU_ARGS}`). */
  opaqueOptions?: boolean;
  /** Offset where container options can be inserted as text (after `docker run `), when possible. */
  optionsInsertAt?: number;
}

/** One OVMS invocation found in a file. */
export interface OvmsCommand {
  source: CommandSource;
  platform: 'linux' | 'windows';
  /** The whole command in the host file. */
  span: Span;
  /** Where findings about the command as a whole go (the `ovms` word, the image, `args:`). */
  anchor: Span;
  args: OvmsArgs;
  /** Offset after the last OVMS argument, where flags can be appended; undefined when not possible. */
  appendAt?: number;
  container?: Container;
  /** Environment OVMS runs with (container env; shell `NAME=value ovms` prefixes). */
  env: EnvVar[];
}
