import { commandRule } from './define';

export const sec001 = commandRule(
  {
    id: 'OVMS-SEC-001',
    name: 'container-runs-as-root',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'container'],
    cwe: 250,
    title: 'OVMS container runs as root',
    description: 'Reports an OVMS container whose user is root: `-u 0`/`--user root`/`0:<gid>`, compose `user: root`, Kubernetes `runAsUser: 0` or `runAsNonRoot: false`, a Dockerfile `USER root`.',
    why: 'The OVMS image runs as user `ovms` (UID 5000) "so the container does not have elevated permissions" (docs/security_considerations.md; Dockerfile `USER ovms`). As root, whoever exploits OVMS, a Python node or a custom library it loads owns the container and can write every mounted host directory. Demos use `-u 0` only to reach the GPU, which `--group-add` solves.',
    example: { language: 'shell', invalid: 'docker run -u 0 --device /dev/dri openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000', valid: 'docker run --device /dev/dri --group-add=$(stat -c "%g" /dev/dri/render* | head -n 1) openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000' },
    fix: 'Drop the user override (or use `--user $(id -u):$(id -g)`); for GPU/NPU add `--group-add` with the render group.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (!c) return;
    const u = c.user?.value;
    const root = u !== undefined && (/^(root|0)(:.*)?$/.test(u.trim()));
    if (c.user && root) {
      ctx.report({ span: c.user.span, key: 'user', message: `The OVMS container runs as root (\`${u.trim()}\`) instead of the image's user 5000: a flaw in OVMS, a Python node or a custom library becomes root in the container, with write access to every mounted host directory. Drop the override; for GPU/NPU access add \`--group-add\` with the render group instead.` });
    }
    if (c.runAsNonRoot?.value === 'false' && !root) {
      ctx.report({ span: c.runAsNonRoot.span, key: 'runAsNonRoot', message: '`runAsNonRoot: false` lets the OVMS container run as root: a compromise of OVMS becomes root in the pod. Set `runAsNonRoot: true` and `runAsUser: 5000` (the image\'s user).' });
    }
  },
);
