import type { ConfigDocument } from '../../documents';
import type { ConfigRule, RuleContext } from '../types';
import { batchProblem, layoutProblem, shapeProblem } from './dimensions';
import { escapePointerSegment } from './json-index';
import { configIndex, reportSchemaIssues } from './schema-analysis';
import { valueAt, whose } from './schema-messages';

export const fieldTypes: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-006',
    name: 'config-field-type',
    severity: 'error',
    impact: 'startup',
    tags: ['schema'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Model config value has the wrong type, bound or syntax',
    description:
      'Checks the values of model (and graph) entries: strings for name, base_path, graph_path, subconfig, target_device; nireq an integer ≥ 0; batch_size an integer ≥ 0 or a string; allow_cache a boolean; shape and layout a string or an object of strings; custom_loader_options with a string loader_name. Integers written as 2.0 or 1e3 are reported, because OVMS reads them as floating point. Then the strings OVMS parses later: a batch_size string that is not "N", "-1" or "min:max" and a malformed shape are ignored by OVMS with only a log warning (warning); a malformed layout makes the model fail to load (error).',
    why:
      'Type and bound violations fail MODELS_CONFIG_SCHEMA (src/schema.cpp:188-247): OVMS rejects the whole config.json and exits. The schema does not look inside strings: "Wrong batch size parameter provided. Model batch size will be set to default." and "There was an error parsing shape" are only warnings (src/modelconfig.cpp:195-213, 554-614; the shape error check is inverted), so the model runs with a different shape than intended; an invalid layout makes the model entry invalid (LAYOUT_WRONG_FORMAT, src/modelconfig.cpp:342-394). The schema accepts a negative batch size written as a string ("-2"), which then silently falls back to the default.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "nireq": "4", "batch_size": -1, "shape": "1,3,224,224"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "nireq": 4, "shape": "(-1,3,224,224)"}}]}',
    },
    fix: 'Write numbers without quotes and without a fraction; write shapes as "(d1,d2,...)" and layouts as "NHWC:NCHW".',
  },
  check(ctx) {
    reportSchemaIssues(ctx, 'OVMS-CFG-006');
    checkStrings(ctx);
  },
};

function checkStrings(ctx: RuleContext<ConfigDocument>): void {
  const ix = configIndex(ctx.doc);
  const list = valueAt(ix.value, ['model_config_list']);
  if (!Array.isArray(list)) return;
  list.forEach((_, i) => {
    const base = `/model_config_list/${i}/config`;
    const cfg = valueAt(ix.value, ['model_config_list', String(i), 'config']);
    if (!cfg || typeof cfg !== 'object' || Array.isArray(cfg)) return;
    const of = whose(ix.value, ['model_config_list', String(i)]);
    const c = cfg as Record<string, unknown>;
    const at = (ptr: string) => ix.nodes.get(ptr)?.node;

    if (typeof c.nireq === 'number' && Number.isInteger(c.nireq) && c.nireq > 100000) {
      const n = at(`${base}/nireq`);
      if (n) {
        ctx.report({
          span: { start: n.offset, end: n.offset + n.length },
          key: `${base}/nireq`,
          impact: 'load',
          message: `nireq ${c.nireq}${of} is above OVMS's maximum of 100000: the schema accepts it, but loading fails ("Invalid nireq because its value was too high", INVALID_NIREQ)${c.nireq > 4294967295 ? ' (and the value does not even fit the 32-bit field it is stored in)' : ''}. Use a value up to 100000, or 0 to let OpenVINO choose.`,
        });
      }
    }
    const clo = c.custom_loader_options;
    if (clo && typeof clo === 'object' && !Array.isArray(clo)) {
      const bad = Object.entries(clo).find(([, v]) => typeof v !== 'string');
      const n = bad && at(`${base}/custom_loader_options/${escapePointerSegment(bad[0])}`);
      if (bad && n && bad[0] !== 'loader_name') {
        ctx.report({
          span: { start: n.offset, end: n.offset + n.length },
          key: `${base}/custom_loader_options/${escapePointerSegment(bad[0])}`,
          severity: 'warning',
          impact: 'load',
          message: `custom_loader_options value \`${bad[0]}\`${of} is not a string: OVMS stops reading the options there ("Couldn't parse custom loader options config"), so this and the following options never reach the loader. Write it as a string.`,
        });
      }
    }
    const shape = c.shape;
    if (shape && typeof shape === 'object' && !Array.isArray(shape) && 'ANONYMOUS_INPUT_NAME' in shape) {
      const k = ix.nodes.get(`${base}/shape/ANONYMOUS_INPUT_NAME`)?.keyNode;
      if (k) {
        ctx.report({
          span: { start: k.offset, end: k.offset + k.length },
          key: `${base}/shape/ANONYMOUS_INPUT_NAME`,
          severity: 'warning',
          impact: 'request',
          message: `The shape key ANONYMOUS_INPUT_NAME${of} is reserved: OVMS logs "Provided shape name: ANONYMOUS_INPUT_NAME is forbidden and will be omitted" and ignores it. Give the shape as a plain string, or key it by the input's real name.`,
        });
      }
    }
    if (typeof c.batch_size === 'string') {
      const problem = batchProblem(c.batch_size);
      const n = at(`${base}/batch_size`);
      if (problem && n) {
        ctx.report({
          span: { start: n.offset, end: n.offset + n.length },
          key: `${base}/batch_size`,
          severity: 'warning',
          impact: 'request',
          message: `batch_size ${JSON.stringify(c.batch_size)}${of} does not parse (${problem}). The schema accepts any string here, so OVMS starts, logs "Wrong batch size parameter provided" and uses the model's own batch size instead. Write a number ≥ 0, "-1" for a dynamic batch, or a range such as "1:8".`,
        });
      }
    }
    for (const field of ['shape', 'layout'] as const) {
      const v = c[field];
      const entries: [string, unknown][] = typeof v === 'string' ? [['', v]] : v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [];
      for (const [input, s] of entries) {
        if (typeof s !== 'string') continue;
        const ptr = input === '' ? `${base}/${field}` : `${base}/${field}/${escapePointerSegment(input)}`;
        const n = at(ptr);
        if (!n) continue;
        const span = { start: n.offset, end: n.offset + n.length };
        const forInput = input === '' ? '' : ` for input \`${input}\``;
        if (field === 'shape') {
          const problem = shapeProblem(s);
          if (problem) {
            ctx.report({
              span,
              key: ptr,
              severity: 'warning',
              impact: 'request',
              message: `shape ${JSON.stringify(s)}${forInput}${of} does not parse: ${problem}. OVMS only logs "There was an error parsing shape" and loads the model with its original shape (on the command line the same value stops the server). Write it like "(1,3,224,224)", with -1 or min:max for dynamic dimensions.`,
            });
          }
        } else {
          const r = layoutProblem(s);
          if (r) {
            ctx.report({
              span,
              key: ptr,
              severity: 'error',
              impact: 'load',
              message: r.atParse
                ? `layout ${JSON.stringify(s)}${forInput}${of} is invalid: ${r.problem}. OVMS marks the model entry invalid (LAYOUT_WRONG_FORMAT) and does not load it. Write it like "NHWC:NCHW" (target:source) or "NCHW".`
                : `layout ${JSON.stringify(s)}${forInput}${of} is invalid: ${r.problem}. OVMS accepts the string but OpenVINO rejects the layout when the model is loaded, so it is not served. Write it like "NHWC:NCHW" or "N...".`,
            });
          }
        }
      }
    }
  });
}
