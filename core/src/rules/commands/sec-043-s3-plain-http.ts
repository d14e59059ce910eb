import { isKnown } from '../../flags/words';
import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

export const sec043 = commandRule(
  {
    id: 'OVMS-SEC-043',
    name: 's3-plain-http',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'cloud'],
    cwe: 319,
    title: 'S3-compatible endpoint used over plain HTTP',
    description: 'Reports `S3_ENDPOINT`, and model paths of the form `s3://host:port/bucket/…`.',
    why: 'Both code paths set `Aws::Http::Scheme::HTTP` (src/filesystem/s3filesystem.cpp:119-136): model files — weights and graphs OVMS will execute — and the request signatures travel unencrypted.',
    example: { language: 'shell', invalid: 'docker run -e S3_ENDPOINT=minio:9000 -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY openvino/model_server:2026.3 --model_name m --model_path s3://models/m --rest_port 8000', valid: 'docker run -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_REGION openvino/model_server:2026.3 --model_name m --model_path s3://models/m --rest_port 8000' },
    fix: 'Keep MinIO on a private network or service-mesh mTLS; prefer AWS S3 without `S3_ENDPOINT`.',
  },
  (ctx, _cmd, a) => {
    const ep = a.env('S3_ENDPOINT');
    if (ep && (!ep.value || isKnown(ep.value))) {
      ctx.report({ span: ep.span, key: 'S3_ENDPOINT', message: 'With `S3_ENDPOINT` OVMS talks to the storage over plain HTTP: the model files it will execute and the signed requests can be read and altered on the way. Keep the endpoint on a private network or behind mTLS.' });
    }
    const link = linkedDeployment(ctx.project, ctx.file.path, a);
    const mp = a.use('model_path');
    for (const p of link.cloudPaths) {
      if (!/^s3:\/\/[0-9a-zA-Z.-]+:\d+\//.test(p)) continue;
      ctx.report({ span: mp && a.str('model_path') === p ? mp.value!.span : a.use('config_path')?.span ?? a.cmd.anchor, key: 'model_path', message: `\`${p}\` names an S3 endpoint in the path: OVMS reaches it over plain HTTP, so model files can be read and altered on the way. Keep it on a private network or behind mTLS.` });
    }
  },
);
