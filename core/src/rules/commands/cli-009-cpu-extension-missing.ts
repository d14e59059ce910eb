import { hostCandidates, mountOf } from './deployment-link';
import { commandRule } from './define';

export const cli009 = commandRule(
  {
    id: 'OVMS-CLI-009',
    name: 'cpu-extension-missing',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--cpu_extension` file does not exist',
    description: 'Reports `--cpu_extension` when the file can be located on this machine — through a bind mount with a known host path (absolute, or relative to a compose file or script), or directly for `ovms` — and does not exist; and, in a container, a path no volume provides.',
    why: 'Config::validate() refuses to start with "File path provided as an --cpu_extension parameter does not exist in the filesystem: {path}" (src/config.cpp:381-385).',
    example: { language: 'shell', invalid: 'docker run -v ./ext:/extension:ro openvino/model_server:2026.3 --model_name m --model_path /models/m --port 9000 --cpu_extension /extension/libmissing.so', valid: 'docker run -v ./ext:/extension:ro openvino/model_server:2026.3 --model_name m --model_path /models/m --port 9000 --cpu_extension /extension/libcustom.so' },
    fix: 'Point `--cpu_extension` at the library as OVMS sees it (inside the container: the mount target).',
  },
  (ctx, cmd, a) => {
    const u = a.use('cpu_extension');
    const p = a.str('cpu_extension');
    if (!u || !p || a.mode === 'help' || a.mode === 'modify_config' || a.mode === 'list_models' || a.mode === 'pull') return;
    const c = cmd.container;
    if (c && c.engine !== 'dockerfile' && p.startsWith('/') && !c.opaqueOptions && !mountOf(cmd, p) && !p.startsWith('/ovms/')) {
      ctx.report({ span: u.value!.span, key: 'cpu_extension', message: `No volume of the container provides \`${p}\`: OVMS refuses to start ("File path provided as an --cpu_extension parameter does not exist in the filesystem"). Mount the library and use its path inside the container.` });
      return;
    }
    if (!c || c.engine === 'dockerfile') return; // the machine OVMS runs on is not this one
    const candidates = hostCandidates(ctx.project, ctx.file.path, cmd, p);
    const m = mountOf(cmd, p);
    // only a host path written out in the file (or relative to it) is certain
    if (!m || m.source === undefined || m.source.startsWith('\u0000') || candidates.length !== 1) return;
    // a relative source is relative to the compose file; for `docker run` it is the unknown working directory
    if (!m.source.startsWith('/') && c.engine !== 'compose') return;
    const host = candidates[0]!;
    const dir = host.slice(0, host.lastIndexOf('/'));
    if (!ctx.project.host.stat(dir)?.isDirectory) return; // the mounted directory itself is not on this machine
    if (ctx.project.host.stat(host)?.isFile) return;
    ctx.report({ span: u.value!.span, key: 'cpu_extension', related: [{ file: ctx.file.path, span: m.span, message: `mounted from ${host.slice(0, host.length - (p.length - m.target!.length))}` }], message: `\`${p}\` is \`${host}\` on the host, which does not exist: OVMS refuses to start ("File path provided as an --cpu_extension parameter does not exist in the filesystem: ${p}").` });
  },
);
