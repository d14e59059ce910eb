import type { Container, EnvVar, Mount, Publish, Setting } from './model';
import { isKnown, sliceWord, subSpan, UNKNOWN, type Word } from './words';

/** `docker run` / `podman run` options that take no value (everything else long takes one). */
const DOCKER_BOOL_LONG = new Set([
  'detach', 'interactive', 'tty', 'rm', 'privileged', 'read-only', 'init', 'publish-all', 'no-healthcheck',
  'oom-kill-disable', 'sig-proxy', 'disable-content-trust', 'quiet', 'help', 'replace', 'read-only-tmpfs',
  'rmi', 'http-proxy', 'no-hosts', 'tls-verify', 'env-host', 'use-env-host',
]);
/** Short options that take no value (may be combined: `-it`, `-dit`). */
const DOCKER_BOOL_SHORT = new Set(['d', 'i', 't', 'P', 'q']);
const SHORT_TO_LONG: Record<string, string> = {
  p: 'publish', v: 'volume', e: 'env', u: 'user', m: 'memory', w: 'workdir', h: 'hostname', l: 'label', c: 'cpu-shares', a: 'attach',
};

export interface DockerRunParse {
  container: Container;
  /** Arguments after the image (passed to the image's entrypoint). */
  rest: Word[];
  /** `--entrypoint` override, when given. */
  entrypoint?: Word;
  env: EnvVar[];
}

/**
 * Parse the words after `docker run` / `podman run`: docker's own options, the image, and the
 * arguments for the container. `anchor` is the span of the `docker run` words.
 */
export function parseDockerRun(engine: 'docker' | 'podman', words: Word[], anchor: { start: number; end: number }): DockerRunParse {
  const container: Container = emptyContainer(engine, anchor);
  container.optionsInsertAt = anchor.end;
  const env: EnvVar[] = [];
  let entrypoint: Word | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const v = w.value;
    if (v.startsWith(UNKNOWN) && !isKnown(v)) {
      // `${GPU_ARGS}`: options the text cannot know, unless it is the image itself
      const next = words[i + 1];
      if (next && (next.value.startsWith('-') || isOvmsImage(next.value))) {
        container.opaqueOptions = true;
        continue;
      }
    }
    if (!v.startsWith('-') || v === '-') break;
    if (v === '--') {
      i++;
      break;
    }
    let name: string;
    let value: Word | undefined;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      name = eq >= 0 ? v.slice(2, eq) : v.slice(2);
      if (eq >= 0) value = sliceWord(w, eq + 1);
      else if (!DOCKER_BOOL_LONG.has(name)) value = words[++i];
    } else {
      // short options, possibly combined; the last one may take a value
      const letters = v.slice(1);
      let k = 0;
      while (k < letters.length && DOCKER_BOOL_SHORT.has(letters[k]!)) {
        const l = letters[k]!;
        name = l === 'd' ? 'detach' : l === 'i' ? 'interactive' : l === 't' ? 'tty' : l === 'P' ? 'publish-all' : 'quiet';
        k++;
      }
      if (k >= letters.length) continue;
      const l = letters[k]!;
      name = SHORT_TO_LONG[l] ?? l;
      const restStart = 1 + k + 1;
      if (restStart < v.length) value = sliceWord(w, v[restStart] === '=' ? restStart + 1 : restStart);
      else value = words[++i];
    }
    const span = value ? { start: w.span.start, end: value.span.end } : w.span;
    applyOption(container, env, name, value, span, w);
    if (name === 'entrypoint' && value) entrypoint = value;
  }
  const image = words[i];
  if (image) {
    container.image = image;
    Object.assign(container, splitImage(image.value));
  }
  return { container, rest: words.slice(i + 1), entrypoint, env };
}

export function emptyContainer(engine: Container['engine'], anchor: { start: number; end: number }): Container {
  return { engine, anchor, image: undefined, publish: [], tmpfs: [], mounts: [], envFiles: [], capAdd: [], securityOpt: [], devices: [], groupAdd: [] };
}

function setting(value: Word | undefined, span: { start: number; end: number }): Setting {
  return { span, value: value && isKnown(value) ? value.value : undefined };
}

function applyOption(c: Container, env: EnvVar[], name: string, value: Word | undefined, span: { start: number; end: number }, w: Word): void {
  switch (name) {
    case 'publish':
      if (value) c.publish.push(parsePublish(value));
      break;
    case 'network':
    case 'net':
      if (value && value.value === 'host') c.networkHost = span;
      break;
    case 'user':
      c.user = setting(value, span);
      break;
    case 'read-only':
      c.readOnly = { span: w.span, value: 'true' };
      break;
    case 'tmpfs':
      if (value) c.tmpfs.push(parseTmpfs(value));
      break;
    case 'volume':
      if (value) c.mounts.push(parseVolume(value));
      break;
    case 'mount':
      if (value) {
        const m = parseMountOption(value);
        (m.type === 'tmpfs' ? c.tmpfs : c.mounts).push(m);
      }
      break;
    case 'env':
      if (value) env.push(parseEnvAssignment(value));
      break;
    case 'env-file':
      c.envFiles.push(span);
      break;
    case 'privileged':
      c.privileged = { span: w.span, value: 'true' };
      break;
    case 'cap-add':
      c.capAdd.push(setting(value, span));
      break;
    case 'cap-drop':
      if (value && /^all$/i.test(value.value)) c.capDropAll = true;
      break;
    case 'security-opt':
      c.securityOpt.push(setting(value, span));
      break;
    case 'device':
      c.devices.push(setting(value, span));
      break;
    case 'group-add':
      c.groupAdd.push(setting(value, span));
      break;
    case 'memory':
      c.memory = setting(value, span);
      break;
  }
}

