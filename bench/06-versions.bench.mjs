// Version rules across files (issue #5: OVMS-VER-003/004, GRAPH-012 through the image serving a
// file): a deployment of N LLM graph directories listed in one config.json served by a compose
// file, plus a shell script with one `docker run -v $(pwd)/gI:/model` line per graph, linted by the
// CLI at N and 4N. The served-version index is built once per run, so the cost grows linearly
// (growth ≈ 4 for 4x input); a per-graph scan of the commands would show as ≈ 16.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, row } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');

const graph = (i) => `input_stream: "HTTP_REQUEST_PAYLOAD:input"
output_stream: "HTTP_RESPONSE_PAYLOAD:output"
node: {
  name: "LLMExecutor${i}"
  calculator: "HttpLLMCalculator"
  input_stream: "HTTP_REQUEST_PAYLOAD:input"
  input_side_packet: "LLM_NODE_RESOURCES:llm"
  output_stream: "HTTP_RESPONSE_PAYLOAD:output"
  node_options: {
    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {
      models_path: "./"
      max_tokens_limit: 4096
      block_size: 32
    }
  }
}
`;

function deployment(dir, n) {
  mkdirSync(join(dir, 'models'), { recursive: true });
  const entries = [];
  const lines = ['#!/bin/sh'];
  for (let i = 0; i < n; i++) {
    mkdirSync(join(dir, 'models', `g${i}`));
    writeFileSync(join(dir, 'models', `g${i}`, 'graph.pbtxt'), graph(i));
    entries.push(`{ "config": { "name": "g${i}", "base_path": "g${i}", "stateful": true } }`);
    lines.push(`docker run -d -p 127.0.0.1:${8000 + i}:8000 -v "$(pwd)/models/g${i}:/model:ro" openvino/model_server:2025.${i % 4} --model_name g${i} --model_path /model --rest_port 8000`);
  }
  writeFileSync(join(dir, 'models', 'config.json'), `{ "model_config_list": [\n${entries.join(',\n')}\n] }\n`);
  writeFileSync(join(dir, 'docker-compose.yaml'), 'services:\n  ovms:\n    image: openvino/model_server:2026.3\n    command: --config_path /models/config.json --rest_port 8000\n    volumes:\n      - ./models:/models:ro\n');
  writeFileSync(join(dir, 'start.sh'), lines.join('\n') + '\n');
}

export default async function () {
  const base = mkdtempSync(join(tmpdir(), 'ovms-lint-bench-ver-'));
  try {
    const sizes = [100, 400];
    const dirs = sizes.map((n) => {
      const d = join(base, `n${n}`);
      deployment(d, n);
      return d;
    });
    const runs = [{ cmd: process.execPath, args: ['-e', '0'] }, ...dirs.map((d) => ({ cmd: process.execPath, args: [cli, '--format', 'json', d], opts: { cwd: d } }))];
    const [t0, small, large] = compare(runs, 5);
    console.log('\n06-versions: graphs, config and command lines judged by the image that serves them');
    row('node -e 0', `${t0.toFixed(0)} ms`);
    row(`${sizes[0]} graphs + config + ${sizes[0]} docker run lines`, `${small.toFixed(0)} ms`);
    row(`${sizes[1]} graphs + config + ${sizes[1]} docker run lines`, `${large.toFixed(0)} ms`);
    row('growth (4x input; linear ≈ 4)', `${((large - t0) / (small - t0)).toFixed(2)}x`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
