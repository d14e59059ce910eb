import { hash64 } from './fingerprint';
import type { Host } from './host';

/**
 * What a lint run depends on besides its inputs: every file, stat and directory listing it read
 * through the Host (settings files, graphs and subconfigs a config references, model
 * directories, and the settings files it looked for and did not find). A cached result is
 * reused only while every observation still holds (the CLI's --cache).
 */
export type Observation =
  | { op: 'read'; path: string; hash: string | null }
  | { op: 'stat'; path: string; value: string | null }
  | { op: 'dir'; path: string; hash: string | null };

function statValue(s: ReturnType<Host['stat']>): string | null {
  return s ? `${s.isFile ? 'f' : ''}${s.isDirectory ? 'd' : ''}:${s.isFile ? s.size : 0}` : null;
}

function dirHash(names: string[] | undefined): string | null {
  return names ? hash64([...names].sort().join('\u0000')) : null;
}

/** A host that records what it was asked and what it answered. */
export function recordingHost(base: Host): { host: Host; observations: () => Observation[] } {
  const seen = new Map<string, Observation>();
  const note = (o: Observation) => {
    const k = `${o.op}\u0000${o.path}`;
    if (!seen.has(k)) seen.set(k, o);
  };
  const host: Host = {
    readFile(path) {
      const text = base.readFile(path);
      note({ op: 'read', path, hash: text === undefined ? null : hash64(text) });
      return text;
    },
    stat(path) {
      const s = base.stat(path);
      note({ op: 'stat', path, value: statValue(s) });
      return s;
    },
    readDir(path) {
      const names = base.readDir(path);
      note({ op: 'dir', path, hash: dirHash(names) });
      return names;
    },
  };
  return { host, observations: () => [...seen.values()] };
}

/** Whether every observation still holds on `host` (stops at the first that does not). */
export function observationsHold(observations: Observation[], host: Host): boolean {
  for (const o of observations) {
    if (o.op === 'read') {
      const text = host.readFile(o.path);
      if ((text === undefined ? null : hash64(text)) !== o.hash) return false;
    } else if (o.op === 'stat') {
      if (statValue(host.stat(o.path)) !== o.value) return false;
    } else if (dirHash(host.readDir(o.path)) !== o.hash) return false;
  }
  return true;
}

export { hash64 };
