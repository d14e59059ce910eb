import { isKnown } from '../../flags/words';
import { commandRule } from './define';

const SECRET_VARS = new Set(['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'AZURE_STORAGE_CONNECTION_STRING', 'HF_TOKEN', 'API_KEY', 'HUGGING_FACE_HUB_TOKEN']);
const PROXY_VARS = /^(https?_proxy|HTTPS?_PROXY)$/;

export const sec040 = commandRule(
  {
    id: 'OVMS-SEC-040',
    name: 'literal-credential',
    severity: 'error',
    impact: 'exposure',
    tags: ['security', 'secrets'],
    cwe: 798,
    title: 'Credential written in plain text in a command line, compose file or manifest',
    description: 'Reports literal values (not `${VAR}`, not a pass-through `-e NAME`, not a Kubernetes secretKeyRef) of AWS_SECRET_ACCESS_KEY, AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN, AZURE_STORAGE_CONNECTION_STRING, HF_TOKEN and API_KEY, and proxy URLs with `user:password@`.',
    why: 'OVMS reads these straight from the environment (src/filesystem/s3filesystem.cpp:92-97, azurefilesystem.cpp:29, pull_module/libgit2.cpp:229, cli_parser.cpp:641). Written in a file they end up in version control, shell history and `docker inspect`; the docs pass them only as "${AWS_SECRET_ACCESS_KEY}" references (docs/using_cloud_storage.md).',
    example: { language: 'shell', invalid: 'docker run -e HF_TOKEN=hf_abcdefghijklmnop openvino/model_server:2026.3 --pull --source_model meta-llama/Llama-3.2-1B --model_repository_path /models --task text_generation', valid: 'docker run -e HF_TOKEN openvino/model_server:2026.3 --pull --source_model meta-llama/Llama-3.2-1B --model_repository_path /models --task text_generation' },
    fix: 'Pass the variable through (`-e NAME`, `${NAME}`), use `--env-file` with 0600 permissions, Docker/Kubernetes secrets, or `--api_key_file` for the API key.',
  },
  (ctx, cmd) => {
    for (const e of cmd.env) {
      const v = e.value;
      if (!v || !isKnown(v) || v.value === '') continue;
      if (SECRET_VARS.has(e.name)) {
        ctx.report({ span: v.span, key: e.name, message: `\`${e.name}\` is written here in plain text: it ends up in version control, shell history and \`docker inspect\`, and whoever reads it gets that access. Pass it through from a secret store instead (\`-e ${e.name}\`, \`\${${e.name}}\`, a Kubernetes secretKeyRef${e.name === 'API_KEY' ? ', or `--api_key_file`' : ''}) and rotate this one.` });
      } else if (PROXY_VARS.test(e.name) && /:\/\/[^/@:\s]+:[^/@\s]+@/.test(v.value)) {
        ctx.report({ span: v.span, key: e.name, message: `\`${e.name}\` holds a proxy password in plain text: it ends up in version control, shell history and \`docker inspect\`. Pass it from a secret store.` });
      }
    }
  },
);
