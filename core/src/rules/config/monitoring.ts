import type { ConfigDocument } from '../../documents';
import { didYouMeanSuffix } from '../../text/suggest';
import type { ConfigRule, RuleContext } from '../types';
import { METRIC_NAMES } from './keys';
import { configIndex, reportSchemaIssues } from './schema-analysis';
import { valueAt } from './schema-messages';

export const monitoring: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-015',
    name: 'monitoring-block',
    severity: 'error',
    impact: 'startup',
    tags: ['schema', 'metrics'],
    appliesTo: ['ovms-config'],
    title: 'monitoring block is invalid or names an unsupported metric',
    description:
      'monitoring must be {"metrics": {"enable": true|false, "metrics_list": [...]}}: `enable` is required, no other keys (not even `endpoint_path`, which the C++ reads but the schema rejects). Every name in metrics_list must be a metric family OVMS accepts, listed once; `ovms_graph_request_latency_us` is documented and emitted but cannot be listed.',
    why:
      'The block is part of MODELS_CONFIG_SCHEMA (src/schema.cpp:400-424), so a shape error rejects the whole config.json. The names are checked right after the schema on the first load: an unknown name, or one listed twice, logs "Metrics family name not supported" and OVMS exits with INVALID_METRICS_FAMILY_NAME (src/metrics/metric_config.cpp:120-145), one of the only four classes of config problems that abort start-up.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [],\n "monitoring": {"metrics": {"enable": true, "metrics_list": ["ovms_requests_success", "ovms_graph_request_latency_us"]}}}',
      valid: '{"model_config_list": [],\n "monitoring": {"metrics": {"enable": true, "metrics_list": ["ovms_requests_success", "ovms_graph_processing_time_us"]}}}',
    },
    fix: 'Use the accepted metric family names, each once; drop metrics_list to get the default set.',
  },
  check(ctx) {
    reportSchemaIssues(ctx, 'OVMS-CFG-015');
    if (ctx.doc.kind === 'ovms-config') checkNames(ctx);
  },
};

function checkNames(ctx: RuleContext<ConfigDocument>): void {
  const ix = configIndex(ctx.doc);
  const list = valueAt(ix.value, ['monitoring', 'metrics', 'metrics_list']);
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((name, i) => {
    if (typeof name !== 'string') return;
    const ptr = `/monitoring/metrics/metrics_list/${i}`;
    const n = ix.nodes.get(ptr)?.node;
    if (!n) return;
    const span = { start: n.offset, end: n.offset + n.length };
    if (!METRIC_NAMES.includes(name)) {
      const msg =
        name === 'ovms_graph_request_latency_us'
          ? '`ovms_graph_request_latency_us` is emitted by OVMS and documented (docs/metrics.md), but it is not in the set metrics_list accepts'
          : `Unknown metric family \`${name}\``;
      ctx.report({
        span,
        key: ptr,
        message: `${msg}; OVMS logs "Metrics family name not supported" and exits at start-up (INVALID_METRICS_FAMILY_NAME).${didYouMeanSuffix(name, METRIC_NAMES)} Accepted names: ${METRIC_NAMES.join(', ')}.`,
      });
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      const f = ix.nodes.get(`/monitoring/metrics/metrics_list/${first}`)!.node;
      ctx.report({
        span,
        key: ptr,
        message: `Metric \`${name}\` is listed twice; OVMS treats the repeated name as unsupported ("Metrics family name not supported") and exits at start-up. Remove the second entry.`,
        related: [{ file: ctx.file.path, span: { start: f.offset, end: f.offset + f.length }, message: 'first listed here' }],
      });
      return;
    }
    seen.set(name, i);
  });
}
