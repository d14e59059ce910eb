import { commandRule } from './define';

export const sec032 = commandRule(
  {
    id: 'OVMS-SEC-032',
    name: 'verbose-response',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'llm'],
    cwe: 200,
    title: '`--verbose_response` returns the full prompt to clients',
    description: 'Reports `--verbose_response` (true).',
    why: 'Responses gain a `__verbose` object with the fully templated prompt — system prompt and tool definitions included — and the raw model output (docs/parameters.md; src/llm/apis/openai_completions.cpp:376-378,630-640).',
    example: { language: 'shell', invalid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --verbose_response', valid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000' },
    fix: 'Never in multi-tenant or production deployments.',
  },
  (ctx, _cmd, a) => {
    const u = a.use('verbose_response');
    if (!u || !a.serves) return;
    const v = a.str('verbose_response');
    if (u.value && (v === undefined || /^(false|False|f|F|0)$/.test(v))) return;
    ctx.report({ span: u.span, key: 'verbose_response', message: '`--verbose_response` sends every client the fully templated prompt — your system prompt and tool definitions — and the raw model output. Remove it outside debugging.' });
  },
);
