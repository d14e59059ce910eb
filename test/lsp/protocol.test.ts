/**
 * The language server as an editor sees it: `ovms-lint lsp --stdio` spawned from the built
 * package, driven over JSON-RPC by vscode-jsonrpc, once as a client without pull diagnostics
 * (push) and once as one with them (pull).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { brief, LspClient, ROOT, uriOf, type LspDiagnostic } from '../helpers/lsp-client';

const WS = path.join(ROOT, 'test/fixtures/lsp/ws');
const CONFIG = path.join(WS, 'config.json');
const GRAPH = path.join(WS, 'models/llm/graph.pbtxt');
const HF = path.join(WS, 'hf/config.json');
const configText = fs.readFileSync(CONFIG, 'utf8');
const graphText = fs.readFileSync(GRAPH, 'utf8');

type Range = LspDiagnostic['range'];
const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: at(l1, c1), end: at(l2, c2) });

/** The 0-based position of the `n`th occurrence of `needle` in `text` (+ `delta` characters). */
function pos(text: string, needle: string, delta = 0, n = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

interface TextEdit {
  range: Range;
  newText: string;
}

/** Apply LSP edits to a text (edits of one file, non-overlapping). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

// a trailing comma after the resnet entry's last member: an OVMS-SYNTAX-JSON error with a safe fix
const badConfig = configText.replace('"target_device": "CPU" }', '"target_device": "CPU", }');
const commaAt = pos(badConfig, '"CPU",', 5);

describe('push diagnostics (client without pull support)', () => {
  let c: LspClient;
  let configUri: string;

  beforeAll(async () => {
    c = new LspClient();
    // the fixture's pipeline_config_list is legacy (OVMS-CFG-012, info): not what these tests are about
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' } };
    const init = await c.initialize(WS, { pull: false });
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    expect(init.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2 });
    configUri = await c.open(CONFIG, badConfig, 'json');
  });
  afterAll(async () => {
    expect(await c.shutdown()).toBe(0);
  });

  test('publishes the findings of an open config with code, docs link, severity and data', async () => {
    const ds = await c.diagnostics(configUri, { version: 1 });
    expect(brief(ds)).toEqual([['OVMS-SYNTAX-JSON', commaAt.line + 1, commaAt.character + 1]]);
    const d = ds[0]!;
    expect(d.range).toEqual(range(commaAt.line, commaAt.character, commaAt.line, commaAt.character + 1));
    expect(d.severity).toBe(1);
    expect(d.source).toBe('ovms-lint');
    expect(d.codeDescription?.href).toBe('https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md');
    expect(d.message).toContain('Trailing comma');
    expect(d.data).toMatchObject({ ruleName: 'json-syntax', impact: 'startup' });
  });

  test('hover on a config key explains it; hover on a finding explains the rule', async () => {
    const h = await c.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri: configUri },
      position: pos(badConfig, '"target_device"', 3),
    });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toContain('**`target_device`** (string)');
    expect(h.contents.value).toContain('OpenVINO device');
    const p = pos(badConfig, '"target_device"');
    expect(h.range).toEqual(range(p.line, p.character, p.line, p.character + '"target_device"'.length));

    const onFinding = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: configUri }, position: commaAt });
    expect(onFinding.contents.value).toContain('**OVMS-SYNTAX-JSON** `json-syntax` (error, impact: startup)');
    expect(onFinding.contents.value).toContain('[Rule documentation](https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md)');

    const onValue = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: configUri }, position: pos(badConfig, '"DL model"', 2) });
    expect(onValue.contents.value).toBe('`DL model` — Runs a model served by OVMS (`model_name`).');
  });

  test('completes the keys of a model entry that are not there yet, and enum values', async () => {
    // inside the llm entry's config object, after its last member
    const p = pos(badConfig, '"graph_path": "graph.pbtxt"', '"graph_path": "graph.pbtxt"'.length);
    const edited = badConfig.replace('"graph_path": "graph.pbtxt" }', '"graph_path": "graph.pbtxt", "" }');
    const v = await c.change(configUri, range(0, 0, 999, 0), edited);
    await c.diagnostics(configUri, { version: v });
    const list = await c.request<{ items: { label: string; textEdit: TextEdit; insertTextFormat: number }[] }>('textDocument/completion', {
      textDocument: { uri: configUri },
      position: { line: p.line, character: p.character + 3 },
    });
    expect(list.items.map((i) => i.label)).toEqual([
      'batch_size',
      'subconfig',
      'model_version_policy',
      'shape',
      'layout',
      'nireq',
      'target_device',
      'allow_cache',
      'plugin_config',
      'custom_loader_options',
    ]);
    const td = list.items.find((i) => i.label === 'target_device')!;
    expect(td.insertTextFormat).toBe(2);
    expect(td.textEdit.newText).toBe('"target_device": "${1|CPU,GPU,NPU,AUTO,HETERO:GPU\\,CPU,MULTI:GPU\\,CPU|}"');
    expect(td.textEdit.range).toEqual(range(p.line, p.character + 2, p.line, p.character + 4));

    // the value of a pipeline node's type
    const typeValue = pos(edited, '"DL model"', 1);
    const values = await c.request<{ items: { label: string; textEdit: TextEdit }[] }>('textDocument/completion', { textDocument: { uri: configUri }, position: typeValue });
    expect(values.items.map((i) => i.label)).toEqual(['"DL model"', '"custom"']);
    expect(values.items[1]!.textEdit.range).toEqual(range(typeValue.line, typeValue.character - 1, typeValue.line, typeValue.character + 9));
    await c.change(configUri, range(0, 0, 999, 0), badConfig);
  });

  test('quick fix from the finding, applied, clears the diagnostic; suppress writes a waiver', async () => {
    const before = await c.diagnostics(configUri, { version: 3 });
    expect(brief(before)).toEqual([['OVMS-SYNTAX-JSON', commaAt.line + 1, commaAt.character + 1]]);
    const actions = await c.request<{ title: string; kind: string; isPreferred?: boolean; edit: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: configUri }, range: before[0]!.range, context: { diagnostics: before } },
    );
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ['Remove the trailing comma (OVMS-SYNTAX-JSON)', 'quickfix'],
      ['Waive OVMS-SYNTAX-JSON in .ovms-lint.json (with a reason)', 'quickfix'],
      ['Fix all safe ovms-lint problems', 'source.fixAll.ovms-lint'],
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
    // no .ovms-lint.json in the fixture workspace: the waiver creates one beside the config
    expect(actions[1]!.edit.documentChanges).toEqual([
      { kind: 'create', uri: uriOf(path.join(WS, '.ovms-lint.json')), options: { ignoreIfExists: true } },
      {
        textDocument: { uri: uriOf(path.join(WS, '.ovms-lint.json')), version: null },
        edits: [{ range: range(0, 0, 0, 0), newText: '{\n  "waivers": [\n    {\n      "rule": "OVMS-SYNTAX-JSON",\n      "files": "config.json",\n      "reason": "TODO: say why this is acceptable"\n    }\n  ]\n}\n' }],
      },
    ]);
    const fixed = applyEdits(badConfig, actions[0]!.edit.changes![configUri]!);
    expect(fixed).toBe(configText);
    const v = await c.change(configUri, range(0, 0, 999, 0), fixed);
    const afterFix = await c.diagnostics(configUri, { version: v });
    expect(afterFix).toEqual([]);
  });

  test('incremental edits: a one-character insertion re-validates the document', async () => {
    const p = pos(configText, '"CPU" }', 5);
    const v = await c.change(configUri, range(p.line, p.character, p.line, p.character), ',');
    expect(brief(await c.diagnostics(configUri, { version: v }))).toEqual([['OVMS-SYNTAX-JSON', commaAt.line + 1, commaAt.character + 1]]);
    const v2 = await c.change(configUri, range(p.line, p.character, p.line, p.character + 1), '');
    expect(await c.diagnostics(configUri, { version: v2 })).toEqual([]);
  });

  test('document symbols list models, graphs and pipelines with their nodes', async () => {
    const symbols = await c.request<{ name: string; detail: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: configUri } });
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([
      ['resnet', 'model'],
      ['llm', 'graph'],
      ['classify', 'pipeline'],
    ]);
    expect(symbols[2]!.children).toEqual([expect.objectContaining({ name: 'resnet_node', detail: 'resnet' })]);
  });

  test('go to definition on graph_path opens the graph; links cover every existing path', async () => {
    const defs = await c.request<{ targetUri: string; originSelectionRange: Range }[]>('textDocument/definition', {
      textDocument: { uri: configUri },
      position: pos(configText, '"graph.pbtxt"', 3),
    });
    expect(defs.map((d) => d.targetUri)).toEqual([uriOf(GRAPH)]);
    const links = await c.request<{ target: string; range: Range }[]>('textDocument/documentLink', { textDocument: { uri: configUri } });
    expect(links.map((l) => l.target)).toEqual([uriOf(path.join(WS, 'models/resnet')), uriOf(path.join(WS, 'models/llm')), uriOf(GRAPH)]);
    const b = pos(configText, 'models/resnet');
    expect(links[0]!.range).toEqual(range(b.line, b.character, b.line, b.character + 'models/resnet'.length));
  });

  test('command lines: --config_path and other path flags jump to the host file through the container mounts', async () => {
    const DEPLOY = path.join(WS, 'deploy');
    // Markdown: `-v ${PWD}/..:/workspace:ro` (the directory is found by looking up from the file) and `-v ./secrets:/run/secrets:ro`
    const MD = path.join(DEPLOY, 'README.md');
    const md = fs.readFileSync(MD, 'utf8');
    const mdUri = await c.open(MD, md, 'markdown');
    const defs = await c.request<{ targetUri: string; originSelectionRange: Range }[]>('textDocument/definition', { textDocument: { uri: mdUri }, position: pos(md, '/workspace/config.json', 12) });
    const cfg = pos(md, '/workspace/config.json');
    expect(defs).toEqual([expect.objectContaining({ targetUri: uriOf(CONFIG), originSelectionRange: range(cfg.line, cfg.character, cfg.line, cfg.character + '/workspace/config.json'.length) })]);
    const key = pos(md, '/run/secrets/key');
    const mdLinks = await c.request<{ target: string; range: Range }[]>('textDocument/documentLink', { textDocument: { uri: mdUri } });
    // --cpu_extension names a path no mount provides: no link
    expect(mdLinks.map((l) => [l.target, l.range.start])).toEqual([
      [uriOf(CONFIG), cfg],
      [uriOf(path.join(DEPLOY, 'secrets/key')), key],
    ]);
    expect(await c.request('textDocument/definition', { textDocument: { uri: mdUri }, position: pos(md, '/opt/missing', 3) })).toEqual([]);
    await c.close(mdUri);

    // compose: volumes relative to the compose file; --model_path names a directory (a link, no definition)
    const COMPOSE = path.join(DEPLOY, 'compose.yaml');
    const yml = fs.readFileSync(COMPOSE, 'utf8');
    const ymlUri = await c.open(COMPOSE, yml, 'yaml');
    const composeDefs = await c.request<{ targetUri: string }[]>('textDocument/definition', { textDocument: { uri: ymlUri }, position: pos(yml, '/etc/ovms/config.json', 5, 1) }); // the flag's value, not the volume
    expect(composeDefs.map((d) => d.targetUri)).toEqual([uriOf(CONFIG)]);
    expect(await c.request('textDocument/definition', { textDocument: { uri: ymlUri }, position: pos(yml, '/models/resnet', 3) })).toEqual([]);
    const composeLinks = await c.request<{ target: string; range: Range }[]>('textDocument/documentLink', { textDocument: { uri: ymlUri } });
    expect(composeLinks.map((l) => [l.target, l.range.start])).toEqual([
      [uriOf(CONFIG), pos(yml, '/etc/ovms/config.json', 0, 1)],
      [uriOf(path.join(WS, 'models/resnet')), pos(yml, '/models/resnet')],
    ]);
    await c.close(ymlUri);

    // Kubernetes: a hostPath volume (absolute, so the manifest is written where the files are)
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lsp-k8s-'));
    try {
      fs.mkdirSync(path.join(tmp, 'srv'));
      fs.copyFileSync(CONFIG, path.join(tmp, 'srv/config.json'));
      const K8S = path.join(tmp, 'ovms.yaml');
      const manifest = [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: ovms',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: ovms',
        '          image: openvino/model_server:2026.3',
        '          args: ["--config_path=/config/config.json", "--rest_port=8000"]',
        '          volumeMounts:',
        '            - name: cfg',
        '              mountPath: /config',
        '              readOnly: true',
        '      volumes:',
        '        - name: cfg',
        '          hostPath:',
        `            path: ${path.join(tmp, 'srv')}`,
        '',
      ].join('\n');
      fs.writeFileSync(K8S, manifest);
      const k8sUri = await c.open(K8S, manifest, 'yaml');
      const k8sDefs = await c.request<{ targetUri: string; originSelectionRange: Range }[]>('textDocument/definition', { textDocument: { uri: k8sUri }, position: pos(manifest, '/config/config.json', 2) });
      const at = pos(manifest, '/config/config.json');
      expect(k8sDefs).toEqual([expect.objectContaining({ targetUri: uriOf(path.join(tmp, 'srv/config.json')), originSelectionRange: range(at.line, at.character, at.line, at.character + '/config/config.json'.length) })]);
      await c.close(k8sUri);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('graphs: outline, a stream to its producer, hover and completion of calculators, formatting', async () => {
    const messy = graphText.replace('  calculator: "HttpLLMCalculator"', 'calculator: "HttpLLMCalculator"   ');
    const graphUri = await c.open(GRAPH, messy, 'mediapipe-graph');
    expect(await c.diagnostics(graphUri, { version: 1 })).toEqual([]);
    const symbols = await c.request<{ name: string; detail: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: graphUri } });
    expect(symbols.map((s) => [s.name, s.detail, s.children?.length ?? 0])).toEqual([
      ['HTTP_REQUEST_PAYLOAD:input', 'graph input', 0],
      ['HTTP_RESPONSE_PAYLOAD:output', 'graph output', 0],
      ['LLMExecutor', 'HttpLLMCalculator', 6],
    ]);
    // the node's LOOPBACK input comes from its own LOOPBACK output (line 12)
    const defs = await c.request<{ targetUri: string; targetSelectionRange: Range }[]>('textDocument/definition', { textDocument: { uri: graphUri }, position: pos(messy, '"LOOPBACK:loopback"', 12) });
    const out = pos(messy, 'loopback"', 0, 1);
    expect(defs.map((d) => [d.targetUri, d.targetSelectionRange])).toEqual([[graphUri, range(out.line, out.character, out.line, out.character + 'loopback'.length)]]);
    const hover = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: graphUri }, position: pos(messy, '"HttpLLMCalculator"', 4) });
    expect(hover.contents.value).toContain('Options: `mediapipe.LLMCalculatorOptions`');
    const completion = await c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: graphUri }, position: pos(messy, '"HttpLLMCalculator"', 1) });
    expect(completion.items.map((i) => i.label)).toContain('"EmbeddingsCalculatorOV"');
    const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: graphUri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(messy, edits)).toBe(graphText);
    await c.close(graphUri);
  });

  test('command lines: findings on flags, hover and completion of OVMS flags, a suppression comment', async () => {
    const SH = path.join(WS, 'start.sh');
    const sh = fs.readFileSync(SH, 'utf8');
    const shUri = await c.open(SH, sh, 'shellscript');
    const ds = await c.diagnostics(shUri, { version: 1 });
    const level = pos(sh, 'VERBOSE');
    const grpc = pos(sh, '--port 9000');
    // the security rules see the whole deployment: this script serves config.json, whose graph is an LLM
    expect(brief(ds)).toEqual([
      ['OVMS-SEC-010', grpc.line + 1, grpc.character + 1],
      ['OVMS-SEC-013', 4, 3],
      ['OVMS-SEC-020', 4, 3],
      ['OVMS-CLI-008', level.line + 1, level.character + 1],
    ]);
    const cli008 = ds.find((d) => d.code === 'OVMS-CLI-008')!;
    const hover = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: shUri }, position: pos(sh, '--rest_port', 3) });
    expect(hover.contents.value).toMatch(/^\*\*`--rest_port`\*\* \(uint32; /);
    const actions = await c.request<{ title: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', { textDocument: { uri: shUri }, range: cli008.range, context: { diagnostics: [cli008] } });
    expect(actions.map((a) => a.title)).toEqual(['Suppress OVMS-CLI-008 on this line (with a reason)']);
    // above the whole continued command (line 3), not inside it
    expect(actions[0]!.edit.changes[shUri]).toEqual([{ range: range(2, 0, 2, 0), newText: '# ovms-lint-disable-next-line OVMS-CLI-008 -- TODO: say why this is acceptable\n' }]);
    const v = await c.change(shUri, range(level.line, level.character, level.line, level.character + 'VERBOSE'.length), '');
    await c.diagnostics(shUri, { version: v });
    const values = await c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: shUri }, position: level });
    expect(values.items.map((i) => i.label)).toEqual(['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR']);
    const v2 = await c.change(shUri, range(level.line, level.character, level.line, level.character), 'INFO --grpc_w');
    await c.diagnostics(shUri, { version: v2 });
    const flags = await c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: shUri }, position: { line: level.line, character: level.character + 'INFO --grpc_w'.length } });
    expect(flags.items.map((i) => i.label)).toContain('--grpc_workers');
    expect(flags.items.map((i) => i.label)).not.toContain('--rest_port');
    await c.close(shUri);
  });

  test('a Hugging Face config.json is not ours: no findings, no hover', async () => {
    const hfText = fs.readFileSync(HF, 'utf8');
    const uri = await c.open(HF, hfText, 'json');
    expect(await c.diagnostics(uri)).toEqual([]);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: pos(hfText, 'model_type', 2) });
    expect(h).toBeNull();
    await c.close(uri);
  });

  test('edits inside a node block of a graph (re-parsed incrementally) get the findings of the edited text', async () => {
    const graphUri = await c.open(GRAPH, graphText, 'mediapipe-graph');
    expect(brief(await c.diagnostics(graphUri, { version: 1 }))).toEqual([]);
    // cache_size -> cache_sise: an unknown field of the options, and the cache is dynamic now
    const z = pos(graphText, 'cache_size', 8);
    const options = pos(graphText, '[type.googleapis.com/mediapipe.LLMCalculatorOptions]');
    let v = await c.change(graphUri, range(z.line, z.character, z.line, z.character + 1), 's');
    expect(brief(await c.diagnostics(graphUri, { version: v }))).toEqual([
      ['OVMS-LLM-002', options.line + 1, options.character + 1],
      ['OVMS-GRAPH-001', z.line + 1, z.character - 8 + 1],
    ]);
    // a second max_num_seqs: a type error
    const seqs = pos(graphText, 'max_num_seqs: 256', 'max_num_seqs: 256'.length);
    v = await c.change(graphUri, range(seqs.line, seqs.character, seqs.line, seqs.character), '\n      max_num_seqs: 8');
    expect(brief(await c.diagnostics(graphUri, { version: v }))).toEqual([
      ['OVMS-LLM-002', options.line + 1, options.character + 1],
      ['OVMS-GRAPH-001', z.line + 1, z.character - 8 + 1],
      ['OVMS-SYNTAX-PBTXT', seqs.line + 2, 7],
    ]);
    // both undone
    v = await c.change(graphUri, range(seqs.line, seqs.character, seqs.line + 1, '      max_num_seqs: 8'.length), '');
    v = await c.change(graphUri, range(z.line, z.character, z.line, z.character + 1), 'z');
    expect(brief(await c.diagnostics(graphUri, { version: v }))).toEqual([]);
    await c.close(graphUri);
  });

  test('editing a graph re-validates the config that references it (and the reverse)', async () => {
    const graphUri = await c.open(GRAPH, graphText, 'mediapipe-graph');
    await c.diagnostics(graphUri, { version: 1 });
    const configBefore = c.count(configUri);
    await c.change(graphUri, range(0, 0, 0, 0), '# edited\n');
    await c.until(() => (c.count(configUri) > configBefore ? true : undefined), 'the config to be re-validated after the graph changed');
    const graphBefore = c.count(graphUri);
    await c.change(configUri, range(0, 0, 0, 0), ' ');
    await c.until(() => (c.count(graphUri) > graphBefore ? true : undefined), 'the graph to be re-validated after the config changed');
    await c.close(graphUri);
  });
});

describe('pull diagnostics (client with textDocument/diagnostic)', () => {
  let c: LspClient;
  let configUri: string;

  beforeAll(async () => {
    c = new LspClient();
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' } };
    const init = await c.initialize(WS, { pull: true });
    expect(init.capabilities.diagnosticProvider).toEqual({ identifier: 'ovms-lint', interFileDependencies: true, workspaceDiagnostics: true });
    configUri = await c.open(CONFIG, badConfig, 'json');
  });
  afterAll(async () => {
    expect(await c.shutdown()).toBe(0);
  });

  test('answers textDocument/diagnostic and never pushes', async () => {
    const report = await c.request<{ kind: string; items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: configUri } });
    expect(report.kind).toBe('full');
    expect(brief(report.items)).toEqual([['OVMS-SYNTAX-JSON', commaAt.line + 1, commaAt.character + 1]]);
    const v = await c.change(configUri, range(commaAt.line, commaAt.character, commaAt.line, commaAt.character + 1), '');
    const after = await c.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: configUri } });
    expect(after.items).toEqual([]);
    expect(v).toBe(2);
    expect(c.count(configUri)).toBe(0);
  });

  test('answers workspace/diagnostic for every open OVMS document', async () => {
    const graphUri = await c.open(GRAPH, graphText, 'mediapipe-graph');
    const hfUri = await c.open(HF, fs.readFileSync(HF, 'utf8'), 'json');
    const report = await c.request<{ items: { uri: string; kind: string; version: number; items: LspDiagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    expect(report.items.map((i) => [i.uri, i.kind, i.version, i.items.length])).toEqual([
      [configUri, 'full', 2, 0],
      [graphUri, 'full', 1, 0],
    ]);
    // editing the graph asks the client to pull again (the config depends on it)
    const before = c.refreshes;
    await c.change(graphUri, range(0, 0, 0, 0), '# edited\n');
    await c.until(() => (c.refreshes > before ? true : undefined), 'workspace/diagnostic/refresh');
    await c.close(hfUri);
    expect(c.count(graphUri)).toBe(0);
  });
});

describe('validation scheduling (validateDelay: debounced on both edges)', () => {
  // `nireq` as a string: OVMS-CFG-006 (error) on the value; as a number: no finding
  const bad = configText.replace('"target_device": "CPU" }', '"target_device": "CPU", "nireq": "4" }');
  const good = bad.replace('"nireq": "4"', '"nireq": 4');
  const nireq = pos(bad, '"4"');
  const whole = range(0, 0, 999, 0);

  test('a burst of edits ends with the diagnostics of its last version', async () => {
    const c = new LspClient();
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' } };
    await c.initialize(WS, { pull: false });
    const uri = await c.open(CONFIG, bad, 'json');
    expect(brief(await c.diagnostics(uri, { version: 1 }))).toEqual([['OVMS-CFG-006', nireq.line + 1, nireq.character + 1]]);
    // ten edits sent back to back, alternating, the last one fixing the value
    let v = 1;
    for (let i = 0; i < 10; i++) v = await c.change(uri, whole, i % 2 ? good : bad);
    expect(await c.diagnostics(uri, { version: v })).toEqual([]);
    // and one ending on the broken text
    for (let i = 0; i < 9; i++) v = await c.change(uri, whole, i % 2 ? good : bad);
    expect(brief(await c.diagnostics(uri, { version: v }))).toEqual([['OVMS-CFG-006', nireq.line + 1, nireq.character + 1]]);
    // nothing is published for a version the client has not sent
    expect(c.published.get(uri)!.every((p) => p.version !== undefined && p.version <= v)).toBe(true);
    expect(await c.shutdown()).toBe(0);
  });

  test('an edit to an idle document is validated at once, not after validateDelay', async () => {
    const c = new LspClient();
    // ten minutes: only a leading-edge validation can answer before the test times out
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' }, validateDelay: 600_000 };
    await c.initialize(WS, { pull: false });
    const uri = await c.open(CONFIG, bad, 'json');
    expect(brief(await c.diagnostics(uri, { version: 1 }))).toEqual([['OVMS-CFG-006', nireq.line + 1, nireq.character + 1]]);
    const v = await c.change(uri, whole, good);
    expect(await c.diagnostics(uri, { version: v })).toEqual([]);
    expect(await c.shutdown()).toBe(0);
  });
});

describe('validation scheduling: opening documents', () => {
  const bad = configText.replace('"target_device": "CPU" }', '"target_device": "CPU", "nireq": "4" }');
  const nireq = pos(bad, '"4"');

  test('a burst of opens (an editor restoring a workspace) gets every document validated', async () => {
    const c = new LspClient();
    // each open within validateDelay of the previous one is validated validateDelay after it arrives
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' }, validateDelay: 200 };
    await c.initialize(WS, { pull: false });
    const uris = await Promise.all(['config.json', 'b/config.json', 'c/config.json'].map((f) => c.open(path.join(WS, 'burst', f), bad, 'json')));
    for (const uri of uris) expect(brief(await c.diagnostics(uri, { version: 1 }))).toEqual([['OVMS-CFG-006', nireq.line + 1, nireq.character + 1]]);
    expect(await c.shutdown()).toBe(0);
  });
});

describe('settings: the editor and the project', () => {
  let c: LspClient;
  // `nireq` as a string: OVMS-CFG-006 (error) on the value
  const cfg = configText.replace('"target_device": "CPU" }', '"target_device": "CPU", "nireq": "4" }');
  const nireq = pos(cfg, '"4"');
  let uri: string;

  beforeAll(async () => {
    c = new LspClient();
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' } };
    await c.initialize(WS, { pull: false });
    uri = await c.open(CONFIG, cfg, 'json');
  });
  afterAll(async () => {
    expect(await c.shutdown()).toBe(0);
  });

  test('severity overrides from workspace/configuration', async () => {
    const ds = await c.diagnostics(uri, { version: 1 });
    expect(ds.map((d) => [d.code, d.severity, d.range.start])).toEqual([['OVMS-CFG-006', 1, nireq]]);
    c.configuration = { rules: { 'OVMS-CFG-012': 'off', 'OVMS-CFG-006': 'warning' } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const last = () => c.published.get(uri)!.at(-1)!.diagnostics;
    await c.until(() => (last()[0]?.severity === 2 ? true : undefined), 're-validation with OVMS-CFG-006 as a warning');
    expect(last().map((d) => [d.code, d.severity])).toEqual([['OVMS-CFG-006', 2]]);
    c.configuration = { rules: { 'OVMS-CFG-012': 'off' } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('the waiver quick fix, once applied, suppresses the finding (the open settings file wins over the disk)', async () => {
    const ds = await c.diagnostics(uri, { version: 1 });
    const actions = await c.request<{ title: string; edit: { documentChanges: [unknown, { edits: TextEdit[] }] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: ds[0]!.range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    const waive = actions.find((a) => a.title.startsWith('Waive'))!;
    expect(waive.title).toBe('Waive OVMS-CFG-006 at /model_config_list/0/config/nireq in .ovms-lint.json (with a reason)');
    const settingsText = applyEdits('', waive.edit.documentChanges[1].edits);
    expect(JSON.parse(settingsText)).toEqual({
      waivers: [{ rule: 'OVMS-CFG-006', files: 'config.json', pointer: '/model_config_list/0/config/nireq', reason: 'TODO: say why this is acceptable' }],
    });
    const last = () => c.published.get(uri)!.at(-1)!.diagnostics;
    const settingsUri = await c.open(path.join(WS, '.ovms-lint.json'), settingsText, 'json');
    await c.until(() => (last().length === 0 ? true : undefined), 'the config to be re-validated under the new settings, without the waived finding');
    expect(await c.diagnostics(settingsUri)).toEqual([]);
    // closing the unsaved settings file: the disk has none, the finding is back
    await c.close(settingsUri);
    await c.until(() => (last().length > 0 ? true : undefined), 're-validation after closing the settings file');
    expect(brief(last())).toEqual([['OVMS-CFG-006', nireq.line + 1, nireq.character + 1]]);
  });
});

describe('the editor sees what the CLI sees', () => {
  test('every file of examples/, opened alone, gets exactly the findings of `ovms-lint examples`', async () => {
    const EXAMPLES = path.join(ROOT, 'examples');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number; column: number }[] }[] };
    const files = report.files.filter((f) => f.diagnostics.length > 0);
    expect(files.map((f) => f.path).sort()).toEqual(['examples/config.json', 'examples/models/llm/graph.pbtxt', 'examples/start.sh']);
    const c = new LspClient();
    await c.initialize(EXAMPLES, { pull: false });
    for (const f of files) {
      const file = path.join(ROOT, f.path);
      const uri = await c.open(file, fs.readFileSync(file, 'utf8'), 'plaintext');
      const cli = f.diagnostics.map((d) => [d.ruleId, d.line, d.column] as [string, number, number]).sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
      expect([f.path, brief(await c.diagnostics(uri))]).toEqual([f.path, cli]);
      await c.close(uri);
    }
    expect(await c.shutdown()).toBe(0);
  });
});
