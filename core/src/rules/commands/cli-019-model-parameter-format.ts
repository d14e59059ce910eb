import { layoutProblem, shapeProblem } from '../../flags/values';
import { isKnown } from '../../flags/words';
import { commandRule } from './define';

function jsonObject(v: string): Record<string, unknown> | undefined | 'bad' {
  try {
    const o = JSON.parse(v) as unknown;
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : 'bad';
  } catch {
    return 'bad';
  }
}

export const cli019 = commandRule(
  {
    id: 'OVMS-CLI-019',
    name: 'model-parameter-format',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: 'Unparsable `--layout`, `--shape`, `--model_version_policy` or `--plugin_config`',
    description:
      'Checks the single-model parameters: `--layout` (letters N C H W D ? . and at most one `:`, or a JSON object of such strings), `--shape` (`(1,3,224,224)`, `auto` or a JSON object), `--model_version_policy` (JSON object with exactly one of all/latest/specific) and `--plugin_config` (JSON object).',
    why: 'A malformed value aborts single-model start: "Couldn\'t parse layout parameter", "There was an error parsing shape", MODEL_VERSION_POLICY_WRONG_FORMAT, "Couldn\'t start model manager" (src/modelmanager.cpp:293-346; issue #1921; reference ovms-config.md §2.7-2.9).',
    example: { language: 'shell', invalid: 'ovms --model_name resnet --model_path /models/resnet --port 9000 --layout NHWC->NCHW', valid: 'ovms --model_name resnet --model_path /models/resnet --port 9000 --layout NHWC:NCHW' },
    fix: 'Use the formats in the message; quote JSON values for the shell (`--plugin_config \'{"NUM_STREAMS":"1"}\'`).',
  },
  (ctx, _cmd, a) => {
    if (a.mode === 'help') return;
    const check = (name: string, f: (v: string) => string | undefined) => {
      const u = a.use(name);
      if (!u?.value || !isKnown(u.value)) return;
      const problem = f(u.value.value);
      if (problem) ctx.report({ span: u.value.span, key: name, message: `\`--${name}\` value cannot be parsed: ${problem}. OVMS does not start the model.` });
    };
    check('layout', (v) => {
      if (v.trim().startsWith('{')) {
        const o = jsonObject(v);
        if (o === 'bad' || !o) return 'not a JSON object';
        for (const [k, x] of Object.entries(o)) {
          if (typeof x !== 'string') return `the layout of \`${k}\` is not a string`;
          const p = layoutProblem(x);
          if (p) return `the layout of \`${k}\` has ${p}`;
        }
        return undefined;
      }
      const p = layoutProblem(v);
      return p ? `it has ${p} (a layout is e.g. \`NHWC\` or \`NHWC:NCHW\`)` : undefined;
    });
    check('shape', (v) => {
      if (v.trim().startsWith('{')) {
        const o = jsonObject(v);
        if (o === 'bad' || !o) return 'not a JSON object';
        for (const [k, x] of Object.entries(o)) {
          if (typeof x !== 'string') continue;
          const p = shapeProblem(x);
          if (p) return `the shape of \`${k}\`: ${p}`;
        }
        return undefined;
      }
      return shapeProblem(v);
    });
    check('model_version_policy', (v) => {
      const o = jsonObject(v);
      if (o === 'bad' || !o) return 'not a JSON object (e.g. `{"latest": {"num_versions": 1}}`)';
      const keys = Object.keys(o);
      if (keys.length !== 1 || !['all', 'latest', 'specific'].includes(keys[0]!)) return 'it must have exactly one of `all`, `latest`, `specific`';
      return undefined;
    });
    check('plugin_config', (v) => {
      const o = jsonObject(v);
      return o === 'bad' || !o ? 'not a JSON object (e.g. `{"NUM_STREAMS": "1"}`)' : undefined;
    });
  },
);
