import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  expect(fs.existsSync(CLI), 'run `npm run build` first').toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-settings-'));
  fs.mkdirSync(path.join(tmp, 'deploy/models'), { recursive: true });
  fs.writeFileSync(path.join(tmp, '.ovms-lint.json'), JSON.stringify({ options: { cores: 32 }, rules: { 'OVMS-CFG-006': 'error' } }));
  fs.writeFileSync(
    path.join(tmp, 'deploy/.ovms-lint.json'),
    JSON.stringify({ extends: '../.ovms-lint.json', waivers: [{ rule: 'config-field-type', files: 'config.json', reason: 'checked by hand' }] }),
  );
  fs.writeFileSync(path.join(tmp, 'deploy/config.json'), '{"model_config_list": [{"config": {"name": "a", "base_path": "/m", "batch_size": "x"}}]}\n');
  fs.writeFileSync(path.join(tmp, 'deploy/models/graph.pbtxt'), '# ovms-lint-disable-next-line OVMS-GRAPH-007 -- never fires here\ninput_stream: "in"\noutput_stream: "out"\nnode { calculator: "PassThroughCalculator" input_stream: "in" output_stream: "out" }\n');
});

describe('settings and suppressions on the command line', () => {
  it('--print-config shows the settings in force for a file', () => {
    const r = run(['--print-config', 'deploy/config.json'], tmp);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.settingsFiles).toEqual([path.join(tmp, '.ovms-lint.json'), path.join(tmp, 'deploy/.ovms-lint.json')]);
    expect(c.options).toEqual({ cores: 32, nofile: 1048576, ovmsVersion: '2026.3', calculators: [] });
    expect(c.rules).toEqual({ 'OVMS-CFG-006': 'error' });
    expect(c.waivers).toMatchObject([{ rules: ['OVMS-CFG-006'], files: ['config.json'], reason: 'checked by hand' }]);
    expect(c.problems).toEqual([]);
  });

  it('a waived finding does not fail the run; JSON keeps it, marked suppressed', () => {
    const r = run(['-f', 'json', 'deploy'], tmp);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const d = report.files.find((f: { path: string }) => f.path === 'deploy/config.json').diagnostics[0];
    expect(d).toMatchObject({ ruleId: 'OVMS-CFG-006', severity: 'error', suppressed: { kind: 'waiver', reason: 'checked by hand' } });
    expect(report.summary.errors).toBe(0);
  });

  it('--report-unused-disable-directives reports the stale directive; --no-inline-config ignores it', () => {
    const a = run(['--report-unused-disable-directives', 'deploy/models'], tmp);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/1:3 {2}warning {2}OVMS-GRAPH-007 reports nothing on the next line.* {2}OVMS-LINT-004/);
    const b = run(['--report-unused-disable-directives', '--no-inline-config', 'deploy/models'], tmp);
    expect(b.stdout).not.toContain('OVMS-LINT-004');
  });

  it('a mistake in the settings file is a finding in it, with its position', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-bad-settings-'));
    fs.writeFileSync(path.join(d, '.ovms-lint.json'), '{\n  "rules": {"OVMS-CFG-006": "warn"}\n}\n');
    fs.writeFileSync(path.join(d, 'config.json'), '{"model_config_list": []}\n');
    const r = run(['config.json'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.ovms-lint.json');
    expect(r.stdout).toMatch(/2:29 {2}error {2}The severity of "OVMS-CFG-006" must be one of "off", "info", "warning", "error". Did you mean "warning"\? {2}OVMS-LINT-001/);
  });

  it('suppresses real command-line findings inline (with continuation lines) and by a flag waiver', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-inline-'));
    fs.writeFileSync(
      path.join(d, 'start.sh'),
      '#!/bin/sh\n# ovms-lint-disable-next-line OVMS-CLI-003 -- lab port mapping\novms --config_path /models/config.json \\\n  --port 70000\novms --config_path /models/config.json --port 70001\n',
    );
    type D = { ruleId: string; line: number; suppressed?: { reason: string } };
    const cli003 = (stdout: string) => (JSON.parse(stdout).files[0].diagnostics as D[]).filter((x) => x.ruleId === 'OVMS-CLI-003');
    const a = cli003(run(['-f', 'json', 'start.sh'], d).stdout);
    expect(a.map((x: { ruleId: string; line: number; suppressed?: { reason: string } }) => [x.ruleId, x.line, x.suppressed?.reason])).toEqual([
      ['OVMS-CLI-003', 4, 'lab port mapping'],
      ['OVMS-CLI-003', 5, undefined],
    ]);
    fs.writeFileSync(path.join(d, '.ovms-lint.json'), JSON.stringify({ waivers: [{ rule: 'OVMS-CLI-003', flag: '--port', files: '*.sh', reason: 'remapped by the load balancer' }] }));
    const b = cli003(run(['-f', 'json', 'start.sh'], d).stdout);
    expect(b.map((x) => [x.line, x.suppressed?.reason])).toEqual([
      [4, 'lab port mapping'],
      [5, 'remapped by the load balancer'],
    ]);
    expect(run(['start.sh'], d).stdout).not.toContain('OVMS-CLI-003');
  });
});
