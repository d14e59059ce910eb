import { isKnown } from '../../flags/words';
import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const sec041 = commandRule(
  {
    id: 'OVMS-SEC-041',
    name: 'gcs-credentials-mount',
    severity: 'warning',
    impact: 'load',
    tags: ['security', 'cloud', 'secrets'],
    title: 'GCS key file not mounted, or mounted writable',
    description: 'Reports `GOOGLE_APPLICATION_CREDENTIALS` in a container without a volume providing that path (error: credentials creation fails), or with a writable one.',
    why: 'OVMS builds the GCS client from that file and throws when it cannot (src/filesystem/gcsfilesystem.cpp:71-76); the docs mount the key read-only at the same path (docs/using_cloud_storage.md).',
    example: { language: 'shell', invalid: 'docker run -e GOOGLE_APPLICATION_CREDENTIALS=/creds/key.json openvino/model_server:2026.3 --model_name m --model_path gs://bucket/m --rest_port 8000', valid: 'docker run -e GOOGLE_APPLICATION_CREDENTIALS=/creds/key.json -v /srv/gcp/key.json:/creds/key.json:ro openvino/model_server:2026.3 --model_name m --model_path gs://bucket/m --rest_port 8000' },
    fix: 'Mount the key file read-only at the same path: `-v $KEY:$KEY:ro`.',
  },
  (ctx, cmd, a) => {
    const e = a.env('GOOGLE_APPLICATION_CREDENTIALS');
    const c = cmd.container;
    if (!e?.value || !isKnown(e.value) || !c || c.engine === 'dockerfile' || c.opaqueOptions) return;
    const p = e.value.value;
    if (!p.startsWith('/')) return;
    const m = mountOf(cmd, p);
    if (!m) ctx.report({ span: e.span, key: 'GOOGLE_APPLICATION_CREDENTIALS', severity: 'error', message: `No volume provides \`${p}\` inside the container: OVMS cannot create the GCS credentials and the models on gs:// do not load. Mount the key file read-only at that path.` });
    else if (!m.readOnly) ctx.report({ span: m.span, key: 'GOOGLE_APPLICATION_CREDENTIALS', message: `The GCS key \`${p}\` is mounted writable: code running in the container can replace the credentials. Mount it read-only (\`:ro\`).` });
  },
);
