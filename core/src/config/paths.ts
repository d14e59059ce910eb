/**
 * Path arithmetic for settings discovery and globs, on the paths the core is given (absolute in
 * the CLI and server, relative in tests), with `/` or `\` separators. No file-system access.
 */
export function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}

export function dirname(p: string): string {
  const s = toSlash(p).replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  if (i < 0) return '';
  if (i === 0) return '/';
  return /^[A-Za-z]:$/.test(s.slice(0, i)) ? s.slice(0, i + 1) : s.slice(0, i);
}

export function join(dir: string, name: string): string {
  if (!dir) return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Resolve `rel` (a settings `extends` value) against `dir`; absolute paths stay as they are. */
export function resolve(dir: string, rel: string): string {
  const r = toSlash(rel);
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return normalize(r);
  return normalize(join(dir, r));
}

export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const drive = /^[A-Za-z]:\//.test(p) ? p.slice(0, 3) : '';
  const rest = drive ? p.slice(3) : abs ? p.slice(1) : p;
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || (!abs && !drive)) out.push(part);
  }
  return (drive || (abs ? '/' : '')) + out.join('/');
}

/** `p` relative to `dir`, or undefined when it is not inside it. */
export function relativeTo(dir: string, p: string): string | undefined {
  const d = normalize(toSlash(dir));
  const f = normalize(toSlash(p));
  if (d === '') return f.startsWith('/') || f.startsWith('../') ? undefined : f;
  const prefix = d.endsWith('/') ? d : d + '/';
  return f.startsWith(prefix) ? f.slice(prefix.length) : undefined;
}
