import { isKnown } from '../../flags/words';
import { commandRule } from './define';

export const sec042 = commandRule(
  {
    id: 'OVMS-SEC-042',
    name: 'hf-token-to-other-endpoint',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'secrets', 'pull'],
    cwe: 319,
    title: 'Hugging Face token sent to a plain-HTTP or third-party endpoint',
    description: 'Reports `HF_TOKEN` together with an `HF_ENDPOINT` that is not https://huggingface.co: an error for `http://`, a warning for mirrors.',
    why: 'OVMS embeds the token in the clone URL (`token:token@host`, src/pull_module/libgit2.cpp:353-372); with `http://` it crosses the network in clear text, and a mirror (docs/parameters.md suggests hf-mirror.com) receives your token.',
    example: { language: 'shell', invalid: 'docker run -e HF_TOKEN -e HF_ENDPOINT=http://hf-mirror.local openvino/model_server:2026.3 --pull --source_model meta-llama/Llama-3.2-1B --model_repository_path /models --task text_generation', valid: 'docker run -e HF_TOKEN openvino/model_server:2026.3 --pull --source_model meta-llama/Llama-3.2-1B --model_repository_path /models --task text_generation' },
    fix: 'Use the official HTTPS endpoint with a fine-grained read-only token, or no token with a mirror.',
  },
  (ctx, _cmd, a) => {
    const tok = a.env('HF_TOKEN');
    const ep = a.env('HF_ENDPOINT');
    if (!tok || !ep?.value || !isKnown(ep.value)) return;
    const url = ep.value.value.replace(/\/+$/, '');
    if (url === 'https://huggingface.co' || url === '') return;
    if (url.startsWith('http://')) ctx.report({ span: ep.span, key: 'HF_ENDPOINT', severity: 'error', message: `\`HF_TOKEN\` is sent to \`${url}\` over plain HTTP: OVMS puts the token in the clone URL, so anyone on the path reads it. Use HTTPS.` });
    else ctx.report({ span: ep.span, key: 'HF_ENDPOINT', message: `\`HF_TOKEN\` is sent to \`${url}\`, not huggingface.co: OVMS puts your token in the clone URL, so the mirror receives it. Use no token with mirrors, or a fine-grained read-only token.` });
  },
);
