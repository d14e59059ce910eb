import type { Fix } from '../../types';
import { apiKey, exposure } from './exposure';
import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

/** Images that put a TLS/mTLS proxy in front of OVMS (extras/nginx-mtls-auth). */
function proxied(image: string | undefined): boolean {
  return !!image && /nginx|mtls/i.test(image);
}

export const sec010 = commandRule(
  {
    id: 'OVMS-SEC-010',
    name: 'exposed-without-tls',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'network'],
    cwe: 319,
    title: 'OVMS API reachable from all interfaces without TLS or authentication',
    description: 'Combines the port flags, the bind addresses (default 0.0.0.0) and the container around OVMS (published ports, host network, Kubernetes pod network) into one verdict per listener: reported when REST or gRPC is reachable from other machines and no TLS proxy sits in front (the nginx-mtls image). An error when the REST port is published on every host interface and serves generative endpoints without an API key.',
    why: '"OVMS currently does not provide access restrictions and traffic encryption on gRPC and REST" (docs/security_considerations.md); gRPC always uses InsecureServerCredentials (src/grpcservermodule.cpp:134) and both bind addresses default to 0.0.0.0. Anyone on the network can run inference, list models, reload the config and read /metrics, in clear text.',
    example: { language: 'shell', invalid: 'docker run -p 8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000', valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Publish on loopback (`-p 127.0.0.1:8000:8000`) or bind OVMS to `127.0.0.1,::1` (`--rest_bind_address`, `--grpc_bind_address`), and put a TLS proxy with authentication in front (extras/nginx-mtls-auth).',
  },
  (ctx, cmd, a) => {
    if (!a.serves || proxied(cmd.container?.image?.value)) return;
    for (const which of ['rest', 'grpc'] as const) {
      const e = exposure(a, which);
      if (e.reach !== 'host-all' && e.reach !== 'cluster' && e.reach !== 'host-ip') continue;
      const api = which === 'rest' ? 'REST' : 'gRPC';
      const where = e.reach === 'cluster' ? 'from every pod of the cluster' : e.reach === 'host-ip' ? 'from the network of the published host address' : 'from every network interface of the host';
      const generative = which === 'rest' && linkedDeployment(ctx.project, ctx.file.path, a).generative.length > 0;
      const key = apiKey(a);
      const severe = generative && e.reach === 'host-all' && (key === 'none' || key === 'env-empty');
      const abuse = which === 'rest'
        ? `anyone who can connect can run inference${generative ? ' on your generative models' : ''}, list models, trigger /v1/config/reload and read /metrics${key === 'file' || key === 'env' ? ' (the API key protects only the /v3 POST endpoints)' : ''}, in clear text`
        : 'anyone who can connect can run inference and query models; gRPC has no authentication at all and no TLS';
      const fixes: Fix[] = e.allInterfaces.filter((p) => p.hostIp === '').map((p) => ({ title: 'Publish on 127.0.0.1 only', safe: false, edits: [{ span: { start: p.insertAt, end: p.insertAt }, newText: '127.0.0.1:' }] }));
      const fixText = e.allInterfaces.length ? `publish on loopback (\`-p 127.0.0.1:${e.port}:${e.port}\`)` : `bind to loopback (\`--${which === 'rest' ? 'rest' : 'grpc'}_bind_address 127.0.0.1,::1\`)`;
      ctx.report({
        span: e.span,
        key: which === 'rest' ? 'rest_port' : 'port',
        ...(severe ? { severity: 'error' as const } : {}),
        message: `The ${api} API${e.port ? ` on port ${e.port}` : ''} is reachable ${where}, without TLS or authentication in front: ${abuse}. ${fixText[0]!.toUpperCase()}${fixText.slice(1)}, or put a TLS proxy with authentication in front (extras/nginx-mtls-auth).`,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
);
