import { linkedDeployment } from './deployment-link';
import { commandRule } from './define';

export const dos010 = commandRule(
  {
    id: 'OVMS-DOS-010',
    name: 'generative-without-memory-limit',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'llm', 'container'],
    cwe: 770,
    title: 'Generative workload without a memory limit',
    description: 'Reports an OVMS container serving generative endpoints (`--task`, `--source_model`, or LLM graphs of a `--model_path` graph directory or of the linked config) without `--memory` (compose `mem_limit`/`deploy.resources.limits.memory`, Kubernetes `resources.limits.memory`).',
    why: 'The dynamic KV cache "with unrestricted concurrency and long contexts … can still grow enough to cause out-of-memory" (docs/performance_tuning.md); without a limit the kernel OOM-kills whatever it chooses on the host, and OOM kills leave no OVMS log (docs/troubleshooting.md).',
    example: { language: 'shell', invalid: 'docker run openvino/model_server:2026.3 --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000', valid: 'docker run --memory 24g openvino/model_server:2026.3 --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000' },
    fix: 'Set a memory limit, and a static `--cache_size` for LLMs.',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c || c.engine === 'dockerfile' || c.memory || !a.serves) return;
    const link = linkedDeployment(ctx.project, ctx.file.path, a);
    if (!link.generative.length) return;
    const how = c.engine === 'kubernetes' ? '`resources.limits.memory`' : c.engine === 'compose' ? '`mem_limit` (or `deploy.resources.limits.memory`)' : '`--memory`';
    ctx.report({ span: c.anchor, key: 'memory', ...(link.generative[0]!.related ? { related: [link.generative[0]!.related] } : {}), message: `This container serves generative models (${link.generative[0]!.reason}) without a memory limit: long prompts and many parallel requests grow the KV cache until the kernel kills processes on the host. Set ${how}, and a static \`--cache_size\` for LLMs.` });
  },
);
