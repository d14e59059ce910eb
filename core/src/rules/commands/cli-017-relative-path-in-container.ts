import { commandRule, flag } from './define';

export const cli017 = commandRule(
  {
    id: 'OVMS-CLI-017',
    name: 'relative-path-in-container',
    severity: 'warning',
    impact: 'load',
    tags: ['cli', 'container'],
    title: 'Relative `--model_repository_path`/`--model_path` inside a container',
    description: 'Reports a relative `--model_repository_path`, `--model_path` or `--config_path` in a container command (docker run, compose, Kubernetes, Dockerfile).',
    why: 'The working directory of the OVMS image is `/`, which user 5000 cannot write; relative paths end up there: "failed to make directory \'models/OpenVINO\': Permission denied" (openvinotoolkit/openvino#33328).',
    example: { language: 'shell', invalid: 'docker run -v $PWD/models:/models openvino/model_server:2026.3 --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path models --task text_generation', valid: 'docker run -v $PWD/models:/models openvino/model_server:2026.3 --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation' },
    fix: 'Use the absolute path of the mount inside the container, e.g. `/models`.',
  },
  (ctx, cmd, a) => {
    if (!cmd.container || a.mode === 'help') return;
    for (const name of ['model_repository_path', 'model_path', 'config_path']) {
      const u = a.use(name);
      const v = a.str(name);
      if (!u || v === undefined || v === '' || v.startsWith('/') || /^[a-z0-9]+:\/\//i.test(v) || /^[A-Za-z]:[\\/]/.test(v)) continue;
      // with --add_to_config the path is written into config.json, where it is relative to the config's directory
      if (a.mode === 'modify_config' && name === 'model_path') continue;
      ctx.report({ span: u.value!.span, key: name, message: `${flag(name)} \`${v}\` is relative: inside the container it resolves against \`/\`, where OVMS (user 5000) cannot write and your mount is not. Use the absolute mount path, e.g. \`/models\`.` });
    }
  },
);
