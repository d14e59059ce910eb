import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  expect(fs.existsSync(CLI), 'run `npm run build` first').toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-cli-'));
  fs.mkdirSync(path.join(tmp, 'good'));
  fs.writeFileSync(path.join(tmp, 'good/config.json'), '{"model_config_list": []}\n');
  fs.mkdirSync(path.join(tmp, 'bad'));
  fs.writeFileSync(path.join(tmp, 'bad/config.json'), '{"model_config_list": [],}\n');
  fs.mkdirSync(path.join(tmp, 'hf'));
  fs.writeFileSync(path.join(tmp, 'hf/config.json'), '{"architectures": ["LlamaForCausalLM"], "model_type": "llama",}\n');
});

describe('ovms-lint CLI', () => {
  it('exits 0 on a clean config and lists it in JSON with no diagnostics', () => {
    const r = run(['--format', 'json', 'good'], { cwd: tmp });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toEqual({
      version: 1,
      files: [{ path: 'good/config.json', kind: 'ovms-config', diagnostics: [] }],
      summary: { errors: 0, warnings: 0, infos: 0, files: 1 },
    });
  });

  it('exits 1 on an error and prints the JSON contract of design.md', () => {
    const r = run(['--format', 'json', 'bad/config.json'], { cwd: tmp });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(1);
    const d = report.files[0].diagnostics[0];
    expect(d).toMatchObject({
      ruleId: 'OVMS-SYNTAX-JSON',
      ruleName: 'json-syntax',
      severity: 'error',
      impact: 'startup',
      line: 1,
      column: 25,
      endLine: 1,
      endColumn: 26,
      docsUrl: expect.stringContaining('OVMS-SYNTAX-JSON'),
    });
    expect(d.fixes[0]).toMatchObject({ safe: true, edits: [{ path: 'bad/config.json', line: 1, column: 25, endLine: 1, endColumn: 26, newText: '' }] });
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 0, files: 1 });
  });

  it('does not lint a Hugging Face config.json as an OVMS config', () => {
    const r = run(['--format', 'json', 'hf'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual([]);
  });

  it('prints stylish output with line:col, severity, message, rule id and a summary', () => {
    const r = run(['bad'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad/config.json');
    expect(r.stdout).toMatch(/ {2}1:25 {2}error {2}Trailing comma.* {2}OVMS-SYNTAX-JSON/);
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings, 0 infos)');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('reads standard input under --stdin-filename', () => {
    const r = run(['--stdin', '--stdin-filename', 'x/config.json', '--format', 'json'], { cwd: tmp, input: '{"model_config_list": [] /* c */}' });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].path).toBe('x/config.json');
    expect(report.files[0].diagnostics[0]).toMatchObject({ ruleId: 'OVMS-SYNTAX-JSON', line: 1, column: 26 });
  });

  it('reports an unreadable path, lints the rest, and exits 2', () => {
    const r = run(['--format', 'json', 'missing.json', 'bad'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read missing.json: no such file or directory');
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('exits 2 on a bad argument', () => {
    expect(run(['--format', 'nope', 'good'], { cwd: tmp }).code).toBe(2);
    expect(run(['--max-warnings', 'x', 'good'], { cwd: tmp }).code).toBe(2);
  });

  it('--fail-on and --max-warnings decide the exit code', () => {
    expect(run(['--fail-on', 'error', 'good'], { cwd: tmp }).code).toBe(0);
    expect(run(['--quiet', 'bad'], { cwd: tmp }).code).toBe(1);
  });

  it('prints its version and help', () => {
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Exit codes');
  });

  it('lists rules as JSON', () => {
    const r = run(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout);
    expect(rules.find((x: { id: string }) => x.id === 'OVMS-SYNTAX-JSON')).toMatchObject({ name: 'json-syntax', severity: 'error', impact: 'startup' });
  });

  it('respects .gitignore, skips node_modules and survives a symlink loop', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-walk-'));
    fs.mkdirSync(path.join(d, 'ignored'));
    fs.mkdirSync(path.join(d, 'node_modules/x'), { recursive: true });
    fs.mkdirSync(path.join(d, 'kept'));
    fs.writeFileSync(path.join(d, '.gitignore'), 'ignored/\n');
    for (const sub of ['ignored', 'node_modules/x', 'kept']) fs.writeFileSync(path.join(d, sub, 'config.json'), '{"model_config_list": [],}');
    fs.symlinkSync(d, path.join(d, 'kept/loop'));
    const r = run(['--format', 'json', '.'], { cwd: d });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['kept/config.json']);
  });
});
