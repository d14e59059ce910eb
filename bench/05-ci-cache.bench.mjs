// CI paths: linting the rule fixtures (many small deployments) cold, with a warm --cache, and the
// cost of settings + inline suppressions on a file with many directives (in-process).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, row } from './util.mjs';

export default function ciCache() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const cli = join(root, 'dist/cli.js');
  const cacheDir = mkdtempSync(join(tmpdir(), 'ovms-lint-bench-cache-'));
  const cache = join(cacheDir, 'cache.json');
  const [node, cold, cached, sarif] = compare(
    [
      { cmd: process.execPath, args: ['-e', '0'] },
      { cmd: process.execPath, args: [cli, 'test/fixtures/rules'], opts: { cwd: root } },
      { cmd: process.execPath, args: [cli, '--cache', '--cache-location', cache, 'test/fixtures/rules'], opts: { cwd: root } },
      { cmd: process.execPath, args: [cli, '--format', 'sarif', 'test/fixtures/rules'], opts: { cwd: root } },
    ],
    11,
  );
  // inline directives: a shell file of N commands, each preceded by a directive, against the same
  // file with plain comments (the cost of suppressions, which must stay linear in N)
  const sizes = [1000, 4000];
  const make = (n, comment) => {
    const f = join(cacheDir, `start-${n}-${comment ? 'plain' : 'directive'}.sh`);
    const lines = ['#!/bin/sh'];
    for (let i = 0; i < n; i++) lines.push(comment ? '# a plain comment -- lab' : '# ovms-lint-disable-next-line OVMS-CLI-003 -- lab', `ovms --config_path /models/config.json --port ${70000 + i}`);
    writeFileSync(f, lines.join('\n') + '\n');
    return f;
  };
  const files = sizes.flatMap((n) => [make(n, true), make(n, false)]);
  const directiveTimes = compare(files.map((f) => ({ cmd: process.execPath, args: [cli, f] })), 5);
  rmSync(cacheDir, { recursive: true, force: true });
  console.log('== CI: lint test/fixtures/rules (median of 11 runs)');
  row('node -e 0', `${node.toFixed(1)} ms`);
  row('ovms-lint test/fixtures/rules', `${cold.toFixed(1)} ms`);
  row('ovms-lint --cache test/fixtures/rules (warm cache)', `${cached.toFixed(1)} ms`);
  row('ovms-lint --format sarif test/fixtures/rules', `${sarif.toFixed(1)} ms`);
  console.log('== inline directives: N commands in one shell file, plain comments vs suppressions (median of 5 runs)');
  sizes.forEach((n, i) => row(`N = ${n}: plain / suppressed`, `${directiveTimes[2 * i].toFixed(1)} ms / ${directiveTimes[2 * i + 1].toFixed(1)} ms`));
}
