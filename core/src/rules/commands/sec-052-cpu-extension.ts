import { mountOf } from './deployment-link';
import { commandRule } from './define';

export const sec052 = commandRule(
  {
    id: 'OVMS-SEC-052',
    name: 'native-library-location',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'code-execution'],
    cwe: 427,
    title: '`--cpu_extension` loaded from a relative or writable location',
    description: 'Reports a relative `--cpu_extension` path, or one on a writable container mount.',
    why: 'The library is loaded into the OVMS process (`ov::Core::add_extension`, src/modelmanager.cpp:126-130): whoever can replace the file runs code in OVMS. Shipped libraries live in root-owned image directories.',
    example: { language: 'shell', invalid: 'docker run -v /srv/ext:/extension openvino/model_server:2026.3 --model_name m --model_path /models/m --port 9000 --cpu_extension /extension/libcustom.so', valid: 'docker run -v /srv/ext:/extension:ro openvino/model_server:2026.3 --model_name m --model_path /models/m --port 9000 --cpu_extension /extension/libcustom.so' },
    fix: 'A root-owned, read-only location (a `:ro` mount or baked into the image), with an absolute path.',
  },
  (ctx, cmd, a) => {
    const u = a.use('cpu_extension');
    const p = a.str('cpu_extension');
    if (!u || !p || a.mode === 'help') return;
    if (!p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p)) {
      ctx.report({ span: u.value!.span, key: 'cpu_extension', message: `\`--cpu_extension ${p}\` is relative: the library is found from OVMS's working directory, and whoever controls that directory runs code in OVMS. Use an absolute path in a read-only location.` });
      return;
    }
    if (!cmd.container) return;
    const m = mountOf(cmd, p);
    if (m && !m.readOnly && m.type !== 'tmpfs') ctx.report({ span: m.span, key: 'cpu_extension', related: [{ file: ctx.file.path, span: u.span, message: 'the library OVMS loads' }], message: `The CPU extension \`${p}\` comes from a writable mount: anyone who can write there replaces a library that runs inside OVMS. Mount it read-only (\`:ro\`).` });
  },
);
