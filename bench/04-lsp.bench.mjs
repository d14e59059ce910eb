// The language server under load (design.md budgets: diagnostics for a 1 MB graph within 50 ms
// of an edit; memory under 150 MB for a workspace of 1,000 files). Spawns `ovms-lint lsp
// --stdio` from dist/ and talks to it with vscode-jsonrpc, as an editor would.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';
import { bundleCore, median, row } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A realistic 1 MB graph: a chain of OpenVINO inference nodes sharing one session. */
export function bigGraph(bytes = 1 << 20) {
  const parts = [
    '# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO\ninput_stream: "OVTENSOR:in"\noutput_stream: "OVTENSOR:out"\n',
    'node {\n  calculator: "OpenVINOModelServerSessionCalculator"\n  output_side_packet: "SESSION:session"\n  node_options: {\n    [type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: {\n      servable_name: "resnet"\n      servable_version: "1"\n    }\n  }\n}\n',
  ];
  let size = parts.join('').length;
  let prev = 'in';
  for (let i = 0; size < bytes; i++) {
    const next = `s${i}`;
    const node = `node {\n  name: "infer_${i}"\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:${prev}"\n  output_stream: "OVTENSOR:${next}"\n  node_options: {\n    [type.googleapis.com / mediapipe.OpenVINOInferenceCalculatorOptions]: {\n      tag_to_input_tensor_names { key: "OVTENSOR" value: "input" }\n      tag_to_output_tensor_names { key: "OVTENSOR" value: "output" }\n    }\n  }\n}\n`;
    parts.push(node);
    size += node.length;
    prev = next;
  }
  parts.push(`node {\n  name: "last"\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:${prev}"\n  output_stream: "OVTENSOR:out"\n}\n`);
  return parts.join('');
}

class Client {
  constructor() {
    this.proc = spawn(process.execPath, [join(root, 'dist/cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.waiting = new Map();
    this.received = new Set();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const key = `${p.uri}@${p.version}`;
      this.received.add(key);
      this.waiting.get(key)?.();
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }
  published(uri, version) {
    const key = `${uri}@${version}`;
    if (this.received.has(key)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(key, resolve));
  }
  async init(dir) {
    await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'b' }], capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } } });
    await this.conn.sendNotification('initialized', {});
  }
  async stop() {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    this.conn.dispose();
  }
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'ovms-lsp-bench-'));
  try {
    // 1. didChange -> publishDiagnostics on a 1 MB graph
    const graphPath = join(dir, 'big', 'graph.pbtxt');
    mkdirSync(dirname(graphPath), { recursive: true });
    const text = bigGraph();
    writeFileSync(graphPath, text);
    const c = new Client();
    await c.init(dir);
    const uri = pathToFileURL(graphPath).href;
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mediapipe-graph', version: 1, text } });
    await c.published(uri, 1);
    const times = [];
    // edit the name of a node in the middle of the file, back and forth
    const line = text.slice(0, text.indexOf('name: "infer_1000"')).split('\n').length - 1;
    for (let v = 2; v < 24; v++) {
      const t0 = performance.now();
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 15 }, end: { line, character: 16 } }, text: v % 2 ? '1' : '2' }],
      });
      await c.published(uri, v);
      if (v > 3) times.push(performance.now() - t0);
    }
    row(`lsp: didChange -> publishDiagnostics, ${(text.length / 1048576).toFixed(2)} MB graph (median of ${times.length})`, `${median(times).toFixed(1)} ms (budget 50 ms; an edit to an idle document is not debounced)`);
    await c.stop();

    // 1b. where the time of an edit goes, in-process (the same edits through the language service)
    await split(text, dir);

    // 2. memory after opening 1,000 files: 250 deployments of a config, two graphs and a script
    const m = new Client();
    await m.init(dir);
    const opened = [];
    for (let i = 0; i < 250; i++) {
      const d = join(dir, 'ws', `d${i}`);
      mkdirSync(join(d, 'models/llm'), { recursive: true });
      mkdirSync(join(d, 'models/embed'), { recursive: true });
      const files = {
        'config.json': JSON.stringify({ mediapipe_config_list: [{ name: 'llm', base_path: 'models/llm' }, { name: 'embed', base_path: 'models/embed' }], model_config_list: [{ config: { name: `m${i}`, base_path: 'models/resnet', target_device: 'CPU' } }] }, null, 2),
        'models/llm/graph.pbtxt': readFileSync(join(root, 'examples/models/llm/graph.pbtxt'), 'utf8'),
        'models/embed/graph.pbtxt': bigGraph(4000),
        'start.sh': readFileSync(join(root, 'examples/start.sh'), 'utf8'),
      };
      for (const [name, body] of Object.entries(files)) {
        const p = join(d, name);
        writeFileSync(p, body);
        opened.push([p, body]);
      }
    }
    const pending = [];
    for (const [p, body] of opened) {
      const u = pathToFileURL(p).href;
      pending.push(m.published(u, 1));
      await m.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: p.endsWith('.json') ? 'json' : p.endsWith('.sh') ? 'shellscript' : 'mediapipe-graph', version: 1, text: body } });
    }
    const t0 = performance.now();
    await Promise.all(pending);
    const took = performance.now() - t0;
    const mem = await m.conn.sendRequest('ovmsLint/memoryUsage');
    row(`lsp: ${opened.length} open files, all diagnostics published`, `${took.toFixed(0)} ms`);
    row(`lsp: server memory with ${opened.length} open files`, `RSS ${rssMb(m.proc.pid).toFixed(0)} MB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB (budget 150 MB)`);
    await m.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The edit -> diagnostics path of the language service, by phase, on the same edits: the
 * incremental re-parse (core/src/pbtxt/incremental.ts), the re-check of the new top-level fields
 * (core/src/languages/pbtxt-check.ts), graph model + rules (the rest of validation) and the
 * diagnostics as the server sends them (JSON).
 */
