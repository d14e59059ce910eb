import { beyondLoopback, exposure } from './exposure';
import { commandRule } from './define';

export const sec015 = commandRule(
  {
    id: 'OVMS-SEC-015',
    name: 'config-reload-reachable',
    severity: 'info',
    impact: 'exposure',
    tags: ['security', 'network'],
    title: 'Config reload and status endpoints reachable from the network',
    description: 'Reports `--config_path` with the REST API reachable from other machines.',
    why: '`POST /v1/config/reload` triggers a full reload on demand and `/v1/config` lists every servable (docs/online_config_changes.md); neither checks the API key (src/http_rest_api_handler.cpp:96-97,165-170). With a writable config (OVMS-SEC-007/-053) a network client can activate changes immediately.',
    example: { language: 'shell', invalid: 'docker run -p 8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Block `/v1/config*` at the proxy, or keep REST on loopback.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves || !a.has('config_path')) return;
    const r = exposure(a, 'rest');
    if (!beyondLoopback(r.reach)) return;
    ctx.report({ span: a.use('config_path')!.span, key: 'config_path', message: `With \`--config_path\`, the REST API reachable from other machines also serves \`POST /v1/config/reload\` and \`/v1/config\`, unauthenticated: anyone can list your servables and force reloads. Block \`/v1/config*\` at a proxy or keep REST on loopback.` });
  },
);
