import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIX = path.join(ROOT, 'test/fixtures/formats');

function run(args: string[], cwd = FIX) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  expect(fs.existsSync(CLI), 'run `npm run build` first').toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-out-'));
});

describe('several outputs in one run', () => {
  it('writes SARIF to a file and stylish to stdout', () => {
    const out = path.join(tmp, 'sub/out.sarif');
    const r = run(['--format', `sarif:${out}`, '--format', 'stylish', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 problems (2 errors, 0 warnings, 0 infos)');
    const log = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(log.runs[0].results.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0]!.physicalLocation.region.startLine)).toEqual([2, 4, 1]); // the third is the waived one
  });
  it('--output-file takes the formats given without a file', () => {
    const out = path.join(tmp, 'report.xml');
    const r = run(['-f', 'junit', '-o', out, '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toContain('<testsuites name="ovms-lint" tests="5" failures="2" errors="0">');
  });
  it('refuses two formats on one destination and an unknown format (exit 2)', () => {
    const a = run(['-f', 'json', '-f', 'stylish', '.']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('two formats write to standard output');
    const b = run(['-f', 'sarif2', '.']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('unknown format "sarif2"');
  });
  it('prints github annotations', () => {
    const r = run(['-f', 'github', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(/^::error file=bad\/config\.json,line=4,col=66,endLine=4,endColumn=67,title=OVMS-SYNTAX-JSON \(json-syntax\)::Trailing comma/);
  });
});

describe('explain', () => {
  it('prints a rule page by id, alias or name', () => {
    for (const id of ['OVMS-SYNTAX-JSON', 'OVMS-CFG-001', 'json-syntax']) {
      const r = run(['explain', id]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^OVMS-SYNTAX-JSON: json-syntax\n/);
      expect(r.stdout).toContain('## Why it matters');
      expect(r.stdout).toContain('Docs: https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md');
    }
  });
  it('suggests a close id for an unknown one and exits 2', () => {
    const r = run(['explain', 'OVMS-SYNTAX-JSN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no rule "OVMS-SYNTAX-JSN". Did you mean `OVMS-SYNTAX-JSON`?');
  });
});
