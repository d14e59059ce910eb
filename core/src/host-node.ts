import * as fs from 'node:fs';
import type { FileStat, Host } from './host';

/** The Node.js file-system host, used by the CLI and (with an overlay) by the language server. */
export const nodeHost: Host = {
  readFile(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  stat(path: string): FileStat | undefined {
    try {
      const s = fs.statSync(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
    } catch {
      return undefined;
    }
  },
  readDir(path: string): string[] | undefined {
    try {
      return fs.readdirSync(path);
    } catch {
      return undefined;
    }
  },
};
