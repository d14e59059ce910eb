import { channelArguments } from '../../flags/values';
import { isKnown } from '../../flags/words';
import { commandRule } from './define';

export const dos003 = commandRule(
  {
    id: 'OVMS-DOS-003',
    name: 'grpc-channel-limits',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'grpc'],
    cwe: 770,
    title: '`--grpc_channel_arguments` weakening gRPC limits',
    description: 'Reports `grpc.max_concurrent_streams` above 4 × the CPU cores (the `cores` setting; the default is the core count), and `grpc.max_receive_message_length`/`grpc.max_send_message_length` above 1 GiB or -1.',
    why: 'OVMS sets max_concurrent_streams to the core count (src/grpcservermodule.cpp:52-55) and caps messages at 1 GB; channel arguments are applied after the size setters, so they can lift the cap (gRPC 1.74 ServerBuilder::BuildChannelArgs). Issue #310: users raised the server limit for what was a client-side limit.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --grpc_channel_arguments grpc.max_receive_message_length=-1', valid: 'ovms --config_path /models/config.json --port 9000' },
    fix: 'Raise client limits instead; keep the server defaults.',
  },
  (ctx, _cmd, a) => {
    const u = a.use('grpc_channel_arguments');
    if (!u?.value || !isKnown(u.value) || !a.serves || a.port('port') === 0) return;
    const args = channelArguments(u.value.value);
    const streams = args.get('grpc.max_concurrent_streams');
    if (streams && /^\d+$/.test(streams) && Number(streams) > 4 * ctx.options.cores) {
      ctx.report({ span: u.span, key: 'grpc_channel_arguments', message: `\`grpc.max_concurrent_streams=${streams}\` is far above the ${ctx.options.cores} cores (the \`cores\` setting; OVMS's default is one stream per core): one client can open that many concurrent requests and exhaust the server. Keep it close to the core count.` });
    }
    for (const k of ['grpc.max_receive_message_length', 'grpc.max_send_message_length']) {
      const v = args.get(k);
      if (v === undefined || !/^-?\d+$/.test(v)) continue;
      if (Number(v) === -1 || Number(v) > 1073741824) {
        ctx.report({ span: u.span, key: 'grpc_channel_arguments', message: `\`${k}=${v}\` lifts OVMS's 1 GB message cap: single requests can then take gigabytes of memory. Keep the server default and raise the client's limit if needed.` });
      }
    }
  },
);
