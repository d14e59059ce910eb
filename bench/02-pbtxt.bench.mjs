// Graph parsing throughput: parse + type-check of a generated 10,000-node graph, in MB/s, and its
// ratio to `protoc --encode=mediapipe.CalculatorGraphConfig` on the same file with the same
// schemas. Budgets (design.md): >= 20 MB/s; within 2x of protoc.
//
// The core is bundled with esbuild into a temporary file (plain node cannot import .ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCore, median, row, timeCommand } from './util.mjs';

const NODES = 10_000;

/** A realistic OVMS graph: LLM, embeddings and Python nodes with options, handlers and comments. */
export function generateGraph(nodes) {
  const parts = ['# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO\n', 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\n', 'output_stream: "HTTP_RESPONSE_PAYLOAD:output"\n'];
  for (let i = 0; i < nodes; i++) {
    switch (i % 3) {
      case 0:
        parts.push(`node: {
  name: "LLMExecutor${i}"
  calculator: "HttpLLMCalculator"
  input_stream: "LOOPBACK:loopback${i}"
  input_stream: "HTTP_REQUEST_PAYLOAD:input${i}"
  input_side_packet: "LLM_NODE_RESOURCES:llm"
  output_stream: "LOOPBACK:loopback${i}"
  output_stream: "HTTP_RESPONSE_PAYLOAD:output${i}"
  input_stream_info: { tag_index: 'LOOPBACK:0', back_edge: true }
  node_options: {
    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {
      models_path: "./models/llm${i}",
      plugin_config: '{"KV_CACHE_PRECISION": "u8"}',
      enable_prefix_caching: true,
      cache_size: 10,
      max_num_seqs: 256,
      device: "CPU",
      pipeline_type: AUTO
    }
  }
  input_stream_handler {
    input_stream_handler: "SyncSetInputStreamHandler",
    options {
      [mediapipe.SyncSetInputStreamHandlerOptions.ext] {
        sync_set { tag_index: "LOOPBACK:0" }
      }
    }
  }
}
`);
        break;
      case 1:
        parts.push(`node {
  name: "embeddings${i}"  # the embeddings node
  calculator: "EmbeddingsCalculatorOV"
  input_side_packet: "EMBEDDINGS_NODE_RESOURCES:embeddings_servable"
  input_stream: "REQUEST_PAYLOAD:in${i}"
  output_stream: "RESPONSE_PAYLOAD:out${i}"
  node_options: {
    [type.googleapis.com / mediapipe.EmbeddingsCalculatorOVOptions]: {
      models_path: "./emb${i}"
      normalize_embeddings: true
      pooling: LAST
      target_device: "GPU"
    }
  }
}
`);
        break;
      default:
        parts.push(`node {
  name: "python${i}"
  calculator: "OpenVINOInferenceCalculator"
  input_side_packet: "SESSION:session${i}"
  input_stream: "OVTENSOR:a${i}"
  output_stream: "OVTENSOR:b${i}"
  node_options: {
    [type.googleapis.com / mediapipe.OpenVINOInferenceCalculatorOptions]: {
      tag_to_input_tensor_names { key: "OVTENSOR" value: "input_${i}" }
      tag_to_output_tensor_names { key: "OVTENSOR" value: "output_${i}" }
    }
  }
}
`);
    }
  }
  return parts.join('');
}

function protoFiles(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...protoFiles(p, base));
    else if (name.endsWith('.proto')) out.push(relative(base, p));
  }
  return out;
}

export default async function pbtxtBench() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tmp = mkdtempSync(join(tmpdir(), 'ovms-lint-bench-'));
  const bundle = join(tmp, 'core.mjs');
  await bundleCore("export { parsePbtxt } from './core/src/pbtxt/parser';\nexport { checkGraph } from './core/src/proto/check';\n", bundle);
  const text = generateGraph(NODES);
  const file = join(tmp, 'graph.pbtxt');
  writeFileSync(file, text);
  const mb = Buffer.byteLength(text) / 1e6;

  // Measured in a child process with --expose-gc: each timed run starts from a collected heap,
  // as a protoc run starts from a fresh process.
  const child = join(tmp, 'measure.mjs');
  writeFileSync(
    child,
    `import { readFileSync } from 'node:fs';
const { parsePbtxt, checkGraph } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const text = readFileSync(process.argv[2], 'utf8');
const check = () => { const ast = parsePbtxt(text); const r = checkGraph(ast); if (ast.errors.length || r.issues.length) throw new Error('the generated graph has problems: ' + JSON.stringify([ast.errors[0], r.issues[0]])); };
globalThis.gc(); let t = performance.now(); check(); const first = performance.now() - t;
check(); check(); // JIT warm-up
const parse = [], both = [];
for (let i = 0; i < 7; i++) {
  globalThis.gc(); let t0 = performance.now(); parsePbtxt(text); parse.push(performance.now() - t0);
  globalThis.gc(); t0 = performance.now(); check(); both.push(performance.now() - t0);
}
console.log(JSON.stringify({ first, parse, both }));
`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', child, file], { encoding: 'utf8' }));
  const ours = median(out.both);
  const parseTimes = out.parse;

  console.log(`== pbtxt parse + type-check (${NODES.toLocaleString('en')} nodes, ${mb.toFixed(2)} MB, median of 7)`);
  row('parse only', `${median(parseTimes).toFixed(1)} ms (${(mb / (median(parseTimes) / 1000)).toFixed(1)} MB/s)`);
  row('parse + type-check (budget >= 20 MB/s)', `${ours.toFixed(1)} ms (${(mb / (ours / 1000)).toFixed(1)} MB/s)`);
  row('parse + type-check, first run in a fresh process', `${out.first.toFixed(1)} ms (${(mb / (out.first / 1000)).toFixed(1)} MB/s)`);

  let protoc;
  try {
    execFileSync('protoc', ['--version'], { stdio: 'ignore' });
    const protoDir = join(root, 'schemas/proto');
    const set = join(tmp, 'schemas.pb');
    execFileSync('protoc', ['-I', protoDir, '--include_imports', `--descriptor_set_out=${set}`, ...protoFiles(protoDir)]);
    const args = [`--descriptor_set_in=${set}`, '--encode=mediapipe.CalculatorGraphConfig'];
    const run = (input) => timeCommand('/bin/sh', ['-c', `protoc ${args.join(' ')} < "${input}" > /dev/null`]);
    const empty = join(tmp, 'empty.pbtxt');
    writeFileSync(empty, '');
    run(file);
    const full = [];
    const base = [];
    for (let i = 0; i < 5; i++) {
      full.push(run(file));
      base.push(run(empty));
    }
    protoc = { full: median(full), startup: median(base) };
  } catch {
    row('protoc --encode', 'not installed: ratio not measured');
    return;
  }
  const protocWork = Math.max(protoc.full - protoc.startup, 0.001);
  row('protoc --encode, whole run', `${protoc.full.toFixed(1)} ms (${(mb / (protoc.full / 1000)).toFixed(1)} MB/s)`);
  row('protoc --encode, minus its run on an empty file', `${protocWork.toFixed(1)} ms`);
  row('ratio to protoc whole run (budget <= 2x)', `${(ours / protoc.full).toFixed(2)}x`);
  row('ratio to protoc parse work only', `${(ours / protocWork).toFixed(2)}x`);
  row('ratio of the first run to protoc whole run', `${(out.first / protoc.full).toFixed(2)}x`);
  row('load average (2 cores shared: absolute numbers vary)', loadavg().map((x) => x.toFixed(2)).join(' '));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href && !process.env.NO_BENCH) await pbtxtBench();
