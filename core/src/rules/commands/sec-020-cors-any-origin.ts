import { atLeast } from './analysis';
import { apiKey, exposure } from './exposure';
import { commandRule } from './define';

export const sec020 = commandRule(
  {
    id: 'OVMS-SEC-020',
    name: 'cors-any-origin',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'cors'],
    cwe: 942,
    title: 'CORS allows any origin (the default)',
    description: 'Reports a serving OVMS (2025.3 or newer) with REST enabled and `--allowed_origins` unset or `*`. A warning without an API key, info with one.',
    why: 'OVMS adds `Access-Control-Allow-Origin: *` (and methods/headers `*`) to every REST response by default (src/drogon_http_server.cpp:136-152): any web page a user opens can drive the OVMS that user can reach — a local or intranet server — from the browser.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_origins https://ui.example.com' },
    fix: '`--allowed_origins https://your-ui.example` (exactly one origin), or `--allowed_origins ""` to send no CORS header.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves || !atLeast(a, '2025.3') || a.opaque) return;
    const r = exposure(a, 'rest');
    if (r.reach === 'off') return;
    const o = a.use('allowed_origins');
    const v = a.str('allowed_origins');
    if (o && v !== '*') return;
    const key = apiKey(a);
    const withKey = key === 'file' || key === 'env';
    ctx.report({
      span: o ? o.span : r.span,
      key: 'allowed_origins',
      ...(withKey ? { severity: 'info' as const } : {}),
      message: `CORS allows every origin${o ? '' : ' (the default `--allowed_origins *`)'}: any web page opened by someone who can reach this OVMS can call its REST API from their browser${withKey ? '' : ', and there is no API key'}. Set \`--allowed_origins https://your-ui.example\`, or \`--allowed_origins ""\` when no browser client needs it.`,
    });
  },
);
