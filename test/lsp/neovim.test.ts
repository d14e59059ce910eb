/**
 * A real LSP client: headless Neovim 0.7 (Debian's) starts `ovms-lint lsp --stdio`, opens a
 * bad config and a bad graph, and reports the diagnostics it received, a hover and a
 * completion. Neovim 0.7 has no pull diagnostics, so this proves the push path.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, ROOT } from '../helpers/lsp-client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('neovim test skipped: `nvim` is not installed (apt-get install neovim; .ci/run installs it)');

const WS = path.join(ROOT, 'test/fixtures/lsp/nvim');
const CONFIG = path.join(WS, 'config.json');
const GRAPH = path.join(WS, 'models/llm/graph.pbtxt');

describe.skipIf(!hasNvim)('Neovim 0.7 as the LSP client', () => {
  test('receives the diagnostics of a bad config and a bad graph, a hover and a completion', () => {
    expect(nvim.stdout).toMatch(/^NVIM v0\.\d+/);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-nvim-')), 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test/lsp/neovim.lua')}`], {
      env: {
        ...process.env,
        OVMS_CLI: CLI,
        OVMS_ROOT: WS,
        OVMS_OUT: out,
        OVMS_FILES: [CONFIG, GRAPH].join(','),
        // hover on the graph's calculator (line 7), completion inside the model's config object (on "name")
        OVMS_HOVER: '2,6,17',
        OVMS_COMPLETE: '1,4,8',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      diagnostics: Record<string, { code: string; lnum: number; col: number; severity: number; source: string }[]>;
      hover?: string;
      completion: string[];
      errors: string[];
    };
    expect(result.errors).toEqual([]);
    expect(result.diagnostics[CONFIG]!.map((d) => [d.code, d.lnum + 1, d.col + 1, d.severity, d.source])).toEqual([
      ['OVMS-CFG-003', 7, 9, 1, 'ovms-lint'],
      ['OVMS-CFG-006', 8, 18, 1, 'ovms-lint'],
    ]);
    expect(result.diagnostics[GRAPH]!.map((d) => [d.code, d.lnum + 1, d.col + 1, d.severity, d.source])).toEqual([
      ['OVMS-LLM-001', 19, 5, 2, 'ovms-lint'],
      ['OVMS-GRAPH-001', 22, 7, 1, 'ovms-lint'],
      ['OVMS-LLM-010', 23, 50, 1, 'ovms-lint'],
    ]);
    expect(result.hover).toContain('**`HttpLLMCalculator`** — OVMS text generation');
    expect(result.completion).toEqual(['batch_size', 'graph_path', 'subconfig', 'model_version_policy', 'shape', 'layout', 'target_device', 'allow_cache', 'plugin_config', 'custom_loader_options']);
  });
});
