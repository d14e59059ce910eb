import { isKnown } from '../../flags/words';
import { commandRule } from './define';

export const dos005 = commandRule(
  {
    id: 'OVMS-DOS-005',
    name: 'streams-oversized',
    severity: 'info',
    impact: 'risk',
    tags: ['dos', 'performance'],
    title: 'Conflicting or oversized stream settings on the command line',
    description: 'Checks `--plugin_config` and `--num_streams`: NUM_STREAMS together with PERFORMANCE_HINT (warning), NUM_STREAMS or `--num_streams` above the CPU cores (the `cores` setting), and `--nireq` below NUM_STREAMS.',
    why: '"NUM_STREAMS and PERFORMANCE_HINT should not be used together"; "nireq >= NUM_STREAMS" (docs/performance_tuning.md:95,202-203). Streams bound how many inferences run in parallel per model: far more streams than cores multiply memory without adding throughput (docs/security_considerations.md, DoS).',
    example: { language: 'shell', invalid: 'ovms --model_name m --model_path /models/m --port 9000 --plugin_config \'{"NUM_STREAMS": "64", "PERFORMANCE_HINT": "THROUGHPUT"}\'', valid: 'ovms --model_name m --model_path /models/m --port 9000 --plugin_config \'{"PERFORMANCE_HINT": "THROUGHPUT"}\'' },
    fix: 'Use either PERFORMANCE_HINT or NUM_STREAMS, with at most one stream per core, and `--nireq` ≥ NUM_STREAMS.',
  },
  (ctx, _cmd, a) => {
    if (a.mode === 'help') return;
    const cores = ctx.options.cores;
    const pc = a.use('plugin_config');
    if (pc?.value && isKnown(pc.value)) {
      let o: Record<string, unknown> | undefined;
      try {
        const x = JSON.parse(pc.value.value) as unknown;
        if (x && typeof x === 'object' && !Array.isArray(x)) o = x as Record<string, unknown>;
      } catch {
        o = undefined;
      }
      if (o) {
        const ns = o.NUM_STREAMS !== undefined ? Number(o.NUM_STREAMS) : undefined;
        if (ns !== undefined && o.PERFORMANCE_HINT !== undefined) {
          ctx.report({ span: pc.value.span, key: 'plugin_config', severity: 'warning', message: '`--plugin_config` sets both NUM_STREAMS and PERFORMANCE_HINT: they are not meant to be used together (docs/performance_tuning.md) and one silently overrides the other. Keep one of them.' });
        } else if (ns !== undefined && Number.isFinite(ns) && ns > cores) {
          ctx.report({ span: pc.value.span, key: 'plugin_config', message: `NUM_STREAMS ${ns} is above the ${cores} cores (the \`cores\` setting): every stream holds its own buffers, so memory grows without adding throughput. Use at most one stream per core.` });
        }
        const nireq = a.uint('nireq');
        if (ns !== undefined && typeof nireq === 'number' && nireq > 0 && nireq < ns) {
          ctx.report({ span: a.use('nireq')!.value!.span, key: 'nireq', message: `\`--nireq ${nireq}\` is below NUM_STREAMS ${ns}: some streams can never get a request (docs/performance_tuning.md: nireq >= NUM_STREAMS). Raise \`--nireq\` or leave it 0 (auto).` });
        }
      }
    }
    const n = a.uint('num_streams');
    if (typeof n === 'number' && n > cores) {
      ctx.report({ span: a.use('num_streams')!.value!.span, key: 'num_streams', message: `\`--num_streams ${n}\` is above the ${cores} cores (the \`cores\` setting): memory grows with every stream without adding throughput. Use at most one stream per core.` });
    }
  },
);
