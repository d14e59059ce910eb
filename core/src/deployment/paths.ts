/**
 * Path arithmetic for the deployment model, independent of the OS running ovms-lint: OVMS paths
 * in configs and graphs are resolved against the directory of the file that names them.
 */

/** Cloud prefixes OVMS recognises (exact, case-sensitive, at the start; ovms-config.md §2.3); `azure://` is not one. */
export const CLOUD_PREFIXES = ['s3://', 'gs://', 'azfs://', 'az://'] as const;

export function isCloud(p: string): boolean {
  return CLOUD_PREFIXES.some((c) => p.startsWith(c));
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

export function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0]!;
  return p.slice(0, i);
}

export function basename(p: string): string {
  const t = p.replace(/[\\/]+$/, '');
  const i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  return i < 0 ? t : t.slice(i + 1);
}

/** Collapse `.`, `..` and repeated separators; keeps the path relative or absolute as it was. */
export function normalize(p: string): string {
  const sep = p.includes('/') || !p.includes('\\') ? '/' : '\\';
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? '';
  const rest = p.slice(drive.length);
  const abs = rest.startsWith('/') || rest.startsWith('\\');
  const out: string[] = [];
  for (const seg of rest.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && abs) continue;
    else out.push(seg);
  }
  const body = out.join(sep);
  if (abs) return drive + sep + body;
  return drive + (body || '.');
}

/** `p` resolved against directory `dir` (absolute and cloud paths are kept). */
export function resolveFrom(dir: string, p: string): string {
  if (isCloud(p)) return p;
  if (isAbsolute(p)) return normalize(p);
  return normalize(`${dir}/${p}`);
}
