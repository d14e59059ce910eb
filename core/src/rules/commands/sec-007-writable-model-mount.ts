import { mountOf } from './deployment-link';
import { readOnlyFix } from './mount-fix';
import { commandRule, flag } from './define';

export const sec007 = commandRule(
  {
    id: 'OVMS-SEC-007',
    name: 'writable-model-mount',
    severity: 'info',
    impact: 'risk',
    tags: ['security', 'container'],
    title: 'Model/config volume mounted read-write while only serving',
    description: 'Reports the bind mount holding `--config_path` or `--model_path` when it is not read-only and OVMS only serves (no pull, add/remove, configure).',
    why: 'OVMS polls config.json and model versions every `--file_system_poll_wait_seconds` (default 1) and loads what it finds: whoever can write the mount decides what is served, including graphs with Python nodes. Serving examples mount models `:ro` (docs/model_cache.md, demos/embeddings/README.md).',
    example: { language: 'shell', invalid: 'docker run -v /srv/models:/models openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -v /srv/models:/models:ro openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Append `:ro` to the mount (compose `read_only: true`, Kubernetes `readOnly: true`).',
  },
  (ctx, cmd, a) => {
    if (!cmd.container || !(a.mode === 'serving' || a.mode === 'in_memory_graph')) return;
    const seen = new Set<unknown>();
    for (const name of ['config_path', 'model_path']) {
      const p = a.str(name);
      if (!p || !p.startsWith('/')) continue;
      const m = mountOf(cmd, p);
      if (!m || m.readOnly || m.type === 'tmpfs' || seen.has(m)) continue;
      seen.add(m);
      const fix = readOnlyFix(cmd.container, m);
      ctx.report({ span: m.span, key: name, message: `The mount holding ${flag(name)} \`${p}\` is writable while OVMS only serves: OVMS reloads what changes there (every ${a.str('file_system_poll_wait_seconds') ?? '1'} s), so anyone who can write it changes what is served. Mount it read-only (\`:ro\`).`, ...(fix ? { fixes: [fix] } : {}) });
    }
  },
);
