import { isAnyAddress } from '../../flags/values';
import { commandRule } from './define';

export const sec011 = commandRule(
  {
    id: 'OVMS-SEC-011',
    name: 'published-on-all-interfaces',
    severity: 'info',
    impact: 'exposure',
    tags: ['security', 'network', 'container'],
    title: 'OVMS port published on every host interface',
    description: 'Reports `-p HOST:CONTAINER` (compose `ports: ["8000:8000"]`, Kubernetes `hostPort`) without a host IP, or with 0.0.0.0/::, for an OVMS container.',
    why: 'Docker publishes on 0.0.0.0 when no host IP is given, which defeats the "local access only" advice of docs/security_considerations.md: the unauthenticated, unencrypted OVMS API becomes reachable from the whole network (and Docker\'s rules bypass host firewalls such as ufw).',
    example: { language: 'shell', invalid: 'docker run -p 8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Give the host IP: `-p 127.0.0.1:8000:8000` (compose `"127.0.0.1:8000:8000"`); keep OVMS bound to 0.0.0.0 inside the container.',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c || c.networkHost || !a.serves) return;
    for (const p of c.publish) {
      if (!p.published || p.hostIp === undefined) continue;
      if (p.hostIp !== '' && !isAnyAddress(p.hostIp)) continue;
      const fixes = p.hostIp === '' && c.engine !== 'kubernetes' ? [{ title: 'Publish on 127.0.0.1 only', safe: false, edits: [{ span: { start: p.insertAt, end: p.insertAt }, newText: '127.0.0.1:' }] }] : [];
      ctx.report({ span: p.span, key: 'publish', message: `Port ${p.containerPort ?? '…'} is published on every interface of the host: anyone on the network reaches OVMS, which has no TLS and no authentication of its own. Publish on loopback, e.g. \`127.0.0.1:${p.hostPort ?? p.containerPort ?? '8000'}:${p.containerPort ?? '8000'}\`.`, ...(fixes.length ? { fixes } : {}) });
    }
  },
);
