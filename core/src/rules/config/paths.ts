/**
 * Path handling as OVMS does it (reference ovms-config.md §2.3): string concatenation of the
 * config directory and a relative path, cloud URLs left alone. Pure string functions: the core
 * never touches the file system directly (the Host does).
 */
import { isCloud } from '../../deployment/paths';

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

/** Everything up to the last separator (OVMS's "config directory"); '.' when there is none. */
export function dirOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  return i === 0 ? p.slice(0, 1) : p.slice(0, i);
}

/** Resolve `.` and `..` segments and repeated separators (for the host; OVMS itself does not). */
export function normalizePath(p: string): string {
  const abs = isAbsolutePath(p);
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? '';
  const out: string[] = [];
  for (const seg of p.slice(drive.length).split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return abs ? `${drive}/${body}` : body || '.';
}

export function joinPath(base: string, rel: string): string {
  if (isAbsolutePath(rel)) return normalizePath(rel);
  return normalizePath(base === '.' ? rel : `${base}/${rel}`);
}

/** Whether the path has a `..` segment (after splitting on both separators). */
export function hasDotDotSegment(p: string): boolean {
  return p.split(/[\\/]/).includes('..');
}

export type PathLocation = 'cloud' | 'absolute' | 'relative';

export function locationOf(p: string): PathLocation {
  if (isCloud(p)) return 'cloud';
  return isAbsolutePath(p) ? 'absolute' : 'relative';
}

/**
 * The version number OVMS takes from a directory name: std::stoll reads a leading integer
 * (after leading whitespace), so `2_old` and `007` count; ≤ 0 or no digits → not a version.
 */
export function versionOf(name: string): number | undefined {
  const m = /^\s*([+-]?\d+)/.exec(name);
  if (!m) return undefined;
  const v = Number(m[1]);
  return v > 0 && Number.isSafeInteger(v) ? v : undefined;
}

/** Single-file model extensions OVMS serves as version 1 (§2.3). */
export const MODEL_FILE_EXTENSIONS = ['.xml', '.onnx', '.pdmodel', '.pdiparams', '.pb', '.tflite'] as const;
