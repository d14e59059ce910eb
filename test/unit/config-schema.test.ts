/**
 * Every schema behaviour of reference/ovms-config.md §1 (keys, types, enums, bounds, oneOf
 * shapes, additionalProperties, maxProperties wrappers, quirks of §1.13) as a table: the config
 * text and the exact findings of the schema rules (rule id, line, column, impact). Positions are
 * given by the text they point at (`at`: the first occurrence on that line, or `nth`).
 */
import { describe, expect, it } from 'vitest';
import { buildReport, lint } from '../../core/src';
import { flatten } from '../helpers/lint-dir';

/** Lint text as an OVMS config.json (forced: `{}` alone does not look like one to detection). */
const lintConfig = (text: string) => flatten(buildReport(lint([{ path: 'config.json', text, kind: 'ovms-config' }])));

// OVMS-VER-003 reports the stateful-model keys the schema of 2026.3 (the default version) rejects
const SCHEMA_RULES = ['OVMS-CFG-002', 'OVMS-CFG-003', 'OVMS-CFG-004', 'OVMS-CFG-005', 'OVMS-CFG-006', 'OVMS-CFG-014', 'OVMS-CFG-015', 'OVMS-VER-003'];

interface Want {
  id: string;
  at: string;
  nth?: number;
  impact?: string;
  severity?: string;
}

const m = (cfg: string) => `{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m", ${cfg}}}]}`;
const top = (rest: string) => `{"model_config_list": [], ${rest}}`;
const served = (rest: string) =>
  `{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m"}}], "custom_node_library_config_list": [{"name": "l", "base_path": "/l.so"}], ${rest}}`;
// a pipeline over a served model `m` and a library `l`, so that only the schema speaks
const pipe = (node: string, extra = '') =>
  served(`"pipeline_config_list": [{"name": "p", "inputs": ["in"], "nodes": [${node}], "outputs": [{"out": {"node_name": "n", "data_item": "o"}}]${extra}}]`);
const dl = (extra = '') => `{"name": "n", "type": "DL model", "model_name": "m", "inputs": [{"x": {"node_name": "request", "data_item": "in"}}], "outputs": [{"data_item": "o", "alias": "o"}]${extra}}`;

