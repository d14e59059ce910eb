import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { mayHoldCommands } from '../../core/src';

export interface Discovered {
  files: string[];
  /** Paths that could not be read or do not exist, with the reason. */
  unreadable: { path: string; reason: string }[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv']);

/** Whether a file found while walking a directory is worth reading (kind is decided by content later). */
function candidate(file: string): boolean {
  const lower = file.toLowerCase();
  return lower.endsWith('.json') || lower.endsWith('.pbtxt') || mayHoldCommands(file);
}

interface Scope {
  dir: string;
  ig: Ignore;
}

/**
 * Expand the paths given on the command line: files as they are, directories recursively
 * (respecting .gitignore files met on the way, skipping node_modules and VCS folders, surviving
 * symlink loops). Results are sorted for stable output.
 */
export function discover(paths: string[]): Discovered {
  const files: string[] = [];
  const unreadable: Discovered['unreadable'] = [];
  const seenFiles = new Set<string>();
  const visitedDirs = new Set<string>();

  const addFile = (p: string) => {
    let real = p;
    try {
      real = fs.realpathSync(p);
    } catch {
      /* keep p */
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(p);
  };

  const walk = (dir: string, scopes: Scope[]) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      unreadable.push({ path: dir, reason: reason(e) });
      return;
    }
    if (visitedDirs.has(real)) return; // symlink loop or already walked
    visitedDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, reason: reason(e) });
      return;
    }
    const here = [...scopes];
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        here.push({ dir, ig: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) });
      } catch {
        /* an unreadable .gitignore ignores nothing */
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir && SKIP_DIRS.has(entry.name)) continue;
      if (ignored(here, full, isDir)) continue;
      if (isDir) walk(full, here);
      else if (isFile && candidate(entry.name)) addFile(full);
    }
  };

  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      unreadable.push({ path: p, reason: reason(e) });
      continue;
    }
    if (st.isDirectory()) walk(p, []);
    else addFile(p);
  }
  return { files, unreadable };
}

function ignored(scopes: Scope[], full: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = path.relative(s.dir, full).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && s.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return e instanceof Error ? e.message : String(e);
}
