// `npm run docs`: write docs/rules/<ID>.md and docs/rules/README.md from the rules' metadata
// (core/src/docs/markdown.ts), removing pages of rules that no longer exist.
// test/docs/docs.test.ts fails when the files on disk are stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await esbuild.build({
  stdin: {
    contents: "export { allRules } from './core/src/rules'; export { renderRuleDocs } from './core/src/docs/markdown';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  mainFields: ['module', 'main'],
  write: false,
  logLevel: 'warning',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(root, 'package.json')));
const { allRules, renderRuleDocs } = mod.exports;

const dir = join(root, 'docs/rules');
mkdirSync(dir, { recursive: true });
const files = renderRuleDocs(allRules);
let changed = 0;
for (const [name, text] of files) {
  const p = join(dir, name);
  let old;
  try {
    old = readFileSync(p, 'utf8');
  } catch {
    old = undefined;
  }
  if (old !== text) {
    writeFileSync(p, text);
    changed++;
  }
}
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !files.has(name)) {
    rmSync(join(dir, name));
    changed++;
  }
}
console.log(`docs/rules: ${files.size} files, ${changed} updated`);
