// Cold start: `ovms-lint examples/` vs `node -e 0`, median of interleaved runs. Budget: <= 2.5x.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, row } from './util.mjs';

export default function coldStart() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const [node, lintRun] = compare([
    { cmd: process.execPath, args: ['-e', '0'] },
    { cmd: process.execPath, args: [join(root, 'dist/cli.js'), 'examples/'], opts: { cwd: root } },
  ]);
  console.log('== cold start (median of 21 runs)');
  row('node -e 0', `${node.toFixed(1)} ms`);
  row('ovms-lint examples/', `${lintRun.toFixed(1)} ms`);
  row('ratio (budget <= 2.5x)', `${(lintRun / node).toFixed(2)}x`);
}
