import { isKnown } from '../../flags/words';
import { commandRule } from './define';

const PLACEHOLDERS = new Set(['unused', 'changeme', 'test', 'secret', 'password', 'api_key', 'apikey', 'key', 'token', 'admin', 'ovms', '123456']);

export const sec017 = commandRule(
  {
    id: 'OVMS-SEC-017',
    name: 'weak-api-key',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'auth'],
    cwe: 521,
    title: 'Weak or placeholder API key',
    description: 'Reports an `API_KEY` written in the file that is shorter than 16 characters or a placeholder (`unused`, `changeme`, `test`, `secret`, `password`, `sk-…`).',
    why: 'OVMS compares `Authorization: Bearer <key>` by plain string equality (src/http_rest_api_handler.cpp:674) with no rate limit; docs and demos use `api_key="unused"` in clients, and such values get copied into deployments.',
    example: { language: 'shell', invalid: 'docker run -e API_KEY=changeme openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -e API_KEY openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Use at least 32 random characters from a secret store, passed with `--api_key_file`.',
  },
  (ctx, _cmd, a) => {
    const env = a.env('API_KEY');
    const v = env?.value;
    if (!v || !isKnown(v) || v.value === '') return;
    const placeholder = PLACEHOLDERS.has(v.value.toLowerCase()) || /^sk-(?:x+|test|demo|\.\.\.)?$/i.test(v.value);
    if (!placeholder && v.value.length >= 16) return;
    ctx.report({ span: v.span, key: 'API_KEY', message: `The API key \`${v.value}\` is ${placeholder ? 'a well-known placeholder' : 'short'}: it can be guessed, and OVMS does not limit attempts. Use at least 32 random characters from a secret store.` });
  },
);