const cases: [string, string, Want[]][] = [
  // §1.2 top level
  ['empty object: model_config_list required', '{}', [{ id: 'OVMS-CFG-002', at: '{' }]],
  ['empty model_config_list is fine', '{"model_config_list": []}', []],
  ['top level not an object', '[{"model_config_list": []}]', [{ id: 'OVMS-CFG-002', at: '[' }]],
  ['unknown top-level key', '{"model_config_list": [], "models": []}', [{ id: 'OVMS-CFG-002', at: '"models"' }]],
  ['model_config_list not an array', '{"model_config_list": {}}', [{ id: 'OVMS-CFG-002', at: '{}' }]],
  ['all six top-level keys', top('"mediapipe_config_list": [], "pipeline_config_list": [], "custom_node_library_config_list": [], "custom_loader_config_list": [], "monitoring": {"metrics": {"enable": false}}'), []],
  // §1.3 wrapper and config object
  ['wrapper sibling of config (maxProperties 1)', '{"model_config_list": [{"config": {"name": "m"}, "x": 1}]}', [{ id: 'OVMS-CFG-003', at: '"x"' }]],
  ['wrapper without config', '{"model_config_list": [{"name": "m"}]}', [{ id: 'OVMS-CFG-003', at: '{"name"' }]],
  ['wrapper not an object', '{"model_config_list": ["m"]}', [{ id: 'OVMS-CFG-003', at: '"m"' }]],
  ['config without name', '{"model_config_list": [{"config": {"base_path": "/m"}}]}', [{ id: 'OVMS-CFG-003', at: '{"base_path"' }]],
  ['name is the only required key (base_path optional, empty name passes)', '{"model_config_list": [{"config": {"name": ""}}]}', []],
  ['every allowed model key', m('"batch_size": 1, "graph_path": "g", "subconfig": "s", "model_version_policy": {"all": {}}, "shape": "auto", "layout": "NCHW", "nireq": 1, "target_device": "CPU", "allow_cache": true, "plugin_config": {}, "custom_loader_options": {"loader_name": "l"}'), []],
  ['mean is CLI-only', m('"mean": "[1,2,3]"'), [{ id: 'OVMS-CFG-003', at: '"mean"' }]],
  ['scale is CLI-only', m('"scale": "255"'), [{ id: 'OVMS-CFG-003', at: '"scale"' }]],
  ['color_format is CLI-only', m('"color_format": "BGR"'), [{ id: 'OVMS-CFG-003', at: '"color_format"' }]],
  ['precision is CLI-only', m('"precision": "FP16"'), [{ id: 'OVMS-CFG-003', at: '"precision"' }]],
  ['version is unreachable', m('"version": 1'), [{ id: 'OVMS-CFG-003', at: '"version"' }]],
  ['stateful removed in 2026.3 (VER-003, not CFG-003)', m('"stateful": true'), [{ id: 'OVMS-VER-003', at: '"stateful"' }]],
  ['idle_sequence_cleanup removed', m('"idle_sequence_cleanup": false'), [{ id: 'OVMS-VER-003', at: '"idle_sequence_cleanup"' }]],
  ['low_latency_transformation removed', m('"low_latency_transformation": true'), [{ id: 'OVMS-VER-003', at: '"low_latency_transformation"' }]],
  ['max_sequence_number removed', m('"max_sequence_number": 10'), [{ id: 'OVMS-VER-003', at: '"max_sequence_number"' }]],
  ['sequence_timeout_seconds rejected', m('"sequence_timeout_seconds": 10'), [{ id: 'OVMS-CFG-003', at: '"sequence_timeout_seconds"' }]],
  ['name must be a string', '{"model_config_list": [{"config": {"name": 1}}]}', [{ id: 'OVMS-CFG-006', at: '1}' }]],
  ['base_path must be a string', m('"graph_path": 1'), [{ id: 'OVMS-CFG-006', at: '1}' }]],
  ['subconfig must be a string', m('"subconfig": null'), [{ id: 'OVMS-CFG-006', at: 'null' }]],
  ['target_device must be a string', m('"target_device": ["CPU"]'), [{ id: 'OVMS-CFG-006', at: '["CPU"]' }]],
  ['allow_cache must be boolean', m('"allow_cache": "yes"'), [{ id: 'OVMS-CFG-006', at: '"yes"' }]],
  // integers and bounds (§1.3, §1.13)
  ['nireq integer', m('"nireq": "2"'), [{ id: 'OVMS-CFG-006', at: '"2"' }]],
  ['nireq 2.0 is not an integer for RapidJSON', m('"nireq": 2.0'), [{ id: 'OVMS-CFG-006', at: '2.0' }]],
  ['nireq 1e2 is not an integer for RapidJSON', m('"nireq": 1e2'), [{ id: 'OVMS-CFG-006', at: '1e2' }]],
  ['nireq minimum 0', m('"nireq": -1'), [{ id: 'OVMS-CFG-006', at: '-1' }]],
  ['nireq has no upper bound in the schema, but above 100000 the model fails to load', m('"nireq": 99999999999'), [{ id: 'OVMS-CFG-006', at: '99999999999', impact: 'load' }]],
  ['nireq 100000 is the maximum', m('"nireq": 100000'), []],
  ['batch_size minimum 0', m('"batch_size": -1'), [{ id: 'OVMS-CFG-006', at: '-1' }]],
  ['batch_size 0 passes', m('"batch_size": 0'), []],
  ['batch_size string "-1" passes the schema (dynamic)', m('"batch_size": "-1"'), []],
  ['batch_size negative string passes the schema but OVMS ignores it', m('"batch_size": "-4"'), [{ id: 'OVMS-CFG-006', at: '"-4"', severity: 'warning', impact: 'request' }]],
  ['batch_size float', m('"batch_size": 1.5'), [{ id: 'OVMS-CFG-006', at: '1.5' }]],
  ['batch_size boolean', m('"batch_size": true'), [{ id: 'OVMS-CFG-006', at: 'true' }]],
  // §1.4 model_version_policy
  ['policy all', m('"model_version_policy": {"all": {}}'), []],
  ['policy all with content', m('"model_version_policy": {"all": {"x": 1}}'), [{ id: 'OVMS-CFG-005', at: '{"all"' }]],
  ['policy all not an object', m('"model_version_policy": {"all": 3}'), [{ id: 'OVMS-CFG-005', at: '{"all"' }]],
  ['policy specific', m('"model_version_policy": {"specific": {"versions": [1, 3]}}'), []],
  ['policy specific empty list passes the schema but serves nothing', m('"model_version_policy": {"specific": {"versions": []}}'), [{ id: 'OVMS-CFG-005', at: '[]', severity: 'warning', impact: 'load' }]],
  ['policy specific version 0', m('"model_version_policy": {"specific": {"versions": [0]}}'), [{ id: 'OVMS-CFG-005', at: '{"specific"' }]],
  ['policy specific without versions', m('"model_version_policy": {"specific": {}}'), [{ id: 'OVMS-CFG-005', at: '{"specific"' }]],
  ['policy specific extra key', m('"model_version_policy": {"specific": {"versions": [1], "x": 1}}'), [{ id: 'OVMS-CFG-005', at: '{"specific"' }]],
  ['policy latest', m('"model_version_policy": {"latest": {"num_versions": 2}}'), []],
  ['policy latest 0', m('"model_version_policy": {"latest": {"num_versions": 0}}'), [{ id: 'OVMS-CFG-005', at: '{"latest"' }]],
  ['policy latest 1.0', m('"model_version_policy": {"latest": {"num_versions": 1.0}}'), [{ id: 'OVMS-CFG-005', at: '{"latest"' }]],
  ['two policies', m('"model_version_policy": {"all": {}, "latest": {"num_versions": 1}}'), [{ id: 'OVMS-CFG-005', at: '{"all"' }]],
  ['empty policy', m('"model_version_policy": {}'), [{ id: 'OVMS-CFG-005', at: '{}' }]],
  ['policy not an object', m('"model_version_policy": "all"'), [{ id: 'OVMS-CFG-005', at: '"all"' }]],
  ['duplicated policy key (maxProperties 1)', m('"model_version_policy": {"all": {}, "all": {}}'), [{ id: 'OVMS-CFG-005', at: '"all"', nth: 2 }]],
  // §1.5 layout_shape_def
  ['shape string', m('"shape": "(1,3,224,224)"'), []],
  ['shape object of strings', m('"shape": {"in": "(1,3)"}'), []],
  ['shape array rejected', m('"shape": [1, 3]'), [{ id: 'OVMS-CFG-006', at: '[1, 3]' }]],
  ['shape object with array value rejected', m('"shape": {"in": [1, 3]}'), [{ id: 'OVMS-CFG-006', at: '{"in"' }]],
  ['shape number rejected', m('"shape": 3'), [{ id: 'OVMS-CFG-006', at: '3}' }]],
  ['layout object with number rejected', m('"layout": {"in": 1}'), [{ id: 'OVMS-CFG-006', at: '{"in"' }]],
  ['malformed shape string only warns (OVMS logs and drops it)', m('"shape": "1,3"'), [{ id: 'OVMS-CFG-006', at: '"1,3"', severity: 'warning', impact: 'request' }]],
  ['malformed layout fails the model load', m('"layout": "NHWC:NCHW:NC"'), [{ id: 'OVMS-CFG-006', at: '"NHWC:NCHW:NC"', severity: 'error', impact: 'load' }]],
  // §1.6 plugin_config
  ['plugin_config values string/bool/number', m('"plugin_config": {"A": "x", "B": true, "C": 1, "D": 0.5}'), []],
  ['plugin_config array value', m('"plugin_config": {"A": [1]}'), [{ id: 'OVMS-CFG-004', at: '[1]' }]],
  ['plugin_config null value', m('"plugin_config": {"A": null}'), [{ id: 'OVMS-CFG-004', at: 'null' }]],
  ['plugin_config nested DEVICE_PROPERTIES', m('"plugin_config": {"DEVICE_PROPERTIES": {"NPU": {"X": "1"}}}'), [{ id: 'OVMS-CFG-004', at: '{"NPU"' }]],
  ['plugin_config not an object', m('"plugin_config": "A=1"'), [{ id: 'OVMS-CFG-004', at: '"A=1"' }]],
  // custom_loader_options (§1.3, §1.7)
  ['custom_loader_options other keys allowed', m('"custom_loader_options": {"loader_name": "l", "model_file": "x"}'), []],
  ['custom_loader_options without loader_name', m('"custom_loader_options": {"model_file": "x"}'), [{ id: 'OVMS-CFG-006', at: '{"model_file"' }]],
  ['custom_loader_options empty', m('"custom_loader_options": {}'), [{ id: 'OVMS-CFG-006', at: '{}' }]],
  // §1.8 mediapipe_config_list
  ['mediapipe entry', top('"mediapipe_config_list": [{"name": "g", "base_path": "g", "graph_path": "graph.pbtxt", "subconfig": "subconfig.json"}]'), []],
  ['mediapipe entry without name', top('"mediapipe_config_list": [{"base_path": "g"}]'), [{ id: 'OVMS-CFG-003', at: '{"base_path"' }]],
  ['mediapipe entry with model key', top('"mediapipe_config_list": [{"name": "g", "nireq": 1}]'), [{ id: 'OVMS-CFG-003', at: '"nireq"' }]],
  ['mediapipe graph_path type', top('"mediapipe_config_list": [{"name": "g", "graph_path": 1}]'), [{ id: 'OVMS-CFG-006', at: '1}' }]],
  // §1.9 pipelines
  ['valid DL pipeline', pipe(dl()), []],
  ['pipeline missing keys', top('"pipeline_config_list": [{"name": "p"}]'), [{ id: 'OVMS-CFG-014', at: '{"name"' }, { id: 'OVMS-CFG-014', at: '{"name"' }, { id: 'OVMS-CFG-014', at: '{"name"' }]],
  ['pipeline unknown key', pipe(dl(), ', "version": 1'), [{ id: 'OVMS-CFG-014', at: '"version"' }]],
  ['pipeline demultiply_count -1..10000', pipe(dl(), ', "demultiply_count": 10001'), [{ id: 'OVMS-CFG-014', at: '10001' }]],
  ['pipeline demultiply_count -2', pipe(dl(), ', "demultiply_count": -2'), [{ id: 'OVMS-CFG-014', at: '-2' }]],
  ['node type enum', pipe(dl().replace('"DL model"', '"python"')), [{ id: 'OVMS-CFG-014', at: '"python"' }]],
  ['DL node with library_name (oneOf)', pipe(dl(', "library_name": "l"')), [{ id: 'OVMS-CFG-014', at: '{"name": "n"' }]],
  ['DL node without model_name (oneOf)', pipe(dl().replace('"model_name": "m", ', '')), [{ id: 'OVMS-CFG-014', at: '{"name": "n"' }]],
  ['custom node', pipe(dl().replace('"DL model", "model_name": "m"', '"custom", "library_name": "l"')), []],
  ['custom node with model_name (oneOf)', pipe(dl().replace('"DL model"', '"custom", "library_name": "l"')), [{ id: 'OVMS-CFG-014', at: '{"name": "n"' }]],
  ['node version minimum 1', pipe(dl(', "version": 0')), [{ id: 'OVMS-CFG-014', at: '0}' }]],
  ['node params values are strings', pipe(dl(', "params": {"w": 224}')), [{ id: 'OVMS-CFG-014', at: '224' }]],
  ['node demultiply_count max', pipe(dl(', "demultiply_count": 20000')), [{ id: 'OVMS-CFG-014', at: '20000' }]],
  ['node unknown key', pipe(dl(', "gather": "x"')), [{ id: 'OVMS-CFG-014', at: '"gather"' }]],
  ['source_node empty (minProperties 1)', pipe(dl().replace('{"x": {"node_name": "request", "data_item": "in"}}', '{}')), [{ id: 'OVMS-CFG-014', at: '{}' }]],
  ['source_node two keys (maxProperties 1)', pipe(dl().replace('{"x": {"node_name": "request", "data_item": "in"}}', '{"x": {"node_name": "request", "data_item": "in"}, "y": {"node_name": "request", "data_item": "in"}}')), [{ id: 'OVMS-CFG-014', at: '{"x"' }]],
  ['source_node value missing data_item', pipe(dl().replace('{"node_name": "request", "data_item": "in"}', '{"node_name": "request"}')), [{ id: 'OVMS-CFG-014', at: '{"node_name": "request"}' }]],
  ['output_alias missing alias', pipe(dl().replace('{"data_item": "o", "alias": "o"}', '{"data_item": "o"}')), [{ id: 'OVMS-CFG-014', at: '{"data_item": "o"}' }]],
  // §1.10 custom node libraries
  ['library entry', top('"custom_node_library_config_list": [{"name": "l", "base_path": "/l.so"}]'), []],
  ['library entry missing base_path', top('"custom_node_library_config_list": [{"name": "l"}]'), [{ id: 'OVMS-CFG-014', at: '{"name"' }]],
  ['library entry unknown key', top('"custom_node_library_config_list": [{"name": "l", "base_path": "/l.so", "type": "x"}]'), [{ id: 'OVMS-CFG-014', at: '"type"' }]],
  // §1.11 custom loaders
  ['custom loader entry', top('"custom_loader_config_list": [{"config": {"loader_name": "l", "library_path": "/l.so"}}]'), []],
  ['custom loader missing library_path', top('"custom_loader_config_list": [{"config": {"loader_name": "l"}}]'), [{ id: 'OVMS-CFG-002', at: '{"loader_name"' }]],
  ['custom loader sibling key', top('"custom_loader_config_list": [{"config": {"loader_name": "l", "library_path": "/l.so"}, "x": 1}]'), [{ id: 'OVMS-CFG-002', at: '"x"' }]],
  // §1.12 monitoring
  ['monitoring', top('"monitoring": {"metrics": {"enable": true, "metrics_list": ["ovms_streams"]}}'), []],
  ['monitoring without metrics', top('"monitoring": {}'), [{ id: 'OVMS-CFG-015', at: '{}' }]],
  ['monitoring extra key', top('"monitoring": {"metrics": {"enable": true}, "x": 1}'), [{ id: 'OVMS-CFG-015', at: '"x"' }]],
  ['metrics without enable', top('"monitoring": {"metrics": {}}'), [{ id: 'OVMS-CFG-015', at: '{}' }]],
  ['metrics endpoint_path rejected', top('"monitoring": {"metrics": {"enable": true, "endpoint_path": "/m"}}'), [{ id: 'OVMS-CFG-015', at: '"endpoint_path"' }]],
  ['metrics_list items strings', top('"monitoring": {"metrics": {"enable": true, "metrics_list": [1]}}'), [{ id: 'OVMS-CFG-015', at: '1]' }]],
  ['unsupported metric name is fatal', top('"monitoring": {"metrics": {"enable": true, "metrics_list": ["ovms_graph_request_latency_us"]}}'), [{ id: 'OVMS-CFG-015', at: '"ovms_graph_request_latency_us"' }]],
  // §1.13 duplicates
  ['duplicate key in wrapper fails maxProperties', '{"model_config_list": [{"config": {"name": "a"}, "config": {"name": "b"}}]}', [{ id: 'OVMS-CFG-003', at: '"config"', nth: 2 }]],
  ['duplicate key in config: first copy used (warning)', m('"nireq": 1, "nireq": 2'), [{ id: 'OVMS-CFG-006', at: '"nireq"', nth: 2, severity: 'warning', impact: 'advice' }]],
  ['duplicate key, the later copy breaks the schema: validated too, so the file is rejected (at that copy)', m('"nireq": 1, "nireq": "four"'), [
    { id: 'OVMS-CFG-006', at: '"nireq"', nth: 2, severity: 'warning', impact: 'advice' },
    { id: 'OVMS-CFG-006', at: '"four"' },
  ]],
  ['duplicate key, the first copy breaks the schema: reported at the first copy only', m('"nireq": "four", "nireq": 1'), [
    { id: 'OVMS-CFG-006', at: '"four"' },
    { id: 'OVMS-CFG-006', at: '"nireq"', nth: 2, severity: 'warning', impact: 'advice' },
  ]],
  ['duplicate top-level key: the later copy is validated inside', '{"model_config_list": [], "model_config_list": [{"config": {"name": "m", "base_path": "/m", "nireq": -1}}]}', [
    { id: 'OVMS-CFG-002', at: '"model_config_list"', nth: 2, severity: 'warning', impact: 'advice' },
    { id: 'OVMS-CFG-006', at: '-1' },
  ]],
  ['duplicate monitoring object key fails maxProperties', top('"monitoring": {"metrics": {"enable": true}, "metrics": {"enable": false}}'), [{ id: 'OVMS-CFG-015', at: '"metrics"', nth: 2 }]],
];

