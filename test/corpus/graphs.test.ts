/**
 * The real-world check of the graph rules (issue #4): every ovms-demos deployment in the shared
 * corpus lints without a load/startup finding from the MediaPipe and OVMS graph rules, and the
 * findings these rules do report are listed here with the reason each is right. Corpus files are
 * flattened (`__` in names), so cross-file links mostly do not resolve: graphs are judged alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../core/src';
import { nodeHost } from '../../core/src/host-node';
import { mpRules } from '../../core/src/rules/mp';
import { ovmsGraphRules } from '../../core/src/rules/graph/ovms-graph-rules';

const ROOT = path.join(__dirname, '../..');
const CORPUS = [process.env.OVMS_LINT_CORPUS, path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')].find((c) => c && fs.existsSync(c));
if (!CORPUS) console.warn('graph corpus test skipped: the shared corpus is absent');

const MINE = new Set([...mpRules, ...ovmsGraphRules].map((r) => r.meta.id));

/** [file, rule, line, column, why it is right] */
const EXPECTED: [string, string, number, number, string][] = [
  ['demos__continuous_batching__graph.pbtxt', 'OVMS-LLM-001', 17, 7, 'LLMCalculatorOptions without max_tokens_limit: no cap since 2025.1'],
  ['demos__continuous_batching__graph.pbtxt', 'OVMS-LLM-002', 21, 23, 'cache_size: 0 = dynamic KV cache, unbounded by OVMS'],
  ['demos__continuous_batching__graph_gpu.pbtxt', 'OVMS-LLM-001', 17, 7, 'LLMCalculatorOptions without max_tokens_limit: no cap since 2025.1'],
  ['demos__continuous_batching__graph_gpu.pbtxt', 'OVMS-LLM-002', 23, 23, 'cache_size: 0 = dynamic KV cache, unbounded by OVMS'],
  ['demos__python_demos__clip_image_classification__servable__graph.pbtxt', 'OVMS-SEC-051', 31, 21, 'a Python node runs its handler in the server process (info: absolute path, directory not visible)'],
  ['demos__python_demos__clip_image_classification__servable__graph.pbtxt', 'OVMS-SEC-051', 121, 21, 'the second Python node of the same graph, same reason'],
];

describe.skipIf(!CORPUS)('graph rules on the ovms-demos corpus', () => {
  const dir = path.join(CORPUS ?? '', 'ovms-demos');
  const files = CORPUS ? fs.readdirSync(dir).filter((f) => /\.(json|pbtxt)$/.test(f)).sort() : [];
  const result = CORPUS ? lint(files.map((f) => ({ path: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') })), { host: nodeHost }) : undefined;

  it('no graph rule reports a load or startup failure on a real demo', () => {
    expect(result!.ruleFailures).toEqual([]);
    const fatal = result!.files.flatMap((f) => f.findings.filter((d) => MINE.has(d.ruleId) && (d.impact === 'load' || d.impact === 'startup')).map((d) => `${path.basename(f.path)} ${d.ruleId} ${d.message}`));
    expect(fatal).toEqual([]);
  });

  it('reports exactly the expected findings, each for a stated reason', () => {
    const actual = result!.files.flatMap((f) =>
      f.findings.filter((d) => MINE.has(d.ruleId)).map((d) => {
        const p = f.file.positionAt(d.span.start);
        return [path.basename(f.path), d.ruleId, p.line, p.column];
      }),
    );
    expect(actual).toEqual(EXPECTED.map(([f, r, l, c]) => [f, r, l, c]));
    expect(result!.files.filter((f) => f.kind === 'mediapipe-graph').length).toBeGreaterThanOrEqual(9);
  });
});
