import { atLeast } from './analysis';
import { commandRule } from './define';
import { exposure } from './exposure';
import { chatCompletions, LOCAL_MEDIA_FIX_SINCE, localMediaPath, MEDIA_URL_GUARD_SINCE, restExposed, restServed } from './media-version';

export const ver006 = commandRule(
  {
    id: 'OVMS-VER-006',
    name: 'media-guard-missing-in-version',
    severity: 'info',
    impact: 'advice',
    tags: ['version', 'security', 'llm'],
    title: 'OVMS version without the media-input fixes (local media path before 2026.2, image URLs before 2026.0)',
    description:
      'Upgrade advice for an OVMS image (tag, else the `ovmsVersion` setting) that lacks a media-input fix while serving REST: `--allowed_local_media_path` before 2026.2 (prefix-match bypass), or /v3/chat/completions (`--task text_generation`, or a graph running HttpLLMCalculator) before 2026.0 (image URLs fetched from anywhere). The split with the security rules, one finding per deployment: when the REST API is reachable from other machines, OVMS-SEC-063 (error) and OVMS-SEC-064 (warning) report the attack and VER-006 stays silent; VER-006 speaks when REST is only reachable from the host or a container network, or when the text cannot tell. An over-broad path (`/`, `/etc`, the model repository) is OVMS-SEC-063 on every version.',
    why:
      'OVMS 2026.2 fixed `--allowed_local_media_path` (PSIRT, commit 2569d177c #4199: it was a string prefix without normalisation, so `/data/img` also allowed `/data/img_private/…`); OVMS 2026.0 added `--allowed_media_domains` and turned redirects off (commit edcba9612 #3912: before, image URLs were downloaded with redirects and no domain check). Without exposure to other machines the flaw is reachable only through whatever forwards requests to OVMS — a proxy, a local app — so it is advice, not an alarm.',
    example: {
      language: 'shell',
      invalid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.1 --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /srv/images',
      valid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.2 --config_path /models/config.json --rest_port 8000 --allowed_local_media_path /srv/images',
    },
    fix: 'Pin an image of 2026.2 or newer (`openvino/model_server:2026.2`).',
  },
  (ctx, cmd, a) => {
    if (!restServed(a) || restExposed(a)) return;
    const where = a.versionFromTag ? '' : ' (the `ovmsVersion` setting)';
    const reach = exposure(a, 'rest').reach;
    const who = reach === 'loopback' ? 'only this host reaches the REST port' : reach === 'container' ? 'only the container network reaches the REST port' : 'who reaches the REST port is not written here';
    const local = localMediaPath(a);
    if (local && !local.broad && !atLeast(a, LOCAL_MEDIA_FIX_SINCE)) {
      ctx.report({
        span: a.use('allowed_local_media_path')!.value!.span,
        key: 'allowed_local_media_path',
        message: `OVMS ${a.version}${where} checks \`--allowed_local_media_path\` by string prefix without normalising the path (fixed in ${LOCAL_MEDIA_FIX_SINCE}): \`${local.path}\` also opens \`${local.path}_private/…\` and \`..\` escapes to whoever can send requests (${who}). Upgrade to ${LOCAL_MEDIA_FIX_SINCE} or newer.`,
      });
    }
    if (atLeast(a, MEDIA_URL_GUARD_SINCE)) return;
    const chat = chatCompletions(ctx.project, ctx.file.path, a);
    if (!chat) return;
    ctx.report({
      span: cmd.container?.image?.span ?? a.use('rest_port')?.span ?? cmd.anchor,
      key: 'image',
      ...(chat.related ? { related: [chat.related] } : {}),
      message: `OVMS ${a.version}${where} serves /v3/chat/completions (${chat.reason}) and, before ${MEDIA_URL_GUARD_SINCE}, downloads any image URL a chat message names, following redirects (${who}). Upgrade to ${MEDIA_URL_GUARD_SINCE} or newer (URLs then need \`--allowed_media_domains\`).`,
    });
  },
);
