import { commandRule } from './define';

export const sec005 = commandRule(
  {
    id: 'OVMS-SEC-005',
    name: 'privileged-container',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'container'],
    cwe: 250,
    title: 'Privileged OVMS container or added capabilities',
    description: 'Reports `--privileged`, `--cap-add` (compose `privileged: true`, `cap_add`), and in Kubernetes `privileged: true`, `allowPrivilegeEscalation: true`, `capabilities.add`, or a container that does not drop ALL capabilities.',
    why: 'The reference KServe runtime sets `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`, `privileged: false` (extras/kserve/kserve-openvino.yaml); accelerators need only `--device` and `--group-add` (docs/accelerators.md). A privileged container turns an OVMS compromise into a host compromise.',
    example: { language: 'shell', invalid: 'docker run --privileged openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000', valid: 'docker run --device /dev/dri --group-add=$(stat -c "%g" /dev/dri/render* | head -n 1) openvino/model_server:2026.3-gpu --config_path /models/config.json --rest_port 8000' },
    fix: 'Remove `--privileged`/`--cap-add`; pass devices with `--device` and the render group with `--group-add`; in Kubernetes drop ALL capabilities and forbid privilege escalation.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (!c) return;
    const why = 'a compromise of OVMS then reaches the host (devices, kernel interfaces, other containers)';
    if (c.privileged) ctx.report({ span: c.privileged.span, key: 'privileged', message: `The OVMS container is privileged: ${why}. Pass only the devices it needs (\`--device /dev/dri\`, \`--group-add\`).` });
    for (const cap of c.capAdd) ctx.report({ span: cap.span, key: 'cap-add', message: `Capability ${cap.value ?? '…'} is added to the OVMS container: ${why}. OVMS needs no extra capability; remove it.` });
    if (c.allowPrivilegeEscalation?.value === 'true') ctx.report({ span: c.allowPrivilegeEscalation.span, key: 'allowPrivilegeEscalation', message: `\`allowPrivilegeEscalation: true\` lets processes in the OVMS container gain privileges: ${why}. Set it to false.` });
    if (c.engine === 'kubernetes' && !c.capDropAll && !c.privileged) ctx.report({ span: c.anchor, key: 'capabilities', message: 'The OVMS container keeps the default Linux capabilities: drop them (`securityContext.capabilities.drop: [ALL]`, `allowPrivilegeEscalation: false`) as the reference KServe runtime does; OVMS needs none.' });
  },
);
