import { apiKey, beyondLoopback, exposure } from './exposure';
import { commandRule } from './define';

export const sec060 = commandRule(
  {
    id: 'OVMS-SEC-060',
    name: 'media-url-allow-all',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'ssrf'],
    cwe: 918,
    title: '`--allowed_media_domains all` disables the SSRF guard',
    description: 'Reports `--allowed_media_domains all`; an error when REST is reachable from other machines without an API key.',
    why: 'Image URLs in requests are refused by default "to prevent … SSRF"; `all` lets clients make OVMS fetch any http, https, ftp or sftp URL (docs/security_considerations.md; src/llm/io_processing/image_utils.cpp:96-99,150-152) — internal services and cloud metadata endpoints included.',
    example: { language: 'shell', invalid: 'ovms --source_model OpenVINO/Qwen2.5-VL-7B-Instruct-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --allowed_media_domains all', valid: 'ovms --source_model OpenVINO/Qwen2.5-VL-7B-Instruct-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --allowed_media_domains images.example.com' },
    fix: 'List the exact host names images may come from.',
  },
  (ctx, cmd, a) => {
    if (!a.serves) return;
    for (const u of cmd.args.byName.get('allowed_media_domains') ?? []) {
      if (!u.value || u.value.value !== 'all') continue;
      const key = apiKey(a);
      const severe = beyondLoopback(exposure(a, 'rest').reach) && (key === 'none' || key === 'env-empty');
      ctx.report({ span: u.span, key: 'allowed_media_domains', ...(severe ? { severity: 'error' as const } : {}), message: `\`--allowed_media_domains all\` lets every client make OVMS download any URL (http, https, ftp, sftp): internal services and cloud metadata endpoints become reachable through it (SSRF)${severe ? ', and this REST API is open to other machines without a key' : ''}. List the exact hosts instead.` });
    }
  },
);
