import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const dos008 = commandRule(
  {
    id: 'OVMS-DOS-008',
    name: 'cache-dir-not-writable',
    severity: 'warning',
    impact: 'risk',
    tags: ['performance', 'container'],
    title: 'Model cache directory not writable',
    description: 'Reports `--cache_dir` on a read-only mount, or inside a read-only container filesystem without a writable mount.',
    why: 'OVMS only warns "Cache directory … is not writable" and runs without a cache (src/modelmanager.cpp:107-124): every start compiles the models again. "Cache folder … should be mounted … with read-write access" (docs/model_cache.md).',
    example: { language: 'shell', invalid: 'docker run -v /srv/cache:/opt/cache:ro openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --cache_dir /opt/cache', valid: 'docker run -v /srv/cache:/opt/cache:rw openvino/model_server:2026.3 --config_path /models/config.json --rest_port 8000 --cache_dir /opt/cache' },
    fix: 'Mount the cache directory read-write.',
  },
  (ctx, cmd, a) => {
    const c = cmd.container;
    const dir = a.str('cache_dir');
    if (!c || !dir || !dir.startsWith('/') || !a.serves) return;
    const m = mountOf(cmd, dir);
    const u = a.use('cache_dir')!;
    if (m?.readOnly) ctx.report({ span: m.span, key: 'cache_dir', related: [{ file: ctx.file.path, span: u.span, message: 'the cache directory' }], message: `The model cache \`${dir}\` is mounted read-only: OVMS only warns and runs without a cache, compiling every model again at each start. Mount it read-write.` });
    else if (!m && c.readOnly) ctx.report({ span: u.span, key: 'cache_dir', message: `\`${dir}\` is inside the read-only container filesystem: OVMS cannot write the cache and recompiles every model at each start. Mount a writable volume there.` });
  },
);
