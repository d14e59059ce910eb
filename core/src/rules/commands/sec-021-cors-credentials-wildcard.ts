import { commandRule } from './define';

export const sec021 = commandRule(
  {
    id: 'OVMS-SEC-021',
    name: 'cors-credentials-with-wildcard',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'cors'],
    cwe: 942,
    title: '`--allow_credentials` with a wildcard origin',
    description: 'Reports `--allow_credentials` (true) while `--allowed_origins` is unset or `*`.',
    why: 'OVMS then sends `Access-Control-Allow-Credentials: true` with `Access-Control-Allow-Origin: *` (src/drogon_http_server.cpp:138-144): browsers refuse credentialed requests to a wildcard origin, and the combination signals the intent to expose authenticated APIs cross-site.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allow_credentials', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allow_credentials --allowed_origins https://ui.example.com' },
    fix: 'Name the one origin allowed, or drop `--allow_credentials` (OVMS uses bearer keys, not cookies).',
  },
  (ctx, _cmd, a) => {
    const u = a.use('allow_credentials');
    if (!u || !a.serves) return;
    if (u.value && a.str('allow_credentials') !== undefined && /^(false|False|f|F|0)$/.test(a.str('allow_credentials')!)) return;
    if (a.has('allowed_origins') && a.str('allowed_origins') !== '*') return;
    ctx.report({ span: u.span, key: 'allow_credentials', message: '`--allow_credentials` with the wildcard origin `*`: browsers reject credentialed cross-site requests to `*`, and allowing credentials for every site is never what is wanted. Name the one allowed origin with `--allowed_origins`, or drop `--allow_credentials`.' });
  },
);
