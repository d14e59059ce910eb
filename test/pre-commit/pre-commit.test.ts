/**
 * The real pre-commit (Debian package `pre-commit`, installed by .ci/run) installs ovms-lint from
 * this repository as a `language: node` hook and runs it on a temporary git repository: the hook
 * fails on a bad config.json and prints our findings; after the fix it passes.
 *
 * The hook repository is a snapshot of this working tree (tracked and untracked, not ignored
 * files) committed into a temporary repository, so that uncommitted work is tested as pre-commit
 * would install it from git. Each `try-repo` installs the hook afresh (npm install of the
 * repository, whose postinstall builds dist/cli.js), which takes minutes: this test runs in
 * `npm run test:pre-commit` (called by .ci/run), not in `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function snapshotHookRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-hookrepo-'));
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, f));
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'snapshot');
  return dir;
}

function tryRepo(project: string, hookRepo: string, home: string, ...args: string[]) {
  const r = spawnSync('pre-commit', ['try-repo', hookRepo, ...args, '--all-files', '--color', 'never'], {
    cwd: project,
    encoding: 'utf8',
    // prefer npm's cache (filled by `npm ci`): the registry is only asked for what is missing
    env: { ...process.env, PRE_COMMIT_HOME: home, NPM_CONFIG_PREFER_OFFLINE: 'true', NO_COLOR: '1' },
    timeout: 540_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pre-commit hook (language: node)', () => {
  it('fails on a bad config.json with our findings, passes after the fix', () => {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    expect(version.status, 'pre-commit is not installed: apt-get install -y pre-commit (.ci/run does)').toBe(0);

    const hookRepo = snapshotHookRepo();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-pre-commit-home-'));
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-project-'));
    fs.writeFileSync(path.join(project, 'config.json'), '{"model_config_list": [],}\n');
    fs.writeFileSync(path.join(project, 'package.json'), '{"name": "not-an-ovms-config"}\n');
    fs.mkdirSync(path.join(project, 'graphs'));
    fs.writeFileSync(path.join(project, 'graphs/graph.pbtxt'), 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\n');
    fs.writeFileSync(path.join(project, 'start.sh'), '#!/bin/sh\novms --config_path /models/config.json --port 9000\n');
    git(project, 'init', '-q');
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '-m', 'deployment');

    const bad = tryRepo(project, hookRepo, home);
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toMatch(/ovms-lint \(OVMS config\.json, subconfig\.json, \.ovms-lint\.json\)\.+Failed/);
    expect(bad.out).toMatch(/config\.json\n {2}1:25 {2}error {2}Trailing comma: OVMS reads config files as strict JSON.* {2}OVMS-SYNTAX-JSON/);
    // the other hooks select their files (a run, not "(no files to check)Skipped")
    expect(bad.out).toMatch(/ovms-lint \(MediaPipe graphs\)\.+(Passed|Failed)/);
    expect(bad.out).toMatch(/ovms-lint \(OVMS command lines\)\.+(Passed|Failed)/);

    fs.writeFileSync(path.join(project, 'config.json'), '{"model_config_list": []}\n');
    git(project, 'commit', '-q', '-am', 'fix');
    const good = tryRepo(project, hookRepo, home, 'ovms-lint-config');
    expect(good.out).toMatch(/ovms-lint \(OVMS config\.json, subconfig\.json, \.ovms-lint\.json\)\.+Passed/);
    expect(good.code, good.out).toBe(0);
  }, 600_000);
});
