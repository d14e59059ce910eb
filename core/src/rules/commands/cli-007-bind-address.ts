import { invalidBindAddressParts } from '../../flags/values';
import { isKnown, subSpan } from '../../flags/words';
import { commandRule } from './define';

export const cli007 = commandRule(
  {
    id: 'OVMS-CLI-007',
    name: 'bind-address-format',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'network'],
    title: 'Invalid `--rest_bind_address`/`--grpc_bind_address`',
    description:
      'Checks each comma-separated part of the bind addresses the way OVMS does: a dotted IPv4 (no leading zeros), a numeric IPv6 (no brackets, no zone id), or a hostname of letters, digits and hyphens (no trailing dot, no underscore). A hostname made only of hex letters such as `cafe` is read as numeric and rejected; empty parts are rejected.',
    why: 'Config::validate() refuses to start with "rest_bind_address has invalid format: proper hostname or IP address expected." (src/config.cpp:96-138,367-375; reference ovms-config.md §3.7).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --rest_bind_address [::1]', valid: 'ovms --config_path /models/config.json --rest_port 8000 --rest_bind_address 127.0.0.1,::1' },
    fix: 'Write plain IPs or hostnames separated by commas: `127.0.0.1,::1`, `localhost`.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    for (const name of ['rest_bind_address', 'grpc_bind_address']) {
      const u = a.use(name);
      if (!u?.value || !isKnown(u.value)) continue;
      for (const bad of invalidBindAddressParts(u.value.value)) {
        const at = Math.min(bad.index, u.value.value.length - 1);
        const span = bad.part ? subSpan(u.value, bad.index, bad.index + bad.part.length) : subSpan(u.value, at, at + 1);
        const what = bad.part === '' ? 'an empty address (stray comma)' : `\`${bad.part}\``;
        const hint = /^\[.*\]$/.test(bad.part) ? ' Write IPv6 addresses without brackets.' : /^[a-fA-F.]+$/.test(bad.part) && bad.part !== '' ? ' A name made only of hex letters is read as a numeric address.' : '';
        ctx.report({ span, key: name, message: `${what} is not a valid address for \`--${name}\`: OVMS refuses to start ("${name} has invalid format: proper hostname or IP address expected.").${hint}` });
      }
    }
  },
);
