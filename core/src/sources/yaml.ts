import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SyntaxIssue } from '../documents';
import { emptyContainer, isOvmsImage, parseEnvAssignment, parsePublish, parseTmpfs, parseVolume, splitImage } from '../flags/docker';
import type { Container, EnvVar, Mount, OvmsCommand, Setting } from '../flags/model';
import { parseOvmsArgs } from '../flags/parse-ovms';
import { opaqueWord, UNKNOWN, type Word } from '../flags/words';
import { fromShellC, isOvmsProgram, wordsOfScript } from './invocations';

type Span = { start: number; end: number };

function spanOf(n: Node | Pair | null | undefined): Span {
  const r = (n && 'range' in n ? (n as Node).range : undefined) ?? (n && 'key' in n ? (n.key as Node)?.range : undefined);
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** A scalar node as a Word, each character mapped back to the file where the text allows it. */
function scalarWord(n: Node | undefined, text: string): Word | undefined {
  if (!n || !isScalar(n) || !n.range) return undefined;
  const v = n.value === null || n.value === undefined ? '' : String(n.value);
  const span = { start: n.range[0], end: n.range[1] };
  const raw = text.slice(span.start, span.end);
  if (raw === v) return { value: v, offsets: Array.from({ length: v.length }, (_, i) => span.start + i), span };
  if ((raw.startsWith('"') || raw.startsWith("'")) && raw.slice(1, -1) === v) return { value: v, offsets: Array.from({ length: v.length }, (_, i) => span.start + 1 + i), span };
  const decoded = decodeQuoted(raw, span.start);
  if (decoded && decoded.value === v) return { ...decoded, span };
  return opaqueWord(v, span);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ' };

/** A one-line quoted YAML scalar decoded with the offset of each character (undefined when unsure). */
function decodeQuoted(raw: string, start: number): { value: string; offsets: number[] } | undefined {
  const q = raw[0];
  if ((q !== '"' && q !== "'") || raw.includes('\n') || raw[raw.length - 1] !== q) return undefined;
  let value = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (q === "'" && c === "'" && raw[i + 1] === "'") {
      value += "'";
      offsets.push(start + i);
      i++;
    } else if (q === '"' && c === '\\') {
      const e = raw[i + 1]!;
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
        offsets.push(start + i);
        i += 5;
      } else if (ESCAPES[e] !== undefined) {
        value += ESCAPES[e];
        offsets.push(start + i);
        i++;
      } else return undefined;
    } else {
      value += c;
      offsets.push(start + i);
    }
  }
  return { value, offsets };
}

/** Replace `${VAR}`/`$VAR` (compose) or `$(VAR)` (Kubernetes) by UNKNOWN, keeping offsets. */
function interpolate(w: Word, style: 'compose' | 'k8s'): Word {
  const re = style === 'compose' ? /\$\$|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g : /\$\$|\$\([A-Za-z_][A-Za-z0-9_]*\)/g;
  if (!re.test(w.value)) return w;
  re.lastIndex = 0;
  let value = '';
  const offsets: number[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(w.value))) {
    value += w.value.slice(last, m.index);
    offsets.push(...w.offsets.slice(last, m.index));
    value += m[0] === '$$' ? '$' : UNKNOWN;
    offsets.push(w.offsets[m.index] ?? w.span.start);
    last = m.index + m[0].length;
  }
  value += w.value.slice(last);
  offsets.push(...w.offsets.slice(last));
  return { value, offsets, span: w.span };
}

function get(map: Node | undefined | null, key: string): Node | undefined {
  if (!map || !isMap(map)) return undefined;
  for (const p of (map as YAMLMap).items) if (isScalar(p.key) && p.key.value === key) return (p.value ?? undefined) as Node | undefined;
  return undefined;
}

