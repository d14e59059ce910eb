import type { Fix } from '../../types';
import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

export const sec003 = commandRule(
  {
    id: 'OVMS-SEC-003',
    name: 'read-only-cloud-without-tmp',
    severity: 'warning',
    impact: 'load',
    tags: ['security', 'container', 'cloud'],
    title: '`--read-only` with cloud model storage but no tmpfs at /tmp',
    description: 'Reports a read-only OVMS container that reads models from `s3://`, `gs://`, `az://` or `azfs://` (`--model_path` or a `base_path` of the linked config.json) without a tmpfs (or emptyDir) at `/tmp`.',
    why: 'OVMS downloads cloud models to a local temporary directory. docs/security_considerations.md: with cloud storage a read-only root "should be combined with `--tmpfs /tmp`", and its own example is `--read-only --tmpfs /tmp … --model_path s3://bucket/model`. Without it the download fails and the model does not load.',
    example: { language: 'shell', invalid: 'docker run --read-only -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY openvino/model_server:2026.3 --model_name m --model_path s3://bucket/m --rest_port 8000', valid: 'docker run --read-only --tmpfs /tmp -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY openvino/model_server:2026.3 --model_name m --model_path s3://bucket/m --rest_port 8000' },
    fix: 'Add `--tmpfs /tmp` (compose `tmpfs: [/tmp]`, Kubernetes an emptyDir volume mounted at /tmp).',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c?.readOnly || !a.serves) return;
    if (c.tmpfs.some((t) => t.target === '/tmp' || t.target === '/tmp/') || c.mounts.some((m) => m.target === '/tmp')) return;
    const link = linkedDeployment(ctx.project, ctx.file.path, a);
    if (!link.cloudPaths.length) return;
    const fixes: Fix[] = c.engine === 'docker' || c.engine === 'podman' ? [{ title: 'Add --tmpfs /tmp', safe: true, edits: [{ span: { start: c.readOnly.span.end, end: c.readOnly.span.end }, newText: ' --tmpfs /tmp' }] }] : [];
    ctx.report({ span: c.readOnly.span, key: 'read-only', message: `The root filesystem is read-only and the models come from cloud storage (\`${link.cloudPaths[0]}\`), but /tmp is not a tmpfs: OVMS cannot download the model files and the model does not load. Add \`--tmpfs /tmp\`.`, ...(fixes.length ? { fixes } : {}) });
  },
);
