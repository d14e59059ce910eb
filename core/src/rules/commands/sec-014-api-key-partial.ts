import { apiKey, beyondLoopback, exposure } from './exposure';
import { commandRule } from './define';

export const sec014 = commandRule(
  {
    id: 'OVMS-SEC-014',
    name: 'api-key-partial-protection',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'auth'],
    cwe: 306,
    title: 'API key set, but gRPC or metrics stay open',
    description: 'Reports an OVMS that has an API key (`--api_key_file` or `API_KEY`) and also serves gRPC (`--port`) or `/metrics` to other machines: the key does not cover them.',
    why: 'Only the OpenAI-style POST handler checks the key (src/http_rest_api_handler.cpp:668-683,721-733); `/v3/models`, the KServe `/v2` routes, `/metrics`, `/v1/config` and the whole gRPC API do not. docs/security_considerations.md scopes the key to "Generative endpoints starting with /v3".',
    example: { language: 'shell', invalid: 'docker run -p 8000:8000 -p 9000:9000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --port 9000 --api_key_file /run/secrets/key', valid: 'docker run -p 8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key' },
    fix: 'Keep gRPC and metrics on loopback or behind an authenticating proxy; treat the API key as protection of /v3 only.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves) return;
    const key = apiKey(a);
    if (key !== 'file' && key !== 'env') return;
    const g = exposure(a, 'grpc');
    if (beyondLoopback(g.reach)) {
      ctx.report({ span: g.span, key: 'port', message: `The API key does not protect gRPC: port ${g.port ?? '…'} is reachable from other machines and accepts every request without authentication. Keep gRPC on loopback (\`--grpc_bind_address 127.0.0.1\`), drop \`--port\`, or put an authenticating proxy in front.` });
    }
    const me = a.use('metrics_enable');
    const r = exposure(a, 'rest');
    if (me && a.str('metrics_enable') !== 'false' && beyondLoopback(r.reach)) {
      ctx.report({ span: me.span, key: 'metrics_enable', message: 'The API key does not protect /metrics: it is served on the REST port, reachable from other machines, and tells anyone the model names, versions and request counts. Scrape it through a private network or a proxy ACL.' });
    }
  },
);
