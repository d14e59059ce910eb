import { beyondLoopback, exposure } from './exposure';
import { commandRule } from './define';

export const sec018 = commandRule(
  {
    id: 'OVMS-SEC-018',
    name: 'metrics-exposed',
    severity: 'info',
    impact: 'exposure',
    tags: ['security', 'metrics'],
    title: 'Metrics endpoint reachable from the network',
    description: 'Reports `--metrics_enable` with the REST API reachable from other machines.',
    why: '/metrics shares the REST port (docs/metrics.md) and reveals model and graph names, versions and request counts; the API key does not cover it.',
    example: { language: 'shell', invalid: 'docker run -p 8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --metrics_enable', valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --metrics_enable' },
    fix: 'Scrape metrics through a private network or a proxy ACL.',
  },
  (ctx, _cmd, a) => {
    const me = a.use('metrics_enable');
    if (!me || !a.serves || a.str('metrics_enable') === 'false' || a.str('metrics_enable') === '0') return;
    if (!beyondLoopback(exposure(a, 'rest').reach)) return;
    ctx.report({ span: me.span, key: 'metrics_enable', message: '/metrics is served on a REST port reachable from other machines, without authentication: it tells anyone which models run, their versions and load. Restrict it to the monitoring network (proxy ACL) or keep REST on loopback.' });
  },
);
