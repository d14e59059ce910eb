import { isKnown } from '../../flags/words';
import { commandRule } from './define';

export const sec061 = commandRule(
  {
    id: 'OVMS-SEC-061',
    name: 'media-url-redirects',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'ssrf'],
    cwe: 918,
    title: 'Redirects enabled for media URLs',
    description: 'Reports `OVMS_MEDIA_URL_ALLOW_REDIRECTS=1`.',
    why: 'Redirects are "by default disabled to prevent from bypassing domain restrictions" (docs/security_considerations.md); the variable sets CURLOPT_FOLLOWLOCATION (src/llm/io_processing/image_utils.cpp:74-77), so an allowed host can redirect OVMS anywhere.',
    example: { language: 'shell', invalid: 'docker run -e OVMS_MEDIA_URL_ALLOW_REDIRECTS=1 openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --allowed_media_domains images.example.com', valid: 'docker run openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --allowed_media_domains images.example.com' },
    fix: 'Unset it and allow-list the final hosts.',
  },
  (ctx, _cmd, a) => {
    const e = a.env('OVMS_MEDIA_URL_ALLOW_REDIRECTS');
    if (!e?.value || !isKnown(e.value) || e.value.value !== '1') return;
    ctx.report({ span: e.span, key: 'OVMS_MEDIA_URL_ALLOW_REDIRECTS', message: '`OVMS_MEDIA_URL_ALLOW_REDIRECTS=1` makes OVMS follow redirects when downloading images: any allowed host can send it to internal addresses, bypassing `--allowed_media_domains`. Remove it and allow-list the final hosts.' });
  },
);
