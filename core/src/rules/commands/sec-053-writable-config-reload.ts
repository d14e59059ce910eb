import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const sec053 = commandRule(
  {
    id: 'OVMS-SEC-053',
    name: 'writable-config-hot-reload',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'container'],
    cwe: 494,
    title: 'Writable config.json with automatic reload',
    description: 'Reports `--config_path` on a writable mount while `--file_system_poll_wait_seconds` is not 0 (default 1).',
    why: 'OVMS polls the config every second and applies new models, graphs — Python nodes included — and custom libraries at runtime (docs/online_config_changes.md): write access to the mount becomes code execution in OVMS.',
    example: { language: 'shell', invalid: 'docker run -v /srv/models:/models openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -v /srv/models:/models:ro openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Mount the config read-only, or `--file_system_poll_wait_seconds 0` and reload deliberately (`POST /v1/config/reload`).',
  },
  (ctx, cmd, a) => {
    if (!cmd.container || !a.serves) return;
    const p = a.str('config_path');
    if (!p || !p.startsWith('/')) return;
    const poll = a.uint('file_system_poll_wait_seconds');
    if (poll === 0 || poll === 'unknown') return;
    const m = mountOf(cmd, p);
    if (!m || m.readOnly || m.type === 'tmpfs') return;
    ctx.report({ span: a.use('config_path')!.span, key: 'config_path', related: [{ file: ctx.file.path, span: m.span, message: 'the writable mount' }], message: `config.json is on a writable mount and OVMS reloads it every ${poll ?? 1} s: anyone who can write there makes OVMS load new graphs (Python nodes included) and libraries, i.e. run code. Mount it read-only, or set \`--file_system_poll_wait_seconds 0\` and reload deliberately.` });
  },
);