function pairOf(map: Node | undefined | null, key: string): Pair | undefined {
  if (!map || !isMap(map)) return undefined;
  return (map as YAMLMap<unknown, unknown>).items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function pairSpan(map: Node | undefined, key: string): Span | undefined {
  const p = pairOf(map, key);
  if (!p) return undefined;
  const ks = spanOf(p.key as Node);
  const vs = p.value ? spanOf(p.value as Node) : ks;
  return { start: ks.start, end: Math.max(ks.end, vs.end) };
}

function scalarString(n: Node | undefined): string | undefined {
  return n && isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : undefined;
}

function items(n: Node | undefined): Node[] {
  return n && isSeq(n) ? (n.items as Node[]) : [];
}

function setting(n: Node | undefined, span: Span | undefined): Setting | undefined {
  if (!span) return undefined;
  return { span, value: scalarString(n) };
}

/** A command/args value: a list of strings or (compose) one string split like a shell. */
function commandWords(n: Node | undefined, text: string, style: 'compose' | 'k8s'): Word[] {
  if (!n) return [];
  if (isSeq(n)) return items(n).map((x) => scalarWord(x, text)).filter((w): w is Word => !!w).map((w) => interpolate(w, style));
  const w = scalarWord(n, text);
  if (!w) return [];
  if (style === 'k8s') return [interpolate(w, style)];
  return wordsOfScript(interpolate(w, style)).flatMap((c) => c.words);
}

function buildCommand(
  source: 'compose' | 'kubernetes',
  container: Container,
  entry: Word[],
  cmd: Word[],
  env: EnvVar[],
  anchor: Span,
  argsAnchor: Span | undefined,
): OvmsCommand | undefined {
  let args: Word[] | undefined;
  if (entry.length) {
    if (isOvmsProgram(entry[0]!.value)) args = [...entry.slice(1), ...cmd];
    else {
      const inner = fromShellC([...entry, ...cmd], source);
      return inner ? { ...inner, container, env: [...env, ...inner.env] } : undefined;
    }
  } else {
    const inner = fromShellC(cmd, source);
    if (inner) return { ...inner, container, env: [...env, ...inner.env] };
    if (cmd[0] && isOvmsProgram(cmd[0].value)) args = cmd.slice(1);
    else if (isOvmsImage(container.image?.value)) args = cmd;
  }
  if (!args) return undefined;
  const last = args[args.length - 1];
  return {
    source,
    platform: 'linux',
    span: { start: anchor.start, end: Math.max(anchor.end, last?.span.end ?? 0) },
    anchor: argsAnchor ?? anchor,
    args: parseOvmsArgs(args),
    ...(last ? { appendAt: last.span.end } : {}),
    container,
    env,
  };
}

function composeService(name: Pair, text: string): OvmsCommand | undefined {
  const svc = name.value as Node;
  if (!isMap(svc)) return undefined;
  const anchor = spanOf(name.key as Node);
  const c = emptyContainer('compose', anchor);
  const image = scalarWord(get(svc, 'image'), text);
  if (image) {
    c.image = interpolate(image, 'compose');
    Object.assign(c, splitImage(c.image.value));
  }
  for (const p of items(get(svc, 'ports'))) {
    if (isMap(p)) {
      const published = get(p, 'published');
      c.publish.push({ span: spanOf(p), hostIp: scalarString(get(p, 'host_ip')) ?? '', containerPort: scalarString(get(p, 'target')), insertAt: spanOf(p).start, published: published !== undefined });
    } else {
      const w = scalarWord(p, text);
      if (w) c.publish.push(parsePublish(interpolate(w, 'compose')));
    }
  }
  if (scalarString(get(svc, 'network_mode')) === 'host') c.networkHost = pairSpan(svc, 'network_mode')!;
  const user = setting(get(svc, 'user'), pairSpan(svc, 'user'));
  if (user) c.user = user;
  if (scalarString(get(svc, 'read_only')) === 'true') c.readOnly = pairSpan(svc, 'read_only') && { span: pairSpan(svc, 'read_only')!, value: 'true' };
  if (scalarString(get(svc, 'privileged')) === 'true') c.privileged = { span: pairSpan(svc, 'privileged')!, value: 'true' };
  const tmpfs = get(svc, 'tmpfs');
  for (const t of isSeq(tmpfs) ? items(tmpfs) : tmpfs ? [tmpfs] : []) {
    const w = scalarWord(t, text);
    if (w) c.tmpfs.push(parseTmpfs(w));
  }
  for (const v of items(get(svc, 'volumes'))) {
    if (isMap(v)) {
      const m: Mount = {
        span: spanOf(v),
        source: scalarString(get(v, 'source')),
        target: scalarString(get(v, 'target')),
        readOnly: scalarString(get(v, 'read_only')) === 'true',
        type: (scalarString(get(v, 'type')) as Mount['type']) ?? 'volume',
        options: [],
      };
      (m.type === 'tmpfs' ? c.tmpfs : c.mounts).push(m);
    } else {
      const w = scalarWord(v, text);
      if (w) c.mounts.push(parseVolume(interpolate(w, 'compose')));
    }
  }
  for (const x of items(get(svc, 'cap_add'))) c.capAdd.push({ span: spanOf(x), value: scalarString(x) });
  if (items(get(svc, 'cap_drop')).some((x) => /^all$/i.test(scalarString(x) ?? ''))) c.capDropAll = true;
  for (const x of items(get(svc, 'security_opt'))) c.securityOpt.push({ span: spanOf(x), value: scalarString(x) });
  for (const x of items(get(svc, 'devices'))) c.devices.push({ span: spanOf(x), value: scalarString(x) });
  for (const x of items(get(svc, 'group_add'))) c.groupAdd.push({ span: spanOf(x), value: scalarString(x) });
  const mem = get(svc, 'mem_limit') ? setting(get(svc, 'mem_limit'), pairSpan(svc, 'mem_limit')) : setting(get(get(get(get(svc, 'deploy'), 'resources'), 'limits'), 'memory'), spanOf(get(get(get(get(svc, 'deploy'), 'resources'), 'limits'), 'memory')));
  if (mem && mem.span.end > 0) c.memory = mem;
  const envFile = get(svc, 'env_file');
  if (envFile) c.envFiles.push(pairSpan(svc, 'env_file')!);
  const env: EnvVar[] = [];
  const envNode = get(svc, 'environment');
  if (isMap(envNode)) {
    for (const p of (envNode as YAMLMap).items) {
      const k = scalarString(p.key as Node);
      if (!k) continue;
      const vw = scalarWord(p.value as Node, text);
      const ks = spanOf(p.key as Node);
      env.push({ name: k, value: vw && (p.value as Node) && scalarString(p.value as Node) !== undefined ? interpolate(vw, 'compose') : undefined, span: { start: ks.start, end: vw ? vw.span.end : ks.end } });
    }
  } else {
    for (const e of items(envNode)) {
      const w = scalarWord(e, text);
      if (w) env.push(parseEnvAssignment(interpolate(w, 'compose')));
    }
  }
  const entry = commandWords(get(svc, 'entrypoint'), text, 'compose');
  const cmd = commandWords(get(svc, 'command'), text, 'compose');
  return buildCommand('compose', c, entry, cmd, env, anchor, pairSpan(svc, 'command') && spanOf(pairOf(svc, 'command')!.key as Node));
}

const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController']);

/** Every `containers:` list under a node (pod specs at any depth: Deployment, CronJob, KServe…). */
function podSpecs(n: Node | undefined, out: Node[]): void {
  if (!n) return;
  if (isMap(n)) {
    if (isSeq(get(n, 'containers'))) out.push(n);
    for (const p of (n as YAMLMap).items) podSpecs(p.value as Node, out);
  } else if (isSeq(n)) for (const x of n.items as Node[]) podSpecs(x, out);
}

/** The file names a ConfigMap or Secret defines, by `ConfigMap/name` or `Secret/name`. */
type Objects = Map<string, string[]>;

function objectFiles(root: Node, kind: string, out: Objects): void {
  const name = scalarString(get(get(root, 'metadata'), 'name'));
  if (!name) return;
  const keys: string[] = [];
  for (const field of kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData']) {
    const d = get(root, field);
    if (isMap(d)) for (const p of (d as YAMLMap).items) if (isScalar(p.key)) keys.push(String(p.key.value));
  }
  out.set(`${kind}/${name}`, keys);
}

/** Files a volume holds when the manifest says: a ConfigMap/Secret (its `items[].path`, or the keys of its definition). */
function volumeFiles(vol: Node, objects: Objects): string[] | undefined {
  for (const [field, kind, nameKey] of [['configMap', 'ConfigMap', 'name'], ['secret', 'Secret', 'secretName']] as const) {
    const src = get(vol, field);
    if (!src) continue;
    const listed = items(get(src, 'items')).map((i) => scalarString(get(i, 'path'))).filter((x): x is string => !!x);
    if (listed.length) return listed;
    return objects.get(`${kind}/${scalarString(get(src, nameKey)) ?? ''}`);
  }
  return undefined;
}

function k8sContainer(podSpec: Node, ctr: Node, text: string, objects: Objects): OvmsCommand | undefined {
  const nameNode = get(ctr, 'name');
  const anchor = nameNode ? spanOf(nameNode) : spanOf(ctr);
  const c = emptyContainer('kubernetes', anchor);
  const image = scalarWord(get(ctr, 'image'), text);
  if (image) {
    c.image = image;
    Object.assign(c, splitImage(image.value));
  }
  for (const p of items(get(ctr, 'ports'))) {
    const hostPort = get(p, 'hostPort');
    c.publish.push({ span: spanOf(p), hostIp: scalarString(get(p, 'hostIP')) ?? '', containerPort: scalarString(get(p, 'containerPort')), insertAt: spanOf(p).start, published: hostPort !== undefined });
  }
  if (scalarString(get(podSpec, 'hostNetwork')) === 'true') c.networkHost = pairSpan(podSpec, 'hostNetwork')!;
  const podSc = get(podSpec, 'securityContext');
  const sc = get(ctr, 'securityContext');
  const pick = (key: string) => (get(sc, key) !== undefined ? setting(get(sc, key), pairSpan(sc, key)) : get(podSc, key) !== undefined ? setting(get(podSc, key), pairSpan(podSc, key)) : undefined);
  const user = pick('runAsUser');
  if (user) c.user = user;
  const nonRoot = pick('runAsNonRoot');
  if (nonRoot) c.runAsNonRoot = nonRoot;
  const ro = setting(get(sc, 'readOnlyRootFilesystem'), pairSpan(sc, 'readOnlyRootFilesystem'));
  if (ro && ro.value === 'true') c.readOnly = ro;
  const priv = setting(get(sc, 'privileged'), pairSpan(sc, 'privileged'));
  if (priv && priv.value === 'true') c.privileged = priv;
  const ape = setting(get(sc, 'allowPrivilegeEscalation'), pairSpan(sc, 'allowPrivilegeEscalation'));
  if (ape) c.allowPrivilegeEscalation = ape;
  const caps = get(sc, 'capabilities');
  for (const x of items(get(caps, 'add'))) c.capAdd.push({ span: spanOf(x), value: scalarString(x) });
  if (items(get(caps, 'drop')).some((x) => /^all$/i.test(scalarString(x) ?? ''))) c.capDropAll = true;
  const limits = get(get(ctr, 'resources'), 'limits');
  const mem = setting(get(limits, 'memory'), pairSpan(limits, 'memory'));
  if (mem) c.memory = mem;
  // volumes: pod-level definitions give the host side
  const volumes = new Map<string, Node>();
  for (const v of items(get(podSpec, 'volumes'))) {
    const n = scalarString(get(v, 'name'));
    if (n) volumes.set(n, v);
  }
  for (const vm of items(get(ctr, 'volumeMounts'))) {
    const vol = volumes.get(scalarString(get(vm, 'name')) ?? '');
    const target = scalarString(get(vm, 'mountPath'));
    const emptyDir = vol && get(vol, 'emptyDir') !== undefined;
    const hostPath = vol ? scalarString(get(get(vol, 'hostPath'), 'path')) : undefined;
    const m: Mount = { span: spanOf(vm), source: hostPath ?? scalarString(get(vm, 'name')), target, readOnly: scalarString(get(vm, 'readOnly')) === 'true', type: emptyDir ? 'tmpfs' : hostPath ? 'bind' : 'volume', options: [] };
    const files = vol ? volumeFiles(vol, objects) : undefined;
    const subPath = scalarString(get(vm, 'subPath'));
    if (files) m.files = subPath === undefined ? files : files.includes(subPath) ? [''] : [];
    (emptyDir ? c.tmpfs : c.mounts).push(m);
  }
  const env: EnvVar[] = [];
  for (const e of items(get(ctr, 'env'))) {
    const name = scalarString(get(e, 'name'));
    if (!name) continue;
    const vw = scalarWord(get(e, 'value'), text);
    const fromSecret = get(get(e, 'valueFrom'), 'secretKeyRef') !== undefined;
    env.push({ name, value: vw ? interpolate(vw, 'k8s') : undefined, span: spanOf(e), ...(fromSecret ? { fromSecret } : {}) });
  }
  if (get(ctr, 'envFrom')) c.envFiles.push(pairSpan(ctr, 'envFrom')!);
  const entry = commandWords(get(ctr, 'command'), text, 'k8s');
  const cmd = commandWords(get(ctr, 'args'), text, 'k8s');
  const argsKey = pairOf(ctr, 'args') ?? pairOf(ctr, 'command');
  return buildCommand('kubernetes', c, entry, cmd, env, anchor, argsKey ? spanOf(argsKey.key as Node) : undefined);
}

/** OVMS invocations in a compose file or Kubernetes manifests (multi-document YAML). */
export function yamlInvocations(text: string): { commands: OvmsCommand[]; issues: SyntaxIssue[] } {
  const commands: OvmsCommand[] = [];
  const issues: SyntaxIssue[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text) as Document.Parsed[];
  } catch {
    return { commands, issues };
  }
  if (!Array.isArray(docs)) return { commands, issues };
  const objects: Objects = new Map();
  for (const doc of docs) {
    const root = doc.contents as Node | null;
    const kind = root && isMap(root) ? scalarString(get(root, 'kind')) : undefined;
    if (kind === 'ConfigMap' || kind === 'Secret') objectFiles(root!, kind, objects);
  }
  for (const doc of docs) {
    for (const e of doc.errors) issues.push({ span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, message: `YAML: ${e.message.split('\n')[0]}` });
    const root = doc.contents as Node | null;
    if (!root || !isMap(root)) continue;
    const services = get(root, 'services');
    if (isMap(services)) {
      for (const p of (services as YAMLMap).items) {
        const inv = composeService(p as Pair, text);
        if (inv) commands.push(inv);
      }
      continue;
    }
    const kind = scalarString(get(root, 'kind'));
    if (!kind) continue;
    if (!WORKLOAD_KINDS.has(kind) && !/Service|Runtime/.test(kind)) continue;
    const specs: Node[] = [];
    podSpecs(root, specs);
    for (const ps of specs) {
      for (const ctr of items(get(ps, 'containers'))) {
        const inv = k8sContainer(ps, ctr, text, objects);
        if (inv) commands.push(inv);
      }
    }
  }
  return { commands, issues };
}