function columnOf(text: string, at: string, nth = 1): number {
  let i = -1;
  for (let k = 0; k < nth; k++) i = text.indexOf(at, i + 1);
  if (i < 0) throw new Error(`marker ${at} not found`);
  return i + 1;
}

describe('config.json schema (reference ovms-config.md §1)', () => {
  it.each(cases)('%s', (_name, text, want) => {
    const got = lintConfig(text)
      .filter((d) => SCHEMA_RULES.includes(d.ruleId))
      .map((d) => ({ id: d.ruleId, line: d.line, column: d.column, severity: d.severity, impact: d.impact }));
    const expected = want.map((w) => ({
      id: w.id,
      line: 1,
      column: columnOf(text, w.at, w.nth),
      severity: w.severity ?? 'error',
      impact: w.impact ?? 'startup',
    }));
    const sort = (a: { column: number; id: string }, b: { column: number; id: string }) => a.column - b.column || a.id.localeCompare(b.id);
    expect(got.sort(sort)).toEqual(expected.sort(sort));
  });
});

describe('refuse vs load', () => {
  const startupErrors = (text: string) => lintConfig(text).filter((d) => d.severity === 'error' && d.impact === 'startup');
  it('a config OVMS would refuse gets at least one startup error', () => {
    for (const [, text, want] of cases) {
      if (want.some((w) => (w.impact ?? 'startup') === 'startup' && (w.severity ?? 'error') === 'error')) expect(startupErrors(text).length, text).toBeGreaterThan(0);
    }
  });
  it('a config OVMS would load gets none', () => {
    for (const [, text, want] of cases) {
      if (want.every((w) => w.impact && w.impact !== 'startup')) expect(startupErrors(text), text).toEqual([]);
    }
  });
});

describe('fixes offered with schema findings', () => {
  const fixOf = (text: string, ruleId: string) => {
    const f = lint([{ path: 'config.json', text, kind: 'ovms-config' }]).files[0]!.findings.find((d) => d.ruleId === ruleId);
    const e = f?.fixes?.[0]?.edits[0];
    return e ? { safe: f!.fixes![0]!.safe, text: text.slice(0, e.span.start) + e.newText + text.slice(e.span.end) } : undefined;
  };
  it('a whole number written as 2.0 is rewritten as 2', () => {
    expect(fixOf(m('"nireq": 2.0'), 'OVMS-CFG-006')).toEqual({ safe: true, text: m('"nireq": 2') });
  });
  it('a quoted boolean loses its quotes', () => {
    expect(fixOf(m('"allow_cache": "true"'), 'OVMS-CFG-006')).toEqual({ safe: true, text: m('"allow_cache": true') });
  });
  it('azure:// becomes az://', () => {
    const text = '{"model_config_list": [{"config": {"name": "m", "base_path": "azure://c/models/m"}}]}';
    expect(fixOf(text, 'OVMS-CFG-010')).toEqual({ safe: true, text: text.replace('azure://', 'az://') });
  });
});
