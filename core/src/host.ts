/**
 * How the core reaches files other than the ones it was handed (graphs a config references,
 * model directories, API key files). The CLI gives a Node file-system host; the language server
 * gives one where the text of open editors wins over the disk. The core never touches `fs`.
 */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
}

export interface Host {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  stat(path: string): FileStat | undefined;
  /** Entry names of a directory, or undefined when it is not one. */
  readDir(path: string): string[] | undefined;
}

/** A host that knows no files: for linting text alone (stdin, tests). */
export const emptyHost: Host = {
  readFile: () => undefined,
  stat: () => undefined,
  readDir: () => undefined,
};

/** A host over an in-memory map of path -> text (directories are implied by the paths). */
export function memoryHost(files: Record<string, string>): Host {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  const dirs = new Map<string, Set<string>>();
  for (const p of map.keys()) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') || '/';
      if (!dirs.has(dir)) dirs.set(dir, new Set());
      dirs.get(dir)!.add(parts[i]!);
    }
  }
  return {
    readFile: (p) => map.get(norm(p)),
    stat: (p) => {
      const n = norm(p) || '/';
      if (map.has(n)) return { isFile: true, isDirectory: false, size: map.get(n)!.length };
      if (dirs.has(n)) return { isFile: false, isDirectory: true, size: 0 };
      return undefined;
    },
    readDir: (p) => {
      const d = dirs.get(norm(p) || '/');
      return d ? [...d] : undefined;
    },
  };
}
