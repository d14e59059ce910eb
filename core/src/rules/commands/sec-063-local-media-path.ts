import { atLeast } from './analysis';
import { commandRule } from './define';

const BROAD = new Set(['/', '/home', '/etc', '/proc', '/root', '/sys', '/var', '/usr', '/run', '/tmp', '/models', '/workspace', '/ovms']);

export const sec063 = commandRule(
  {
    id: 'OVMS-SEC-063',
    name: 'local-media-path-too-broad',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'file-read'],
    cwe: 22,
    title: 'Over-broad `--allowed_local_media_path`',
    description: 'Reports `--allowed_local_media_path` set to `/`, a system directory, the model repository, or any value on OVMS older than 2026.2 (prefix-match bypass).',
    why: 'Clients may ask OVMS to read any image-decodable file under the path (src/llm/io_processing/image_utils.cpp:167-190). Before 2026.2 the check was a string-prefix comparison without normalisation (PSIRT fix, commit 2569d177c), so `/data/img` also allowed `/data/img_private/…`.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /srv/shared-images' },
    fix: 'A dedicated directory holding only shareable images; upgrade to 2026.2 or newer.',
  },
  (ctx, _cmd, a) => {
    const u = a.use('allowed_local_media_path');
    const v = a.str('allowed_local_media_path');
    if (!u || v === undefined) return;
    const norm = v.replace(/\/+$/, '') || '/';
    const repo = a.str('model_repository_path')?.replace(/\/+$/, '');
    if (BROAD.has(norm) || norm === repo) {
      ctx.report({ span: u.value!.span, key: 'allowed_local_media_path', message: `\`--allowed_local_media_path ${v}\` lets any client make OVMS read image files anywhere under \`${norm}\` — model files, secrets, other users' data. Point it at a dedicated directory of shareable images.` });
    } else if (!atLeast(a, '2026.2')) {
      ctx.report({ span: u.value!.span, key: 'allowed_local_media_path', message: `OVMS ${a.version} checks \`--allowed_local_media_path\` by string prefix without normalising the path: \`${norm}\` also allows \`${norm}_private/…\` and \`..\` escapes. Upgrade to 2026.2 or newer.` });
    }
  },
);
