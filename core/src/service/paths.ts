/**
 * Path helpers for the service (no `node:path` in core): the server hands absolute paths with
 * `/` (POSIX) or `\` (Windows) separators; both are handled.
 */
export function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0]!;
  return p.slice(0, i);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

function sepOf(p: string): string {
  return !p.includes('/') && p.includes('\\') ? '\\' : '/';
}

/** `base` joined with a relative path, `.` and `..` segments resolved. */
export function resolvePath(base: string, rel: string): string {
  if (isAbsolute(rel)) return normalize(rel);
  const sep = sepOf(base);
  return normalize(base.replace(/[\\/]+$/, '') + sep + rel);
}

export function normalize(p: string): string {
  const sep = sepOf(p);
  const abs = p.startsWith('/') || p.startsWith('\\');
  const out: string[] = [];
  for (const seg of p.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? sep : '') + out.join(sep);
}

export function joinPath(dir: string, name: string): string {
  const sep = sepOf(dir);
  return dir.replace(/[\\/]+$/, '') + sep + name;
}
