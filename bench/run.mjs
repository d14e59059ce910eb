// `npm run bench`: run every bench/*.bench.mjs in name order and print its numbers.
// Budgets are in ../shared/design.md; benchmarks measure, tests never time anything.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const f of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !f.includes(only)) continue;
  const mod = await import(pathToFileURL(join(here, f)).href);
  await mod.default();
}
