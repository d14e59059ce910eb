import type { Publish } from '../../flags/model';
import { invalidBindAddressParts, isAnyAddress, isLoopbackAddress } from '../../flags/values';
import type { Span } from '../../types';
import type { Analysis } from './analysis';

/**
 * Who can reach an OVMS listener, combining the port flag, the bind address, and the container
 * around OVMS (published ports, host network, Kubernetes pod network):
 * - `off`: the listener is not started (port 0);
 * - `loopback`: only the same host / container;
 * - `container`: a container network only (nothing published);
 * - `cluster`: the pod network of a Kubernetes cluster;
 * - `host-all`: every interface of the host (bare metal, host network, or `-p 8000:8000`);
 * - `host-ip`: published on one host IP;
 * - `unknown`: the text cannot tell.
 */
export type Reach = 'off' | 'loopback' | 'container' | 'cluster' | 'host-all' | 'host-ip' | 'unknown';

export interface Exposure {
  reach: Reach;
  port: number | undefined;
  /** Where to report: the port flag, else the command. */
  span: Span;
  /** The publish entries that expose the port on all host interfaces. */
  allInterfaces: Publish[];
  /** OVMS binds all interfaces (default 0.0.0.0) — inside the container or on the host. */
  bindsAll: boolean;
}

const cache = new WeakMap<Analysis, Map<string, Exposure>>();

export function exposure(a: Analysis, which: 'rest' | 'grpc'): Exposure {
  let m = cache.get(a);
  if (!m) cache.set(a, (m = new Map()));
  let e = m.get(which);
  if (!e) m.set(which, (e = compute(a, which)));
  return e;
}

function compute(a: Analysis, which: 'rest' | 'grpc'): Exposure {
  const portFlag = which === 'rest' ? 'rest_port' : 'port';
  const bindFlag = which === 'rest' ? 'rest_bind_address' : 'grpc_bind_address';
  const use = a.use(portFlag);
  const span = use?.span ?? a.cmd.anchor;
  const port = a.port(portFlag);
  const base = { port, span, allInterfaces: [] as Publish[] };
  if (!a.serves) return { ...base, reach: 'off', bindsAll: false };
  if (port === 0) return { ...base, reach: a.opaque ? 'unknown' : 'off', bindsAll: false };
  // the bind address OVMS listens on
  const bind = a.has(bindFlag) ? a.str(bindFlag) : '0.0.0.0';
  if (bind === undefined) return { ...base, reach: 'unknown', bindsAll: false };
  const parts = bind.split(',');
  if (invalidBindAddressParts(bind).length) return { ...base, reach: 'unknown', bindsAll: false };
  const bindsAll = parts.some(isAnyAddress) || !parts.every(isLoopbackAddress);
  if (!bindsAll) return { ...base, reach: 'loopback', bindsAll };
  const c = a.cmd.container;
  if (!c || c.networkHost || c.engine === 'dockerfile') return { ...base, reach: c?.engine === 'dockerfile' ? 'unknown' : 'host-all', bindsAll };
  if (c.engine === 'kubernetes') {
    const hp = c.publish.filter((p) => p.published && (port === undefined || p.containerPort === String(port)));
    const all = hp.filter((p) => p.hostIp === '' || (p.hostIp !== undefined && isAnyAddress(p.hostIp)));
    return { ...base, reach: all.length ? 'host-all' : 'cluster', allInterfaces: all, bindsAll };
  }
  if (port === undefined) return { ...base, reach: 'unknown', bindsAll };
  const pubs = c.publish.filter((p) => p.published && (p.containerPort === undefined || p.containerPort === String(port)));
  if (pubs.some((p) => p.hostIp === undefined || p.containerPort === undefined)) return { ...base, reach: 'unknown', bindsAll };
  const all = pubs.filter((p) => p.hostIp === '' || isAnyAddress(p.hostIp!));
  if (all.length) return { ...base, reach: 'host-all', allInterfaces: all, bindsAll };
  if (pubs.length) return { ...base, reach: pubs.every((p) => isLoopbackAddress(p.hostIp!)) ? 'loopback' : 'host-ip', bindsAll };
  return { ...base, reach: 'container', bindsAll };
}

/** Reachable from beyond the machine OVMS runs on. */
export function beyondLoopback(r: Reach): boolean {
  return r === 'host-all' || r === 'host-ip' || r === 'cluster';
}

/** The API key OVMS will use (reference §5): from `--api_key_file`, from `API_KEY`, none, or unknown. */
export type ApiKey = 'file' | 'env' | 'env-empty' | 'none' | 'unknown';

export function apiKey(a: Analysis): ApiKey {
  if (a.has('api_key_file')) return 'file';
  const env = a.env('API_KEY');
  if (env) {
    if (env.value && env.value.value === '') return 'env-empty';
    return 'env';
  }
  if (a.opaque || (a.cmd.container?.envFiles.length ?? 0) > 0) return 'unknown';
  return 'none';
}
