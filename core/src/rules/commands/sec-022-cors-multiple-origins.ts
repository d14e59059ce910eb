import { commandRule } from './define';

export const sec022 = commandRule(
  {
    id: 'OVMS-SEC-022',
    name: 'cors-multiple-origins',
    severity: 'warning',
    impact: 'request',
    tags: ['cors'],
    title: 'Several origins in `--allowed_origins`',
    description: 'Reports `--allowed_origins` holding a comma- or space-separated list.',
    why: 'The whole string is copied into one `Access-Control-Allow-Origin` header (src/drogon_http_server.cpp:141-144); the CORS specification allows exactly one origin or `*`, so browsers reject every response although docs/parameters.md calls the flag a "comma-separated list".',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_origins https://a.example,https://b.example', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_origins https://a.example' },
    fix: 'One origin per OVMS, or a proxy that reflects an allow-listed `Origin`.',
  },
  (ctx, _cmd, a) => {
    const v = a.str('allowed_origins');
    if (!v || !/[,\s]/.test(v.trim())) return;
    ctx.report({ span: a.use('allowed_origins')!.value!.span, key: 'allowed_origins', message: `\`--allowed_origins\` lists several origins: OVMS sends the whole string as one Access-Control-Allow-Origin header, which browsers reject, so no browser client works. Give one origin, or let a proxy reflect an allow-listed Origin.` });
  },
);
