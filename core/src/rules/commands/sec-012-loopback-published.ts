import { isLoopbackAddress } from '../../flags/values';
import { commandRule } from './define';

export const sec012 = commandRule(
  {
    id: 'OVMS-SEC-012',
    name: 'loopback-bind-unreachable',
    severity: 'warning',
    impact: 'request',
    tags: ['network', 'container'],
    title: 'OVMS bound to loopback inside a container whose port is published',
    description: 'Reports `--rest_bind_address`/`--grpc_bind_address` of loopback addresses only while the matching port is published with `-p` (not host network).',
    why: 'The container\'s loopback is not reachable through port publishing: clients get "connection reset". The nginx-mtls wrapper binds OVMS to 127.0.0.1 precisely so that only the in-container proxy reaches it (extras/nginx-mtls-auth). Restrict access at publish time instead.',
    example: { language: 'shell', invalid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --rest_bind_address 127.0.0.1', valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Drop the loopback bind inside the container and publish on `127.0.0.1:` instead.',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c || c.networkHost || c.engine === 'dockerfile' || c.engine === 'kubernetes' || !a.serves) return;
    for (const [bindFlag, portFlag] of [['rest_bind_address', 'rest_port'], ['grpc_bind_address', 'port']] as const) {
      const bind = a.str(bindFlag);
      const port = a.port(portFlag);
      if (!bind || !port || !bind.split(',').every(isLoopbackAddress)) continue;
      if (!c.publish.some((p) => p.published && p.containerPort === String(port))) continue;
      ctx.report({ span: a.use(bindFlag)!.span, key: bindFlag, message: `OVMS listens on ${bind} inside the container, but port ${port} is published: the container's loopback is not reachable from outside, so every client connection fails. Remove \`--${bindFlag}\` and restrict access with \`-p 127.0.0.1:${port}:${port}\`.` });
    }
  },
);
