import { commandRule } from './define';

export const sec006 = commandRule(
  {
    id: 'OVMS-SEC-006',
    name: 'accelerator-without-render-group',
    severity: 'warning',
    impact: 'load',
    tags: ['security', 'container', 'gpu'],
    title: 'GPU/NPU device passed to a non-root OVMS without the render group',
    description: 'Reports `--device /dev/dri` or `/dev/accel` (compose `devices`) for a container running as a non-root user without `--group-add` (compose `group_add`).',
    why: '"Running inference on GPU requires the … account to … belong to the render group" (docs/accelerators.md); without it only CPU is listed among the available devices (issue #2642), and users then "fix" it with `-u 0` (OVMS-SEC-001).',
    example: { language: 'shell', invalid: 'docker run --device /dev/dri openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000', valid: 'docker run --device /dev/dri --group-add=$(stat -c "%g" /dev/dri/render* | head -n 1) openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000' },
    fix: 'Add `--group-add=$(stat -c "%g" /dev/dri/render* | head -n 1)`.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (!c || c.engine === 'kubernetes' || c.engine === 'dockerfile' || c.groupAdd.length) return;
    const u = c.user?.value?.trim();
    if (u !== undefined && /^(root|0)(:.*)?$/.test(u)) return;
    for (const d of c.devices) {
      if (!d.value || !/^\/dev\/(dri|accel)/.test(d.value)) continue;
      ctx.report({ span: d.span, key: 'device', message: `\`${d.value.split(':')[0]}\` is passed to OVMS, which runs as a non-root user without the render group: the device cannot be opened and OVMS sees only CPU. Add \`--group-add=$(stat -c "%g" /dev/dri/render* | head -n 1)\` rather than running as root.` });
    }
  },
);
