/**
 * A command line is linked to the config.json it names through its volume mounts, and what that
 * config serves comes from the deployment model — the model-mesh `<base>/1/graph.pbtxt` layout
 * included — even when the config and its graphs are not among the files linted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, lintPath } from '../helpers/lint-dir';

const FIX = path.join(__dirname, '../fixtures/rules/OVMS-SEC-013');

describe('command line -> config.json -> graphs', () => {
  it('finds a generative graph only reachable through the 1/graph.pbtxt fallback', () => {
    const found = flatten(lintPath(path.join(FIX, 'invalid/mesh.sh')), 'OVMS-SEC-013');
    expect(found.map((f) => [f.file, f.line, f.column, f.endColumn])).toEqual([['mesh.sh', 3, 126, 142]]);
    expect(found[0]!.message).toContain('graph `chat` runs HttpLLMCalculator');
  });

  it('reports the generative graph as related information in the graph file', () => {
    const report = lintPath(path.join(FIX, 'invalid/mesh.sh'));
    const d = report.files.flatMap((f) => f.diagnostics).find((x) => x.ruleId === 'OVMS-SEC-013');
    expect(d?.related?.map((r) => [r.path, r.line, r.column])).toEqual([['mesh/chat/1/graph.pbtxt', 5, 15]]);
  });

  it('stays quiet when the key is set', () => {
    expect(flatten(lintPath(path.join(FIX, 'valid/mesh.sh')), 'OVMS-SEC-013')).toEqual([]);
  });
});

describe('command line -> --model_path graph directory', () => {
  it('knows the deployment is generative from the graph in the mounted --model_path', () => {
    const found = flatten(lintPath(path.join(__dirname, '../fixtures/rules/OVMS-CLI-012/valid/start.sh')), 'OVMS-SEC-013');
    expect(found.map((f) => [f.file, f.line, f.column])).toEqual([['start.sh', 3, 139]]);
    expect(found[0]!.message).toContain('the graph of `--model_path /models/llm` runs HttpLLMCalculator');
  });
});

describe('OVMS-CLI-* fixtures cover every place command lines live', () => {
  const root = path.join(__dirname, '../fixtures/rules');
  const KINDS = ['start.sh', 'README.md', 'docker-compose.yaml', 'k8s.yaml'];
  for (const id of fs.readdirSync(root).filter((d) => d.startsWith('OVMS-CLI-'))) {
    it(`${id}: valid and invalid cases in a shell script, Markdown, compose and Kubernetes`, () => {
      for (const kind of KINDS) expect(fs.existsSync(path.join(root, id, 'valid', kind)), `${id}/valid/${kind}`).toBe(true);
      const expected: { file: string }[] = JSON.parse(fs.readFileSync(path.join(root, id, 'invalid/expected.json'), 'utf8'));
      expect(KINDS.filter((k) => !expected.some((e) => e.file === k)), `${id}/invalid/expected.json`).toEqual([]);
    });
  }
});
