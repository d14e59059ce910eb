// Build: run every generator in scripts/gen (in name order: schemas -> code in core/src/generated),
// then bundle the CLI (and, when present, the language server) with esbuild.
import { readdirSync, readFileSync, mkdirSync, chmodSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(root, 'core/src/generated'), { recursive: true });

const genDir = join(root, 'scripts/gen');
for (const f of (existsSync(genDir) ? readdirSync(genDir) : []).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(genDir, f)).href);
  await mod.default(root);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: !process.env.OVMS_LINT_NO_MINIFY,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { OVMS_LINT_VERSION: JSON.stringify(pkg.version) },
};

const entries = [
  { in: 'cli/src/bin.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/bin.ts', out: 'dist/server.js' },
];
for (const e of entries) {
  if (!existsSync(join(root, e.in))) continue;
  await esbuild.build({
    ...common,
    entryPoints: [join(root, e.in)],
    outfile: join(root, e.out),
    ...(e.banner ? { banner: { js: e.banner } } : {}),
  });
}
chmodSync(join(root, 'dist/cli.js'), 0o755);
