// Command-line extraction and rules (issue #5): throughput of a shell script and a Markdown
// file full of `docker run … openvino/model_server …` lines through the CLI, at two sizes, to
// show the cost grows linearly with the input (design.md: no quadratic rule).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, row } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');

const line = (i) =>
  `docker run -d --rm -p ${8000 + (i % 1000)}:8000 -u 0 -v "$(pwd)/models:/models" -e HF_TOKEN=hf_${i}abcdefghijklmnop \\\n` +
  `  openvino/model_server:latest --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models \\\n` +
  `  --task text_generation --rest_port 8000 --log_level DEBUG --enable_prefix_cache true --max_num_seqs ${i % 512}\n`;

function script(bytes) {
  const parts = ['#!/bin/sh\nset -e\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'ovms-lint-bench-cmd-'));
  try {
    const sizes = [256 << 10, 1 << 20];
    const files = sizes.map((s, k) => {
      const sh = join(dir, `start${k}.sh`);
      writeFileSync(sh, script(s));
      const md = join(dir, `README${k}.md`);
      writeFileSync(md, '# Deploy\n\n```bash\n' + script(s) + '```\n');
      return { sh, md };
    });
    const base = { cmd: process.execPath, args: ['-e', '0'] };
    const runs = [base];
    for (const f of files) {
      runs.push({ cmd: process.execPath, args: [cli, '--format', 'json', f.sh], opts: { cwd: dir } });
      runs.push({ cmd: process.execPath, args: [cli, '--format', 'json', f.md], opts: { cwd: dir } });
    }
    const [t0, sh256, md256, sh1m, md1m] = compare(runs, 5);
    row('node -e 0', `${t0.toFixed(0)} ms`);
    row('shell script 256 KB of docker run lines', `${sh256.toFixed(0)} ms`);
    row('shell script 1 MB of docker run lines', `${sh1m.toFixed(0)} ms, ${(1 / ((sh1m - t0) / 1000)).toFixed(1)} MB/s`);
    row('Markdown 256 KB', `${md256.toFixed(0)} ms`);
    row('Markdown 1 MB', `${md1m.toFixed(0)} ms, ${(1 / ((md1m - t0) / 1000)).toFixed(1)} MB/s`);
    row('growth 256 KB -> 1 MB (4x input; linear ≈ 4)', `${((sh1m - t0) / (sh256 - t0)).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
