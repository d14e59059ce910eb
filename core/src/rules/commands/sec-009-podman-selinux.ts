import { commandRule } from './define';

export const sec009 = commandRule(
  {
    id: 'OVMS-SEC-009',
    name: 'podman-mount-without-relabel',
    severity: 'info',
    impact: 'load',
    tags: ['container', 'podman'],
    title: 'Podman bind mount without SELinux relabel (`z`/`Z`)',
    description: 'Reports `podman run -v host:container[:opts]` bind mounts without the `z` or `Z` option.',
    why: 'On SELinux hosts the container cannot read an unlabelled bind mount; OVMS then only says "Configuration file is invalid" (src/schema.cpp parseConfig → CONFIG_FILE_INVALID), hiding the permission cause (issue #2944, fixed by adding `,Z`).',
    example: { language: 'shell', invalid: 'podman run -v /srv/models:/models:ro openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'podman run -v /srv/models:/models:ro,Z openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Add `Z` (private) or `z` (shared) to the mount options.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (c?.engine !== 'podman') return;
    for (const m of c.mounts) {
      if (m.type !== 'bind' || m.options.includes('z') || m.options.includes('Z')) continue;
      const fixes = m.appendAt !== undefined ? [{ title: 'Add the private SELinux label (Z)', safe: false, edits: [{ span: { start: m.appendAt, end: m.appendAt }, newText: m.options.length ? ',Z' : ':Z' }] }] : [];
      ctx.report({ span: m.span, key: 'volume', message: `On SELinux hosts (Fedora, RHEL) Podman containers cannot read this bind mount without a relabel, and OVMS then reports only "Configuration file is invalid". Add \`${m.options.length ? ',Z' : ':Z'}\` to the mount options.`, ...(fixes.length ? { fixes } : {}) });
    }
  },
);
