import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const sec016 = commandRule(
  {
    id: 'OVMS-SEC-016',
    name: 'api-key-source',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'auth'],
    cwe: 306,
    title: 'API key that silently disables authentication, or cannot be read',
    description: 'Reports `API_KEY` set to an empty string (authentication off), `--api_key_file` on a path no volume of the container provides (OVMS cannot open it: start-up error), and both `--api_key_file` and `API_KEY` set (the variable is ignored, info).',
    why: 'An empty key disables the check (src/http_rest_api_handler.cpp:730); an unreadable file throws "Error reading API key file: Unable to open file" and OVMS exits; the variable is read only when no file is given (src/cli_parser.cpp:625-645; reference ovms-config.md §5).',
    example: { language: 'shell', invalid: 'docker run -e API_KEY= openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -v /srv/secrets/ovms_key:/run/secrets/key:ro openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key' },
    fix: 'Mount the key file read-only and point `--api_key_file` at it; do not set `API_KEY` at the same time.',
  },
  (ctx, cmd, a) => {
    if (a.mode === 'help') return;
    const env = a.env('API_KEY');
    const file = a.use('api_key_file');
    if (env?.value && env.value.value === '' && !file) {
      ctx.report({ span: env.span, key: 'API_KEY', message: '`API_KEY` is set to an empty string: OVMS treats an empty key as no key and authentication is silently off. Set a real key, or better `--api_key_file` with a mounted secret.' });
    }
    if (file && env) {
      ctx.report({ span: env.span, key: 'API_KEY', severity: 'info', impact: 'advice', message: '`API_KEY` is ignored because `--api_key_file` is given: OVMS reads the variable only without a key file. Remove one of them so it is clear which key is in force.' });
    }
    const path = a.str('api_key_file');
    const c = cmd.container;
    if (file && path && path.startsWith('/') && c && c.engine !== 'dockerfile' && !a.opaque) {
      const m = mountOf(cmd, path);
      if (!m || m.type === 'tmpfs') {
        ctx.report({ span: file.value!.span, key: 'api_key_file', severity: 'error', impact: 'startup', message: `No volume of the container provides \`${path}\`: OVMS cannot open it and exits ("Error reading API key file: Unable to open file"). Mount the key file read-only at that path (e.g. \`-v /srv/secrets/ovms_key:${path}:ro\`).` });
      }
    }
  },
);
