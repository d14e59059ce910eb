/** The CLI on MediaPipe graphs: `.pbtxt` files and graph content in other files, JSON contract. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = path.join(__dirname, '../../dist/cli.js');
let tmp: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  expect(fs.existsSync(CLI), 'run `npm run build` first').toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-graph-'));
  fs.writeFileSync(path.join(tmp, 'graph.pbtxt'), 'input_stream: "A:a"\nnode {\n  calculator: "X"\n  input_stream: "A:a"\n  output_stream: "B:b"\n}\noutput_stream: "B:b"\n');
  fs.writeFileSync(path.join(tmp, 'broken.pbtxt'), 'node {\n  calculator: "X\n  num_thread: 4\n');
  // no .pbtxt extension: recognised by its content
  fs.writeFileSync(path.join(tmp, 'graph.txt'), '# a graph\nnode {\n  calculator: "X"\n  input_stream: "A:a"\n  output_stream: "B:b"\n}\n');
});

describe('ovms-lint on graphs', () => {
  it('reports syntax and unknown-field errors of a .pbtxt with exact positions (JSON contract)', () => {
    const r = run(['--format', 'json', 'broken.pbtxt']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: 'broken.pbtxt', kind: 'mediapipe-graph' });
    const mine = new Set(['OVMS-SYNTAX-PBTXT', 'OVMS-GRAPH-001']); // other graph rules may fire too
    const d = report.files[0].diagnostics.filter((x: { ruleId: string }) => mine.has(x.ruleId)).map((x: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; impact: string }) => [x.ruleId, x.line, x.column, x.endLine, x.endColumn, x.impact]);
    expect(d).toEqual([
      ['OVMS-SYNTAX-PBTXT', 1, 6, 1, 7, 'load'],
      ['OVMS-SYNTAX-PBTXT', 2, 15, 2, 17, 'load'],
      ['OVMS-GRAPH-001', 3, 3, 3, 13, 'load'],
    ]);
  });
  it('lints .pbtxt files and files whose content is a graph as mediapipe-graph', () => {
    const r = run(['--format', 'json', 'graph.pbtxt', 'graph.txt']);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string; kind: string }) => [f.path, f.kind])).toEqual([
      ['graph.pbtxt', 'mediapipe-graph'],
      ['graph.txt', 'mediapipe-graph'],
    ]);
    for (const f of report.files) expect(f.diagnostics.filter((x: { ruleId: string }) => x.ruleId === 'OVMS-SYNTAX-PBTXT' || x.ruleId === 'OVMS-GRAPH-001')).toEqual([]);
  });
});
