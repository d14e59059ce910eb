import { atLeast } from './analysis';
import { exposure } from './exposure';
import { commandRule } from './define';

export const sec024 = commandRule(
  {
    id: 'OVMS-SEC-024',
    name: 'cors-any-method',
    severity: 'info',
    impact: 'advice',
    tags: ['security', 'cors', 'hardening'],
    title: 'CORS allows every method (the default)',
    description: 'Reports a serving OVMS (2025.3 or newer) with REST enabled, a restricted `--allowed_origins`, and `--allowed_methods` unset or `*`.',
    why: 'The default is `*` (src/cli_parser.cpp:182-185); OVMS needs only GET, POST and OPTIONS.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_origins https://ui.example.com', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_origins https://ui.example.com --allowed_methods GET,POST,OPTIONS' },
    fix: '`--allowed_methods GET,POST,OPTIONS`.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves || !atLeast(a, '2025.3')) return;
    const origins = a.str('allowed_origins');
    if (origins === undefined || origins === '*' || origins === '') return; // OVMS-SEC-020 covers the wildcard origin
    if (exposure(a, 'rest').reach === 'off') return;
    const m = a.use('allowed_methods');
    if (m && a.str('allowed_methods') !== '*') return;
    ctx.report({ span: m ? m.span : a.use('allowed_origins')!.span, key: 'allowed_methods', message: 'CORS allows every HTTP method (`*`) for the allowed origin, while OVMS needs only GET, POST and OPTIONS. Add `--allowed_methods GET,POST,OPTIONS`.' });
  },
);
