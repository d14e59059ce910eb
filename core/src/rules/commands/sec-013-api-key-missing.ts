import { apiKey, beyondLoopback, exposure } from './exposure';
import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

export const sec013 = commandRule(
  {
    id: 'OVMS-SEC-013',
    name: 'api-key-missing',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'auth', 'llm', 'cross-file'],
    cwe: 306,
    title: 'Generative /v3 endpoints served without an API key',
    description: 'Reports a serving OVMS with REST enabled whose deployment is generative — `--task`, `--source_model`, a `--model_path` graph directory or a config.json (followed through the volume mounts; model-mesh `1/graph.pbtxt` included) whose graphs run HttpLLMCalculator, EmbeddingsCalculatorOV, RerankCalculatorOV, ImageGenCalculator, S2tCalculator or T2sCalculator — with neither `--api_key_file` nor `API_KEY` (or `API_KEY` set empty). An error when the REST port is reachable beyond loopback.',
    why: '"If parameter api_key_file and variable API_KEY are not set, the server will not require any authorization" (docs/security_considerations.md); OVMS logs "API key not provided via --api_key_file or API_KEY environment variable. Authentication will be disabled." Anyone who reaches the port can run your LLM at your cost and read what it returns.',
    example: { language: 'shell', invalid: 'docker run -p 127.0.0.1:8000:8000 openvino/model_server:2026.3 --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000', valid: 'docker run -p 127.0.0.1:8000:8000 -v /run/secrets/ovms_api_key:/run/secrets/key:ro openvino/model_server:2026.3 --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --api_key_file /run/secrets/key' },
    fix: 'Add `--api_key_file /run/secrets/key` with the key mounted read-only from a secret store; clients send `Authorization: Bearer <key>`.',
  },
  (ctx, _cmd, a) => {
    if (!a.serves) return;
    const e = exposure(a, 'rest');
    if (e.reach === 'off' || e.reach === 'unknown' && a.port('rest_port') === 0) return;
    const key = apiKey(a);
    if (key !== 'none' && key !== 'env-empty') return;
    const link = linkedDeployment(ctx.project, ctx.file.path, a);
    if (!link.generative.length) return;
    const g = link.generative[0]!;
    const exposed = beyondLoopback(e.reach);
    const why = key === 'env-empty' ? '`API_KEY` is set to an empty string, which disables authentication' : 'neither `--api_key_file` nor `API_KEY` is set';
    ctx.report({
      span: e.span,
      key: 'api_key_file',
      ...(exposed ? { severity: 'error' as const } : {}),
      ...(g.related ? { related: [g.related] } : {}),
      message: `This deployment serves generative /v3 endpoints (${g.reason}) and ${why}: anyone who reaches the REST port${exposed ? ' — here from other machines —' : ''} can run the models, at your cost, and read their output. Add \`--api_key_file /run/secrets/key\` (a read-only mounted secret); clients then send \`Authorization: Bearer <key>\`.`,
    });
  },
);