/** `NAME=value` or `NAME` (pass-through). */
export function parseEnvAssignment(w: Word): EnvVar {
  const eq = w.value.indexOf('=');
  if (eq < 0) return { name: w.value, value: undefined, span: w.span };
  return { name: w.value.slice(0, eq), value: sliceWord(w, eq + 1), span: w.span };
}

/** `[ip:][hostPort:]containerPort[/proto]`, ip possibly `[v6]`. */
export function parsePublish(w: Word): Publish {
  const v = w.value;
  const base: Publish = { span: w.span, hostIp: undefined, containerPort: undefined, insertAt: w.offsets[0] ?? w.span.start, published: true };
  if (!isKnown(v) && !v.includes(':')) return base;
  let rest = v;
  let ip: string | undefined;
  const br = /^\[([^\]]*)\]:/.exec(v);
  if (br) {
    ip = br[1]!;
    rest = v.slice(br[0].length);
  }
  const parts = rest.split(':');
  let hostPort: string | undefined;
  let containerPort: string;
  if (ip !== undefined) {
    hostPort = parts.length > 1 ? parts[0] : undefined;
    containerPort = parts[parts.length - 1]!;
  } else if (parts.length >= 3) {
    ip = parts.slice(0, parts.length - 2).join(':');
    hostPort = parts[parts.length - 2];
    containerPort = parts[parts.length - 1]!;
  } else if (parts.length === 2) {
    ip = '';
    hostPort = parts[0];
    containerPort = parts[1]!;
  } else {
    ip = '';
    containerPort = parts[0]!;
  }
  containerPort = containerPort.replace(/\/(tcp|udp|sctp)$/, '');
  return {
    ...base,
    hostIp: ip !== undefined && isKnown(ip) ? ip : undefined,
    ...(hostPort !== undefined && isKnown(hostPort) ? { hostPort } : {}),
    containerPort: isKnown(containerPort) ? containerPort : undefined,
  };
}

function splitMountParts(v: string): string[] {
  // a Windows drive letter's colon is part of the path
  const parts: string[] = [];
  let cur = '';
  for (let k = 0; k < v.length; k++) {
    const ch = v[k]!;
    if (ch === ':' && !(cur.length === 1 && /[A-Za-z]/.test(cur) && /[\\/]/.test(v[k + 1] ?? ''))) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** `-v source:target[:opts]` or `-v target`. */
export function parseVolume(w: Word): Mount {
  const parts = splitMountParts(w.value);
  const known = (s: string | undefined) => (s !== undefined && isKnown(s) ? s : undefined);
  const appendAt = w.offsets.length ? w.offsets[w.offsets.length - 1]! + 1 : undefined;
  if (parts.length === 1) return { span: w.span, source: undefined, target: known(parts[0]), readOnly: false, type: 'volume', options: [], ...(appendAt !== undefined ? { appendAt } : {}) };
  const source = parts[0]!;
  const options = parts.length > 2 ? parts.slice(2).join(':').split(',') : [];
  const isBind = /^(?:[/.~\\]|[A-Za-z]:|\0)/.test(source);
  return {
    span: w.span,
    source,
    target: known(parts[1]),
    readOnly: options.includes('ro') || options.includes('readonly'),
    type: isBind ? 'bind' : 'volume',
    options,
    ...(appendAt !== undefined && w.value.endsWith(parts[parts.length - 1]!) ? { appendAt } : {}),
  };
}

/** `--mount type=bind,source=…,target=…,readonly`. */
export function parseMountOption(w: Word): Mount {
  const kv = new Map<string, string>();
  for (const item of w.value.split(',')) {
    const eq = item.indexOf('=');
    kv.set(eq < 0 ? item : item.slice(0, eq), eq < 0 ? 'true' : item.slice(eq + 1));
  }
  const get = (...keys: string[]) => keys.map((k) => kv.get(k)).find((x) => x !== undefined);
  const type = get('type') ?? 'volume';
  const ro = get('readonly', 'ro');
  const source = get('source', 'src');
  const target = get('target', 'destination', 'dst');
  return {
    span: w.span,
    source: source && isKnown(source) ? source : undefined,
    target: target && isKnown(target) ? target : undefined,
    readOnly: ro !== undefined && ro !== 'false' && ro !== '0',
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    options: [],
  };
}

/** `--tmpfs /tmp[:opts]`. */
export function parseTmpfs(w: Word): Mount {
  const c = w.value.indexOf(':');
  const target = c < 0 ? w.value : w.value.slice(0, c);
  return { span: w.span, source: undefined, target: isKnown(target) ? target : undefined, readOnly: false, type: 'tmpfs', options: c < 0 ? [] : w.value.slice(c + 1).split(',') };
}

/** Split `registry/openvino/model_server:2025.3-gpu@sha256:…`. */
export function splitImage(ref: string): { imageName: string; tag?: string; digest?: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { imageName: rest, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Whether an image reference is the OVMS image (any registry, any tag). */
export function isOvmsImage(ref: string | undefined): boolean {
  if (!ref) return false;
  const { imageName } = splitImage(ref);
  const last = imageName.slice(imageName.lastIndexOf('/') + 1);
  return last === 'model_server';
}

export { subSpan };
