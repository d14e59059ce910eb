import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.join(__dirname, '../../dist/cli.js');
const BAD = '{\n  // the models\n  "model_config_list": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}},\n  ]\n}\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpWith(text: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-fix-'));
  fs.writeFileSync(path.join(d, 'config.json'), text);
  return d;
}

describe('--fix, --fix-dry-run', () => {
  it('--fix-dry-run prints a unified diff, writes nothing and exits 1', () => {
    const d = tmpWith(BAD);
    const r = run(['--fix-dry-run', '.'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '--- a/config.json',
        '+++ b/config.json',
        '@@ -1,6 +1,6 @@',
        ' {',
        '-  // the models',
        '+  ',
        '   "model_config_list": [',
        '-    {"config": {"name": "resnet", "base_path": "/models/resnet"}},',
        '+    {"config": {"name": "resnet", "base_path": "/models/resnet"}}',
        '   ]',
        ' }',
        '',
      ].join('\n'),
    );
    expect(fs.readFileSync(path.join(d, 'config.json'), 'utf8')).toBe(BAD);
  });

  it('--fix writes the fixed file and reports what is left (nothing here: exit 0)', () => {
    const d = tmpWith(BAD);
    const r = run(['--fix', '.'], d);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('applied 2 fixes to 1 file');
    expect(fs.readFileSync(path.join(d, 'config.json'), 'utf8')).toBe('{\n  \n  "model_config_list": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}}\n  ]\n}\n');
    expect(run(['--fix-dry-run', '.'], d)).toMatchObject({ code: 0, stdout: '' });
  });

  it('never writes standard input back', () => {
    const d = tmpWith('{"model_config_list": []}\n');
    const r = spawnSync(process.execPath, [CLI, '--fix', '--stdin', '--stdin-filename', 'config.json'], { cwd: d, input: BAD, encoding: 'utf8' });
    expect(r.stderr).toContain('not writing fixes to standard input');
    expect(fs.readFileSync(path.join(d, 'config.json'), 'utf8')).toBe('{"model_config_list": []}\n');
  });
});
