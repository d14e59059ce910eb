import { compareVersions } from '../../flags/table';
import { commandRule } from './define';

export const ver001 = commandRule(
  {
    id: 'OVMS-VER-001',
    name: 'flag-newer-than-image',
    severity: 'error',
    impact: 'startup',
    tags: ['version', 'cli'],
    title: 'Flag newer than the OVMS version in use',
    description: 'Reports flags that the OVMS version of the image tag (or the `ovmsVersion` setting) does not have yet, e.g. `--api_key_file` before 2025.4, `--allowed_media_domains` before 2026.0, `--configure` before 2026.3; also comma-separated bind addresses before 2025.4.',
    why: 'Older binaries reject unknown flags with "error parsing options - unmatched arguments" (reference ovms-config.md §3.9 lists when each flag appeared).',
    example: { language: 'shell', invalid: 'docker run openvino/model_server:2025.3 --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key', valid: 'docker run openvino/model_server:2025.4 --config_path /models/config.json --rest_port 8000 --api_key_file /run/secrets/key' },
    fix: 'Use an image that has the flag (pin `YYYY.N`), or drop the flag.',
  },
  (ctx, cmd, a) => {
    for (const u of cmd.args.uses) {
      const d = u.def;
      if (!d || compareVersions(a.version, d.since) >= 0) continue;
      ctx.report({ span: u.nameSpan, key: u.name, message: `\`--${u.name}\` exists only since OVMS ${d.since}, and this command runs ${a.version}${a.versionFromTag ? ' (image tag)' : ' (the ovmsVersion setting)'}: OVMS exits with "unmatched arguments". Use an image of ${d.since} or newer.` });
    }
    if (compareVersions(a.version, '2025.4') < 0) {
      for (const name of ['rest_bind_address', 'grpc_bind_address']) {
        const v = a.str(name);
        if (v && v.includes(',')) ctx.report({ span: a.use(name)!.value!.span, key: name, message: `Several addresses in \`--${name}\` need OVMS 2025.4; ${a.version} reads the comma list as one invalid address and refuses to start.` });
      }
    }
  },
);
