import { UNPINNED_TAGS } from '../../flags/values';
import { isKnown } from '../../flags/words';
import { isOvmsImage } from '../../flags/docker';
import { commandRule } from './define';

export const ver002 = commandRule(
  {
    id: 'OVMS-VER-002',
    name: 'unpinned-image',
    severity: 'info',
    impact: 'advice',
    tags: ['version', 'supply-chain'],
    title: 'OVMS image not pinned to a release',
    description: 'Reports `openvino/model_server` images without a tag or with `latest`, `latest-gpu`, `latest-py`, `weekly`.',
    why: '`weekly` is "built from the main branch" (docs/deploying_server_docker.md) and `latest` moves with every release: graphs, flags and defaults change under a deployment that did not change (issues #2704, #2912). ovms-lint also needs the version to apply version-specific rules.',
    example: { language: 'shell', invalid: 'docker run openvino/model_server:latest --config_path /models/config.json --rest_port 8000', valid: 'docker run openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000' },
    fix: 'Pin `YYYY.N` (or `YYYY.N-gpu`), or a digest.',
  },
  (ctx, cmd) => {
    const c = cmd.container;
    if (!c?.image || !isKnown(c.image) || !isOvmsImage(c.image.value) || c.digest) return;
    const tag = c.tag;
    if (tag !== undefined && !UNPINNED_TAGS.has(tag)) return;
    ctx.report({ span: c.image.span, key: 'image', message: `\`${c.image.value}\` ${tag ? `uses the moving tag \`${tag}\`` : 'has no tag (= latest)'}: the OVMS version — its flags, defaults and graph format — changes under this deployment without notice${tag?.startsWith('weekly') ? ', and weekly builds come from the main branch' : ''}. Pin a release such as \`openvino/model_server:2026.3\`.` });
  },
);
