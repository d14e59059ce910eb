import { mountedOnHost, mountOf, mountProviding, shownPath } from './deployment-link';
import { commandRule } from './define';

export const cli009 = commandRule(
  {
    id: 'OVMS-CLI-009',
    name: 'cpu-extension-missing',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--cpu_extension` file does not exist',
    description: 'Reports, in a container, a `--cpu_extension` path no volume provides; and a path whose bind mount can be followed to a directory on this machine (absolute, relative to the compose file, or `./dir` / `$(pwd)/dir` next to the script or Markdown file, Kubernetes `hostPath`) that holds no such file, or to a Kubernetes ConfigMap/Secret of the same manifest without that key.',
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
    // a ConfigMap/Secret volume defined in the manifest: its keys are the files it holds
    const m = mountOf(cmd, p);
    if (m?.files && !mountProviding(cmd, p)) {
      const held = m.files.filter((f) => f !== '').map((f) => `\`${f}\``).join(', ') || 'no such file';
      ctx.report({ span: u.value!.span, key: 'cpu_extension', related: [{ file: ctx.file.path, span: m.span, message: `this volume holds ${held}` }], message: `No file \`${p}\` comes with the volume mounted at \`${m.target}\` (it holds ${held}): OVMS refuses to start ("File path provided as an --cpu_extension parameter does not exist in the filesystem: ${p}"). Point \`--cpu_extension\` at one of its files, or add the library to the ConfigMap/Secret.` });
      return;
    }
    // follow the bind mount to the host: only a mounted directory that exists here can be checked
    const on = mountedOnHost(ctx.project, ctx.file.path, cmd, p);
    if (!on || ctx.project.host.stat(on.hostPath)?.isFile) return;
    ctx.report({ span: u.value!.span, key: 'cpu_extension', related: [{ file: ctx.file.path, span: on.mount.span, message: `mounted from ${shownPath(ctx.file.path, on.root)}` }], message: `\`${p}\` is \`${shownPath(ctx.file.path, on.hostPath)}\` on the host: the mounted directory exists but holds no such file, so OVMS refuses to start ("File path provided as an --cpu_extension parameter does not exist in the filesystem: ${p}"). Point \`--cpu_extension\` at the library's path inside the container, or put the library into ${shownPath(ctx.file.path, on.root)}.` });
  },
);
