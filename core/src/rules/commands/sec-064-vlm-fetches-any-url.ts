import { atLeast } from './analysis';
import { commandRule } from './define';
import { exposure } from './exposure';
import { chatCompletions, MEDIA_URL_GUARD_SINCE, restExposed } from './media-version';

export const sec064 = commandRule(
  {
    id: 'OVMS-SEC-064',
    name: 'vlm-fetches-any-url',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'ssrf', 'llm', 'version', 'cross-file'],
    cwe: 918,
    title: 'Chat completions on an OVMS older than 2026.0 fetch any image URL',
    description:
      'Reports a serving OVMS older than 2026.0 (image tag, else the `ovmsVersion` setting) that serves /v3/chat/completions — `--task text_generation`, a text-generation-only option such as `--pipeline_type VLM` without `--task` (OVMS starts only if it infers that task), or a config.json whose graphs run HttpLLMCalculator — with the REST API reachable from other machines. When the REST API is not reachable from other machines, or the text cannot tell, OVMS-VER-006 reports the same old image as upgrade advice (info) instead: one finding per deployment, never both. A `--source_model` without `--task` is left alone (OVMS infers the task at start).',
    why:
      'Before 2026.0 (#3912, commit edcba9612 in src/llm/apis/openai_completions.cpp) image URLs in chat messages were downloaded with `CURLOPT_FOLLOWLOCATION` and no domain check: `--allowed_media_domains` did not exist and redirects were followed. Any client can make OVMS request any URL it can reach — internal services, cloud metadata endpoints (SSRF, CWE-918). Since 2026.0 URLs are refused unless `--allowed_media_domains` lists their host, and redirects are off unless `OVMS_MEDIA_URL_ALLOW_REDIRECTS` is set.',
    example: {
      language: 'shell',
      invalid: 'docker run -p 8000:8000 openvino/model_server:2025.4 --source_model OpenVINO/Qwen2.5-VL-7B-Instruct-int4-ov --model_repository_path /models --task text_generation --rest_port 8000',
      valid: 'docker run -p 8000:8000 openvino/model_server:2026.0 --source_model OpenVINO/Qwen2.5-VL-7B-Instruct-int4-ov --model_repository_path /models --task text_generation --rest_port 8000',
    },
    fix: 'Upgrade to 2026.0 or newer (image URLs are then refused unless `--allowed_media_domains` lists their host); until then block egress from the container (a network without a route out, or an egress proxy/NetworkPolicy).',
  },
  (ctx, cmd, a) => {
    if (!a.serves || atLeast(a, MEDIA_URL_GUARD_SINCE) || !restExposed(a)) return;
    const chat = chatCompletions(ctx.project, ctx.file.path, a);
    if (!chat) return;
    const related = [...(chat.related ? [chat.related] : []), ...(cmd.container?.image ? [{ file: ctx.file.path, span: cmd.container.image.span, message: `OVMS ${a.version}` }] : [])];
    ctx.report({
      span: exposure(a, 'rest').span,
      key: 'rest_port',
      ...(related.length ? { related } : {}),
      message: `This OVMS ${a.version}${a.versionFromTag ? '' : ' (the `ovmsVersion` setting)'} serves /v3/chat/completions (${chat.reason}) to other machines, and before ${MEDIA_URL_GUARD_SINCE} it downloads every image URL in a chat message, following redirects, with no domain check: any client can make it request internal services or cloud metadata endpoints (SSRF). Upgrade to ${MEDIA_URL_GUARD_SINCE} or newer, where URLs are refused unless \`--allowed_media_domains\` lists their host; until then block egress from the container.`,
    });
  },
);
