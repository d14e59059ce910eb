import { commandRule } from './define';

export const sec031 = commandRule(
  {
    id: 'OVMS-SEC-031',
    name: 'debug-logs-requests',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'logging'],
    cwe: 532,
    title: '`--log_level DEBUG` logs request bodies',
    description: 'Reports `--log_level DEBUG`.',
    why: 'DEBUG logs "Request body: …" for LLM, embeddings and rerank requests (src/llm/servable.cpp:372, src/embeddings/embeddings_calculator_ov.cc:116) and failed /v3 bodies; "model server logs will store information about all the incoming requests" (docs/troubleshooting.md). It also costs performance (docs/performance_tuning.md).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --log_level DEBUG', valid: 'ovms --config_path /models/config.json --rest_port 8000 --log_level INFO' },
    fix: 'INFO (the default); enable DEBUG only temporarily.',
  },
  (ctx, _cmd, a) => {
    if (a.str('log_level') !== 'DEBUG' || !a.serves) return;
    const u = a.use('log_level')!;
    ctx.report({ span: u.span, key: 'log_level', fixes: [{ title: 'Use INFO', safe: false, edits: [{ span: u.value!.span, newText: 'INFO' }] }], message: '`--log_level DEBUG` writes every request body (prompts, documents, images sent to the models) into the log: anyone with access to the logs reads your users\' data, and logging slows serving. Use INFO in production and DEBUG only while investigating.' });
  },
);
