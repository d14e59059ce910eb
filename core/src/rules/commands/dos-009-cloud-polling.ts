import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

export const dos009 = commandRule(
  {
    id: 'OVMS-DOS-009',
    name: 'cloud-polling',
    severity: 'info',
    impact: 'risk',
    tags: ['cloud', 'cost'],
    title: 'Polling cloud model storage every second',
    description: 'Reports cloud model paths (`--model_path`, or `base_path` in the linked config.json) while `--file_system_poll_wait_seconds` is unset or 1.',
    why: 'OVMS lists the storage every poll interval (default 1 s): "could cause a cost for API calls to the storage cloud provider" (docs/performance_tuning.md:205-208).',
    example: { language: 'shell', invalid: 'ovms --model_name m --model_path s3://bucket/m --rest_port 8000', valid: 'ovms --model_name m --model_path s3://bucket/m --rest_port 8000 --file_system_poll_wait_seconds 60' },
    fix: 'Raise `--file_system_poll_wait_seconds` (or 0 and reload via /v1/config/reload).',
  },
  (ctx, _cmd, a) => {
    if (!a.serves) return;
    const poll = a.uint('file_system_poll_wait_seconds');
    if (poll !== undefined && poll !== 1) return;
    const link = linkedDeployment(ctx.project, ctx.file.path, a);
    if (!link.cloudPaths.length) return;
    const u = a.use('file_system_poll_wait_seconds') ?? a.use('model_path') ?? a.use('config_path');
    ctx.report({ span: u ? u.span : a.cmd.anchor, key: 'file_system_poll_wait_seconds', message: `OVMS lists the cloud storage (\`${link.cloudPaths[0]}\`) every second to detect new versions: that is ~86,000 API calls a day per model, billed by the provider. Raise \`--file_system_poll_wait_seconds\` (e.g. 60), or set 0 and reload deliberately.` });
  },
);