async function split(text, dir) {
  const bundle = join(dir, 'core.mjs');
  await bundleCore(
    [
      "export { LanguageService } from './core/src/service';",
      "export { memoryHost } from './core/src/host';",
      "export { reparsePbtxt } from './core/src/pbtxt/incremental';",
      "export { parsePbtxt } from './core/src/pbtxt/parser';",
      "export { checkByField, keepFieldChecks } from './core/src/languages/pbtxt-check';",
      "export { checkGraph } from './core/src/proto/check';",
    ].join('\n'),
    bundle,
  );
  const m = await import(pathToFileURL(bundle).href);
  const at = text.indexOf('name: "infer_1000"') + 15;
  const edited = (v) => text.slice(0, at) + (v % 2 ? '1' : '2') + text.slice(at + 1);
  // parse and check alone, on a tree of their own
  let doc = m.parsePbtxt(text);
  let prevText = text;
  m.keepFieldChecks(doc, m.checkGraph(doc));
  const parse = [];
  const check = [];
  for (let v = 2; v < 44; v++) {
    const t = edited(v);
    const t0 = performance.now();
    const next = m.reparsePbtxt(doc, prevText, t);
    const t1 = performance.now();
    if (!next) throw new Error('the edit was not re-parsed incrementally');
    if (!m.checkByField(next, doc)) throw new Error('the check was not assembled per field');
    const t2 = performance.now();
    if (v > 3) {
      parse.push(t1 - t0);
      check.push(t2 - t1);
    }
    doc = next;
    prevText = t;
  }
  // the whole validation through the service, and what the server sends
  const path = join(dir, 'big', 'graph.pbtxt');
  const ls = new m.LanguageService({ host: m.memoryHost({}) });
  ls.setDocument(path, text, 1);
  ls.doValidation(path);
  const parsed = [];
  const validate = [];
  const send = [];
  for (let v = 2; v < 44; v++) {
    const t0 = performance.now();
    ls.setDocument(path, edited(v), v);
    ls.workspace.parsed(path);
    const t1 = performance.now();
    const diagnostics = ls.doValidation(path);
    const t2 = performance.now();
    JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: path, version: v, diagnostics } });
    const t3 = performance.now();
    if (v > 3) {
      parsed.push(t1 - t0);
      validate.push(t2 - t1);
      send.push(t3 - t2);
    }
  }
  const ms = (xs) => `${median(xs).toFixed(1)} ms`;
  row('lsp: edit split: re-parse (one top-level field)', ms(parse));
  row('lsp: edit split: re-check (new top-level fields)', ms(check));
  row('lsp: edit split: service parse + check (setDocument .. parsed)', ms(parsed));
  row('lsp: edit split: graph model + rules (validation)', ms(validate));
  row('lsp: edit split: diagnostics to JSON (send)', ms(send));
}
