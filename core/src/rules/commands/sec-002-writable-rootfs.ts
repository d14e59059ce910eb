import type { Fix } from '../../types';
import { commandRule } from './define';

export const sec002 = commandRule(
  {
    id: 'OVMS-SEC-002',
    name: 'writable-root-filesystem',
    severity: 'info',
    impact: 'risk',
    tags: ['security', 'container', 'hardening'],
    title: 'OVMS container root filesystem is writable',
    description: 'Reports an OVMS container started without a read-only root filesystem: no `--read-only` (docker/podman), `read_only: true` (compose) or `readOnlyRootFilesystem: true` (Kubernetes).',
    why: 'docs/security_considerations.md recommends `--read-only` "to prevent undesired modification of the container files": an attacker who gets code execution cannot plant files in the image (binaries, Python modules that OVMS imports).',
    example: { language: 'shell', invalid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run --read-only --tmpfs /tmp -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Add `--read-only --tmpfs /tmp` (compose: `read_only: true` and `tmpfs: [/tmp]`; Kubernetes: `readOnlyRootFilesystem: true` and an emptyDir at /tmp).',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c || c.engine === 'dockerfile' || c.readOnly || !a.serves) return;
    const fixes: Fix[] = [];
    if ((c.engine === 'docker' || c.engine === 'podman') && c.optionsInsertAt !== undefined) {
      const tmp = c.tmpfs.some((t) => t.target === '/tmp') ? '' : ' --tmpfs /tmp';
      fixes.push({ title: `Add --read-only${tmp}`, safe: false, edits: [{ span: { start: c.optionsInsertAt, end: c.optionsInsertAt }, newText: ` --read-only${tmp}` }] });
    }
    const how = c.engine === 'compose' ? '`read_only: true` with `tmpfs: [/tmp]`' : c.engine === 'kubernetes' ? '`securityContext.readOnlyRootFilesystem: true` with an emptyDir volume at /tmp' : '`--read-only --tmpfs /tmp`';
    ctx.report({ span: c.anchor, key: 'read-only', message: `The OVMS container's root filesystem is writable: code that gets to run in it (an exploit, a Python node) can change the image's files. Add ${how}.`, ...(fixes.length ? { fixes } : {}) });
  },
);
