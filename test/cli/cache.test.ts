/**
 * --cache: a re-run on an unchanged tree does no linting (counted with a probe rule that runs on
 * every config), and any change to an input or to a file the run read through the host (a
 * settings file, a directory a config names, a settings file that appears) re-lints.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../core/src';
import type { ConfigRule, Rule } from '../../core/src/rules/types';
import { run } from '../../cli/src/main';

let runs = 0;
const probe: ConfigRule = {
  target: 'config',
  meta: { ...allRules[0]!.meta, id: 'OVMS-TEST-COUNT', name: 'test-count' },
  check: () => void runs++,
};

beforeAll(() => void (allRules as Rule[]).push(probe));
afterAll(() => void (allRules as Rule[]).splice((allRules as Rule[]).indexOf(probe), 1));

async function lintDir(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const before = runs;
  const code = await run(['--cache', '-f', 'json', ...args, '.'], {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: () => '',
    cwd,
    isTTY: false,
    env: {},
  });
  return { code, report: JSON.parse(out), err, ruleRuns: runs - before };
}

describe('--cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-cache-'));
  const config = '{"model_config_list": [{"config": {"name": "resnet", "base_path": "models/resnet", "batch_size": "x"}}]}\n';
  fs.writeFileSync(path.join(dir, 'config.json'), config);
  fs.mkdirSync(path.join(dir, 'deploy'));

  it('lints on the first run and stores the result', async () => {
    const r = await lintDir(dir);
    expect(r.ruleRuns).toBe(1);
    expect(fs.existsSync(path.join(dir, '.ovms-lint-cache'))).toBe(true);
    expect(r.report.files.map((f: { path: string }) => f.path)).toEqual(['config.json']);
  });

  it('does no linting when nothing changed, and reports the same', async () => {
    const first = await lintDir(dir);
    const again = await lintDir(dir);
    expect(again.ruleRuns).toBe(0);
    expect(again.report).toEqual(first.report);
    expect(again.code).toBe(first.code);
  });

  it('re-lints when an input changes', async () => {
    fs.writeFileSync(path.join(dir, 'config.json'), config.replace('"x"', '"y"'));
    expect((await lintDir(dir)).ruleRuns).toBe(1);
    expect((await lintDir(dir)).ruleRuns).toBe(0);
  });

  it('re-lints when a file the run only looked for appears (a settings file above the inputs)', async () => {
    fs.writeFileSync(path.join(dir, 'deploy/x.txt'), 'not linted');
    expect((await lintDir(dir)).ruleRuns).toBe(0); // not an input, never read
    fs.writeFileSync(path.join(dir, '.ovms-lint.json'), '{"rules": {"OVMS-CFG-006": "off"}}');
    const r = await lintDir(dir);
    expect(r.ruleRuns).toBe(1);
    expect(r.report.files.find((f: { path: string }) => f.path === 'config.json').diagnostics.some((d: { ruleId: string }) => d.ruleId === 'OVMS-CFG-006')).toBe(false);
  });

  it('re-lints when a file read through the host changes (the settings file)', async () => {
    expect((await lintDir(dir)).ruleRuns).toBe(0);
    fs.writeFileSync(path.join(dir, '.ovms-lint.json'), '{"rules": {"OVMS-CFG-006": "error"}}');
    const r = await lintDir(dir);
    expect(r.ruleRuns).toBe(1);
    expect(r.report.files.find((f: { path: string }) => f.path === 'config.json').diagnostics.find((d: { ruleId: string }) => d.ruleId === 'OVMS-CFG-006').severity).toBe('error');
  });

  it('re-lints when a directory a config names appears (a stat the rules made)', async () => {
    expect((await lintDir(dir)).ruleRuns).toBe(0);
    fs.mkdirSync(path.join(dir, 'models/resnet/1'), { recursive: true });
    expect((await lintDir(dir)).ruleRuns).toBe(1);
  });

  it('options that change results are part of the key', async () => {
    expect((await lintDir(dir)).ruleRuns).toBe(0);
    expect((await lintDir(dir, '--no-inline-config')).ruleRuns).toBe(1);
    expect((await lintDir(dir, '--no-inline-config')).ruleRuns).toBe(0);
    expect((await lintDir(dir)).ruleRuns).toBe(0); // both runs stay cached
  });
});
