import { parseDockerRun, isOvmsImage, parseEnvAssignment } from '../flags/docker';
import type { CommandSource, EnvVar, OvmsCommand } from '../flags/model';
import { parseOvmsArgs } from '../flags/parse-ovms';
import { isKnown, UNKNOWN, type Word } from '../flags/words';
import { parseShell, type ShellDialect, type SimpleCommand } from './shell';

/** Words that run the next word as the command (`sudo docker run`, `gdb --args ./ovms`). */
const WRAPPERS = new Set(['sudo', 'exec', 'nohup', 'time', 'command', 'env', 'then', 'do', 'else', '!', '$', '&', 'start', 'call', 'doas']);
const DISTINCTIVE_FLAGS = /^--(?:config_path|model_path|model_name|rest_port|source_model|model_repository_path)(?:=|$)/;

export function basenameOf(v: string): string {
  const i = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
  return v.slice(i + 1);
}

/**
 * Docs write optional parts and elisions into command lines: `[TASK_SPECIFIC_OPTIONS]`,
 * `[--gguf_filename FILE]`, `........`. They stand for arguments the text does not give, so they
 * become one UNKNOWN word (like an expansion) instead of stray arguments.
 */
export function placeholdersToUnknown(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^(?:\.{3,}|…)$/.test(w.value)) {
      out.push({ value: UNKNOWN, offsets: [w.span.start], span: w.span });
      continue;
    }
    if (/^\[(?:--?[A-Za-z]|[A-Z][A-Z0-9_]*(?:\]|$))/.test(w.value)) {
      let j = i;
      while (j < words.length && !words[j]!.value.endsWith(']')) j++;
      if (j < words.length && j - i < 8) {
        out.push({ value: UNKNOWN, offsets: [w.span.start], span: { start: w.span.start, end: words[j]!.span.end } });
        i = j;
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Whether a word names the OVMS binary (`ovms`, `/ovms/bin/ovms`, `ovms.exe`). */
export function isOvmsProgram(v: string): boolean {
  const b = basenameOf(v).toLowerCase();
  return b === 'ovms' || b === 'ovms.exe';
}

/**
 * The OVMS invocation a simple command makes, if any: `ovms …`, `ovms.exe …`, or `docker/podman
 * run … <OVMS image> …` (and `sh -c "ovms …"` inside a container command).
 */
export function invocationOf(cmd: SimpleCommand, source: CommandSource, dialect: ShellDialect): OvmsCommand | undefined {
  const words = cmd.words;
  const env: EnvVar[] = [];
  let k = 0;
  while (k < words.length) {
    const v = words[k]!.value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      env.push(parseEnvAssignment(words[k]!));
      k++;
    } else if (WRAPPERS.has(v)) {
      k++;
      if (v === 'sudo' || v === 'env') while (k < words.length && words[k]!.value.startsWith('-')) k++;
    } else if (v === 'gdb' && words[k + 1]?.value === '--args') k += 2;
    else if (v === 'sc' && words[k + 1]?.value === 'start') k += 2;
    else break;
  }
  const prog = words[k];
  if (!prog) return undefined;
  if (isOvmsProgram(prog.value)) {
    const argWords = placeholdersToUnknown(words.slice(k + 1));
    const windows = prog.value.toLowerCase().endsWith('.exe') || dialect === 'windows';
    return {
      source,
      platform: windows ? 'windows' : 'linux',
      span: { start: prog.span.start, end: cmd.span.end },
      anchor: prog.span,
      args: parseOvmsArgs(argWords),
      appendAt: (argWords[argWords.length - 1] ?? prog).span.end,
      env,
    };
  }
  const engine = basenameOf(prog.value);
  if (engine !== 'docker' && engine !== 'podman' && engine !== 'nerdctl') return undefined;
  let r = k + 1;
  if (words[r]?.value === 'container') r++;
  if (words[r]?.value !== 'run') return undefined;
  const anchor = { start: prog.span.start, end: words[r]!.span.end };
  const parsed = parseDockerRun(engine === 'podman' ? 'podman' : 'docker', words.slice(r + 1), anchor);
  const container = parsed.container;
  let rest = parsed.rest;
  const imageKnown = container.image && isKnown(container.image);
  if (parsed.entrypoint) {
    if (!isOvmsProgram(parsed.entrypoint.value)) {
      const inner = fromShellC([parsed.entrypoint, ...rest], source);
      if (!inner) return undefined;
      return { ...inner, container, env: [...parsed.env, ...inner.env], span: { start: prog.span.start, end: cmd.span.end } };
    }
  } else if (!isOvmsImage(container.image?.value)) {
    if (imageKnown || !rest.some((w) => DISTINCTIVE_FLAGS.test(w.value))) return undefined;
  }
  if (rest[0] && isOvmsProgram(rest[0].value)) rest = rest.slice(1);
  rest = placeholdersToUnknown(rest);
  const last = rest[rest.length - 1] ?? container.image;
  return {
    source,
    platform: 'linux',
    span: { start: prog.span.start, end: cmd.span.end },
    anchor: container.image?.span ?? anchor,
    args: parseOvmsArgs(rest),
    ...(last ? { appendAt: last.span.end } : {}),
    container,
    env: parsed.env,
  };
}

/** `sh -c "ovms …"` / `bash -c '…'`: the OVMS invocation inside the script string. */
export function fromShellC(words: Word[], source: CommandSource): OvmsCommand | undefined {
  const sh = words[0] && basenameOf(words[0].value);
  if (!sh || !['sh', 'bash', 'ash', 'dash', 'zsh'].includes(sh)) return undefined;
  const ci = words.findIndex((w, i) => i > 0 && /^-[a-z]*c$/.test(w.value));
  const script = ci > 0 ? words[ci + 1] : undefined;
  if (!script) return undefined;
  for (const cmd of wordsOfScript(script)) {
    const inv = invocationOf(cmd, source, 'posix');
    if (inv) return inv;
  }
  return undefined;
}

/** Parse the text of one word (a compose string command, a `sh -c` script) as shell, keeping offsets. */
export function wordsOfScript(w: Word): SimpleCommand[] {
  const parsed = parseShell(w.value, 0, w.value.length, 'posix');
  const map = (o: number) => w.offsets[Math.min(o, w.offsets.length - 1)] ?? w.span.start;
  return parsed.commands.map((c) => ({
    span: { start: map(c.span.start), end: map(c.span.end - 1) + 1 },
    words: c.words.map((x) => ({
      value: x.value,
      offsets: x.offsets.map(map),
      span: { start: map(x.span.start), end: map(x.span.end - 1) + 1 },
    })),
  }));
}

/** Every OVMS invocation in shell text [from, to) of the host file. */
export function shellInvocations(text: string, from: number, to: number, source: CommandSource, dialect: ShellDialect) {
  const parsed = parseShell(text, from, to, dialect);
  const commands: OvmsCommand[] = [];
  for (const c of parsed.commands) {
    const inv = invocationOf(c, source, dialect);
    if (inv) commands.push(inv);
  }
  return { commands, issues: parsed.issues };
}
