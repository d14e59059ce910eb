// Graph rules throughput (issue #4): a generated graph through lint() — parse, type-check, graph
// model, topology and every graph rule (MP, GRAPH, LLM, DOS) — in MB/s for 2,500, 10,000 and
// 40,000 nodes. Linear cost shows as a flat µs/node column. Budget (design.md): >= 20 MB/s.
//
// The core is bundled with esbuild into a temporary file (plain node cannot import .ts).
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateGraph } from './02-pbtxt.bench.mjs';
import { bigGraph } from './04-lsp.bench.mjs';
import { bundleCore, medianTime, row } from './util.mjs';

export default async function graphBench() {
  const bundle = join(mkdtempSync(join(tmpdir(), 'ovms-lint-bench-graph-')), 'core.mjs');
  await bundleCore("export { lint } from './core/src/lint';\n", bundle);
  const { lint } = await import(pathToFileURL(bundle).href);
  console.log('\n03-graph: lint() of a generated graph (parse + type-check + graph model + all graph rules)');
  const rows = [];
  for (const nodes of [2_500, 10_000, 40_000]) {
    const text = generateGraph(nodes);
    const mb = Buffer.byteLength(text) / 1e6;
    const run = () => lint([{ path: 'graph.pbtxt', text }]);
    const first = run();
    if (first.ruleFailures.length) throw new Error(`rule failures: ${JSON.stringify(first.ruleFailures)}`);
    const findings = first.files[0].findings.length;
    // a lint of a large graph leaves tens of MB of garbage: more runs keep a major collection
    // from deciding the median
    const ms = medianTime(run, nodes <= 10_000 ? 9 : 5);
    rows.push({ nodes, ms });
    row(`  ${nodes} nodes, ${mb.toFixed(2)} MB, ${findings} findings`, `${ms.toFixed(0)} ms  ${(mb / (ms / 1000)).toFixed(1)} MB/s  ${((ms * 1000) / nodes).toFixed(1)} µs/node`);
  }
  const per = rows.map((r) => r.ms / r.nodes);
  row('  cost per node, 40,000 vs 2,500 nodes (1.0 = linear)', (per[2] / per[0]).toFixed(2));

  // The generated graph above is a worst case: no node's input is produced, so it yields two
  // findings per node. A graph OVMS would load is a connected chain (bench/04's realistic graph).
  const chain = bigGraph(6 << 20);
  const mb = Buffer.byteLength(chain) / 1e6;
  const runChain = () => lint([{ path: 'graph.pbtxt', text: chain }]);
  const findings = runChain().files[0].findings.length;
  const ms = medianTime(runChain, 9);
  row(`  connected chain graph, ${mb.toFixed(2)} MB, ${findings} findings`, `${ms.toFixed(0)} ms  ${(mb / (ms / 1000)).toFixed(1)} MB/s`);
  row('  load average (2 cores shared: absolute numbers vary)', loadavg().map((x) => x.toFixed(2)).join(' '));
}
