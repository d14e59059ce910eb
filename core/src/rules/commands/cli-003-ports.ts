import { commandRule } from './define';

export const cli003 = commandRule(
  {
    id: 'OVMS-CLI-003',
    name: 'port-settings',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: 'Invalid `--port`/`--rest_port` combination',
    description: 'Reports a serving command where `--port` and `--rest_port` are both unset or 0, are equal and non-zero, or one of them is above 65535.',
    why: 'Config::validate() refuses to start with "port and rest_port cannot both be unset", "port and rest_port cannot have the same values" or "port number out of range from 0 to 65535" (src/config.cpp:302-305,356-379). Both default to 0, which means "off".',
    example: {
      language: 'shell',
      invalid: 'ovms --config_path /models/config.json --port 8000 --rest_port 8000',
      valid: 'ovms --config_path /models/config.json --port 9000 --rest_port 8000',
    },
    fix: 'Give gRPC (`--port`) and/or REST (`--rest_port`) a port from 1 to 65535, different from each other.',
  },
  (ctx, cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    for (const name of ['port', 'rest_port'] as const) {
      const v = a.uint(name);
      if (typeof v === 'number' && v > 65535) {
        ctx.report({ span: a.use(name)!.value!.span, key: name, message: `\`--${name} ${v}\` is out of range: OVMS refuses to start ("${name} number out of range from 0 to 65535"). Use a port from 1 to 65535.` });
      }
    }
    const g = a.port('port');
    const r = a.port('rest_port');
    if (g === 0 && r === 0 && !a.opaque) {
      ctx.report({ span: cmd.anchor, message: 'Neither `--port` (gRPC) nor `--rest_port` (REST) is set: OVMS refuses to start ("port and rest_port cannot both be unset"). Add `--rest_port 8000` and/or `--port 9000`.' });
    } else if (g !== undefined && g === r && g !== 0) {
      const u = a.use('rest_port')!;
      ctx.report({ span: u.span, key: 'rest_port', message: `\`--port\` and \`--rest_port\` are both ${g}: OVMS refuses to start ("port and rest_port cannot have the same values"). Give REST and gRPC different ports.` });
    }
  },
);
