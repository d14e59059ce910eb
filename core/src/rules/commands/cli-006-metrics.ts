import { parseBool } from '../../flags/values';
import { isKnown } from '../../flags/words';
import { commandRule } from './define';

export const cli006 = commandRule(
  {
    id: 'OVMS-CLI-006',
    name: 'metrics-flags',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'metrics'],
    title: 'Metrics enabled without REST, or a metrics list without `--metrics_enable`',
    description: 'Reports `--metrics_enable` without `--rest_port`, and `--metrics_list` without `--metrics_enable`.',
    why: 'Metrics are served on the REST port. Config::validate() refuses to start with "rest_port setting is missing, metrics are enabled on rest port" and "metrics_enable setting is missing, required when metrics_list is provided" (src/config.cpp:292-300).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --metrics_enable', valid: 'ovms --config_path /models/config.json --port 9000 --rest_port 8000 --metrics_enable' },
    fix: 'Add `--rest_port`, and `--metrics_enable` whenever `--metrics_list` is given.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    const me = a.use('metrics_enable');
    const enabled = me ? (me.value ? (isKnown(me.value) ? parseBool(me.value.value) : undefined) : true) : false;
    if (me && enabled === true && a.port('rest_port') === 0 && !a.opaque) {
      ctx.report({ span: me.span, key: 'metrics_enable', message: '`--metrics_enable` without `--rest_port`: OVMS refuses to start ("rest_port setting is missing, metrics are enabled on rest port") because /metrics is served on the REST port. Add `--rest_port`.' });
    }
    const ml = a.use('metrics_list');
    if (ml && enabled === false && !a.opaque) {
      ctx.report({ span: ml.span, key: 'metrics_list', message: '`--metrics_list` without `--metrics_enable`: OVMS refuses to start ("metrics_enable setting is missing, required when metrics_list is provided"). Add `--metrics_enable`.' });
    }
  },
);
