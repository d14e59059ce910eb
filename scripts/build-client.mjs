// Build the VS Code extension: bundle the client (vscode external) and the server into
// client/dist with esbuild, and copy the LICENSE beside client/package.json for vsce.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(root, 'client/dist'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { OVMS_LINT_VERSION: JSON.stringify(pkg.version) },
};

await esbuild.build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'client/dist/extension.js'), external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: [join(root, 'server/src/bin.ts')], outfile: join(root, 'client/dist/server.js') });
copyFileSync(join(root, 'LICENSE'), join(root, 'client/LICENSE'));
