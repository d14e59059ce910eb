import { apiKey } from './exposure';
import { commandRule } from './define';

export const sec030 = commandRule(
  {
    id: 'OVMS-SEC-030',
    name: 'trace-logs-secrets',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'logging'],
    cwe: 532,
    title: '`--log_level TRACE` writes secrets and prompts to the log',
    description: 'Reports `--log_level TRACE`; an error when an API key is configured (it is logged).',
    why: 'At TRACE OVMS logs "API key: …" (src/server.cpp:155, in config-file, single-model and --source_model modes) and the fully rendered LLM prompt (src/llm/servable.cpp:254); logs are usually readable by more people than the key.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key --log_level TRACE', valid: 'ovms --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key' },
    fix: 'Use INFO (the default) or WARNING in production; enable TRACE only briefly, without a real key.',
  },
  (ctx, _cmd, a) => {
    if (a.str('log_level') !== 'TRACE' || a.mode === 'help') return;
    const key = apiKey(a);
    const withKey = (key === 'file' || key === 'env') && a.mode !== 'in_memory_graph';
    ctx.report({ span: a.use('log_level')!.span, key: 'log_level', ...(withKey ? { severity: 'error' as const } : {}), message: `\`--log_level TRACE\` ${withKey ? 'writes the API key into the log ("API key: …") and' : ''} logs full prompts and request data: whoever reads the logs reads your users' inputs${withKey ? ' and can call the API' : ''}. Use INFO or WARNING in production.`.replace('  ', ' ') });
  },
);
