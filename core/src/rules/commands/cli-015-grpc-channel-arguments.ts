import { badChannelArguments, channelArguments } from '../../flags/values';
import { isKnown, subSpan } from '../../flags/words';
import { commandRule } from './define';

export const cli015 = commandRule(
  {
    id: 'OVMS-CLI-015',
    name: 'grpc-channel-arguments-format',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'grpc'],
    title: '`--grpc_channel_arguments` not a comma list of key=value',
    description:
      'Reports items of `--grpc_channel_arguments` that do not split into exactly `key=value` (`a=`, `a=b=c`, an empty item from a leading or doubled comma), integer values outside the C++ int range (dropped), and the flag given while gRPC is off (`--port` 0: silently unused, warning).',
    why: 'At gRPC start OVMS fails with "Grpc channel arguments passed in wrong format" (GRPC_CHANNEL_ARG_WRONG_FORMAT) and exits; the check runs only when `--port` is set. Values are read with stoi, and an integer outside int is dropped with "Out of range parameter" (src/grpcservermodule.cpp:60-73,107-149).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --grpc_channel_arguments grpc.max_concurrent_streams=8,,grpc.http2.max_pings_without_data=0', valid: 'ovms --config_path /models/config.json --port 9000 --grpc_channel_arguments grpc.max_concurrent_streams=8,grpc.http2.max_pings_without_data=0' },
    fix: 'Write `key=value` items separated by single commas; values cannot contain commas.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    const u = a.use('grpc_channel_arguments');
    if (!u?.value || !isKnown(u.value)) return;
    const w = u.value;
    if (a.port('port') === 0 && !a.opaque) {
      ctx.report({ span: u.span, key: u.name, severity: 'warning', impact: 'advice', message: '`--grpc_channel_arguments` is silently unused: gRPC is off (`--port` is not set). Remove it, or set `--port`.' });
      return;
    }
    for (const bad of badChannelArguments(w.value)) {
      const span = bad.item ? subSpan(w, bad.index, bad.index + bad.item.length) : subSpan(w, Math.max(0, bad.index - 1), bad.index);
      ctx.report({ span, key: u.name, message: `${bad.item ? `\`${bad.item}\` is not` : 'An empty item is not'} a \`key=value\` pair: gRPC fails to start ("Grpc channel arguments passed in wrong format") and OVMS exits.` });
    }
    for (const [k, v] of channelArguments(w.value)) {
      if (/^-?\d+$/.test(v) && (Number(v) > 2147483647 || Number(v) < -2147483648)) {
        const i = w.value.indexOf(`${k}=`);
        ctx.report({ span: i >= 0 ? subSpan(w, i, i + k.length + 1 + v.length) : w.span, key: u.name, severity: 'warning', impact: 'advice', message: `\`${k}=${v}\` is outside the C++ int range: OVMS drops it with "Out of range parameter" and gRPC keeps its default.` });
      }
    }
  },
);
