import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every .pbtxt file under `dir` (none when it does not exist), sorted. */
export function pbtxtFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pbtxtFiles(p));
    else if (e.name.endsWith('.pbtxt')) out.push(p);
  }
  return out.sort();
}
