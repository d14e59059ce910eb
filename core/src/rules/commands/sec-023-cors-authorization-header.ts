import { apiKey } from './exposure';
import { commandRule } from './define';

export const sec023 = commandRule(
  {
    id: 'OVMS-SEC-023',
    name: 'cors-authorization-header',
    severity: 'info',
    impact: 'request',
    tags: ['cors', 'auth'],
    title: 'Browser clients with an API key, but `Authorization` not allowed explicitly',
    description: 'Reports an OVMS with an API key and a specific `--allowed_origins` (browser use intended) whose `--allowed_headers` is unset, `*`, or lacks `Authorization`.',
    why: 'Per the Fetch standard "the Authorization header can\'t be wildcarded and always needs to be listed explicitly"; OVMS forwards the raw value (src/drogon_http_server.cpp:149-151), so browsers refuse to send the key.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key --allowed_origins https://ui.example.com', valid: 'ovms --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key --allowed_origins https://ui.example.com --allowed_headers Authorization,Content-Type' },
    fix: '`--allowed_headers Authorization,Content-Type`.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves) return;
    const key = apiKey(a);
    if (key !== 'file' && key !== 'env') return;
    const origins = a.str('allowed_origins');
    if (!origins || origins === '*') return;
    const headers = a.has('allowed_headers') ? a.str('allowed_headers') : '*';
    if (headers === undefined || (headers !== '*' && /(^|,)\s*authorization\s*(,|$)/i.test(headers))) return;
    ctx.report({ span: (a.use('allowed_headers') ?? a.use('allowed_origins'))!.span, key: 'allowed_headers', message: 'Browser clients must send the API key in `Authorization`, but the CORS headers do not list it explicitly (a `*` does not cover Authorization): browsers will not send the key and every request fails. Add `--allowed_headers Authorization,Content-Type`.' });
  },
);
