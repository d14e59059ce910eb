import { atLeast } from './analysis';
import { commandRule } from './define';
import { LOCAL_MEDIA_FIX_SINCE, localMediaPath, restExposed } from './media-version';

export const sec063 = commandRule(
  {
    id: 'OVMS-SEC-063',
    name: 'local-media-path-too-broad',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'file-read'],
    cwe: 22,
    title: 'Over-broad `--allowed_local_media_path`',
    description: 'Reports `--allowed_local_media_path` set to `/`, a system directory or the model repository (warning), and any value on OVMS older than 2026.2 (prefix-match bypass) when the REST API is reachable from other machines (error). On an old image whose REST API is not reachable from other machines (or the text cannot tell), OVMS-VER-006 gives the upgrade advice instead, as info: one finding per mistake.',
    why: 'Clients may ask OVMS to read any image-decodable file under the path (src/llm/io_processing/image_utils.cpp:167-190). Before 2026.2 the check was a string-prefix comparison without normalisation (PSIRT fix, commit 2569d177c), so `/data/img` also allowed `/data/img_private/…`.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /srv/shared-images' },
    fix: 'A dedicated directory holding only shareable images; upgrade to 2026.2 or newer.',
  },
  (ctx, _cmd, a) => {
    const u = a.use('allowed_local_media_path');
    const p = localMediaPath(a);
    if (!u || !p) return;
    if (p.broad) {
      ctx.report({ span: u.value!.span, key: 'allowed_local_media_path', message: `\`--allowed_local_media_path ${p.value}\` lets any client make OVMS read image files anywhere under \`${p.path}\` — model files, secrets, other users' data. Point it at a dedicated directory of shareable images.` });
    } else if (!atLeast(a, LOCAL_MEDIA_FIX_SINCE) && restExposed(a)) {
      ctx.report({ span: u.value!.span, key: 'allowed_local_media_path', severity: 'error', message: `OVMS ${a.version} checks \`--allowed_local_media_path\` by string prefix without normalising the path, and this REST API is reachable from other machines: any client can read images from \`${p.path}_private/…\` or escape with \`..\`. Upgrade to ${LOCAL_MEDIA_FIX_SINCE} or newer.` });
    }
  },
);
