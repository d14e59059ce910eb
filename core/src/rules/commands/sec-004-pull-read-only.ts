import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const sec004 = commandRule(
  {
    id: 'OVMS-SEC-004',
    name: 'pull-into-read-only',
    severity: 'error',
    impact: 'startup',
    tags: ['container', 'pull'],
    title: 'Pull mode writes into a read-only model repository',
    description: 'Reports `--pull`/`--source_model` when the mount holding `--model_repository_path` is read-only (`:ro`), or the container root filesystem is read-only and the repository is not on a writable mount.',
    why: 'Pulling clones or converts the model into the repository; on a read-only path it fails ("Libgit2 clone error … Read-only file system", canonical/inference-snaps#249). The docs always mount the repository `:rw` for pulling.',
    example: { language: 'shell', invalid: 'docker run -v $PWD/models:/models:ro openvino/model_server:2026.3 --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation', valid: 'docker run -v $PWD/models:/models:rw openvino/model_server:2026.3 --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation' },
    fix: 'Mount the repository read-write for the pull step only, then serve it read-only with `--model_path`/`--task` or a config.',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    if (!c || (a.mode !== 'pull' && a.mode !== 'pull_and_start')) return;
    const repo = a.str('model_repository_path');
    if (!repo || !repo.startsWith('/')) return;
    const m = mountOf(cmd, repo);
    const u = a.use('model_repository_path')!;
    if (m && m.readOnly) {
      ctx.report({ span: m.span, key: 'model_repository_path', related: [{ file: ctx.file.path, span: u.span, message: 'the repository OVMS pulls into' }], message: `The model repository \`${repo}\` is mounted read-only, but ${a.mode === 'pull' ? '`--pull`' : '`--source_model`'} downloads into it: the pull fails ("Read-only file system") and OVMS exits. Mount it read-write for the pull step.` });
    } else if (!m && c.readOnly) {
      ctx.report({ span: u.span, key: 'model_repository_path', message: `The root filesystem is read-only and \`${repo}\` is on no writable mount: the pull fails ("Read-only file system"). Mount a writable volume at \`${repo}\`.` });
    }
  },
);
