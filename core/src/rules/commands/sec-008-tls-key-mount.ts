import type { Mount } from '../../flags/model';
import { isKnown, UNKNOWN } from '../../flags/words';
import { basename, dirname } from '../../deployment/paths';
import { commandRule } from './define';
import { readOnlyFix } from './mount-fix';

/** Files holding TLS key material: private keys, certificates, DH parameters, revocation lists. */
const KEY_MATERIAL = /\.(key|pem|crl)$/i;

/** What extras/nginx-mtls-auth/generate_certs.sh writes (self-signed, CN=localhost, valid 1 day). */
const DEMO_FILES = new Set(['server.pem', 'server.key', 'client_cert_ca.pem', 'client_cert_ca.crl', 'client_cert_ca.key', 'dhparam.pem']);

/** The file name of a mount side, when the text knows it. */
function fileName(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const name = basename(p.split(UNKNOWN).pop() ?? '');
  return name && isKnown(name) ? name : undefined;
}

function keyFile(m: Mount): string | undefined {
  const t = fileName(m.target);
  if (t && KEY_MATERIAL.test(t)) return t;
  const s = fileName(m.source);
  return s && KEY_MATERIAL.test(s) ? s : undefined;
}

export const sec008 = commandRule(
  {
    id: 'OVMS-SEC-008',
    name: 'tls-key-material-writable',
    severity: 'warning',
    impact: 'risk',
    tags: ['security', 'container', 'tls'],
    cwe: 732,
    title: 'TLS key material mounted writable, or demo certificates with the nginx-mtls image',
    description:
      'Reports a bind mount of TLS key material — `*.key`, `*.pem` (including `dhparam.pem`), `*.crl` — into the OVMS container that is not read-only (docker/podman `-v` without `:ro`, compose volumes, Kubernetes `hostPath` mounts without `readOnly: true`; Kubernetes secret volumes are always read-only and are not reported). Also, as info, the `openvino/model_server:*nginx-mtls*` image used with the certificates `extras/nginx-mtls-auth/generate_certs.sh` writes into the current directory (`$(pwd)/server.pem`, `./server.key`, `client_cert_ca.pem`, `client_cert_ca.crl`, `dhparam.pem` mounted from a relative or `$(pwd)` path), or with that script next to the command.',
    why:
      'Whoever writes these files decides whom NGINX trusts: a replaced client CA lets any client certificate in, an emptied CRL un-revokes clients, a replaced key and certificate impersonate the server — effective at the next start of the container. The mTLS demo mounts every certificate `:ro` (extras/nginx-mtls-auth/start_secure_model_server.sh). Its generate_certs.sh makes self-signed certificates for CN=localhost valid for one day, `chmod 666`s them, and warns they are "for development and testing only".',
    example: {
      language: 'shell',
      invalid: 'docker run -v $(pwd)/server.key:/certs/server.key -v $(pwd)/server.pem:/certs/server.pem openvino/model_server:2026.3-nginx-mtls --model_name m --model_path /models/m --rest_port 8000',
      valid: 'docker run -v /etc/ovms/tls/server.key:/certs/server.key:ro -v /etc/ovms/tls/server.pem:/certs/server.pem:ro openvino/model_server:2026.3-nginx-mtls --model_name m --model_path /models/m --rest_port 8000',
    },
    fix: 'Mount key material read-only (`:ro`, compose `read_only: true`, Kubernetes `readOnly: true` or a Secret volume), and use certificates issued by your organisation instead of the generate_certs.sh demo ones.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (!c) return;
    for (const m of c.mounts) {
      if (m.readOnly || (c.engine === 'kubernetes' && m.type !== 'bind')) continue;
      const name = keyFile(m);
      if (!name) continue;
      const fix = readOnlyFix(c, m);
      const what = /\.key$/i.test(name) ? 'a private key' : /\.crl$/i.test(name) ? 'a certificate revocation list' : name.toLowerCase() === 'dhparam.pem' ? 'Diffie-Hellman parameters' : 'a certificate';
      ctx.report({
        span: m.span,
        key: m.target ?? name,
        ...(fix ? { fixes: [fix] } : {}),
        message: `\`${name}\` (${what}) is mounted writable into the OVMS container: code that gets to run there (an exploited request, a Python node) can replace it — a swapped client CA admits any client, an emptied CRL un-revokes clients, a swapped key impersonates the server — from the next start on. Mount it read-only (\`:ro\`${c.engine === 'kubernetes' ? ', `readOnly: true` or a Secret volume' : ''}).`,
      });
    }
    if (!c.tag?.includes('nginx-mtls')) return;
    // generate_certs.sh writes into the directory it runs in: `$(pwd)/server.pem`, `./server.pem`
    const demo = c.mounts.find((m) => m.source !== undefined && !/^\/[^\u0000]/.test(m.source) && DEMO_FILES.has(fileName(m.source) ?? ''));
    const script = `${dirname(ctx.file.path)}/generate_certs.sh`;
    const scriptNearby = ctx.project.host.stat(script)?.isFile === true;
    if (!demo && !scriptNearby) return;
    const from = demo ? `\`${fileName(demo.source)}\` is one of the files extras/nginx-mtls-auth/generate_certs.sh writes` : 'generate_certs.sh sits next to this command';
    ctx.report({
      span: demo?.span ?? c.image?.span ?? cmd.anchor,
      key: 'demo-certificates',
      severity: 'info',
      message: `The nginx-mtls image is used with what look like the demo certificates (${from}): they are self-signed for CN=localhost, valid for one day, made world-writable by the script (\`chmod 666\`), and meant "for development and testing only". Use certificates issued by your organisation, with their keys readable only by the container.`,
    });
  },
);
