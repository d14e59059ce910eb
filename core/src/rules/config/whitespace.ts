import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { configIndex } from './schema-analysis';
import { valueAt } from './schema-messages';

/** Name-like and path-like string fields, per list (relative to an item). */
const FIELDS: [list: string, prefix: string, names: string[], paths: string[]][] = [
  ['model_config_list', '/config', ['name'], ['base_path', 'graph_path', 'subconfig']],
  ['mediapipe_config_list', '', ['name'], ['base_path', 'graph_path', 'subconfig']],
  ['pipeline_config_list', '', ['name'], []],
  ['custom_node_library_config_list', '', ['name'], ['base_path']],
  ['custom_loader_config_list', '/config', ['loader_name'], ['library_path', 'loader_config_file']],
];

export const whitespace: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-013',
    name: 'whitespace-in-name-or-path',
    severity: 'warning',
    impact: 'load',
    tags: ['config'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Leading or trailing whitespace in a name or path, or an empty name',
    description: 'Reports names (models, graphs, pipelines, libraries, loaders) and paths (base_path, graph_path, subconfig, library paths) that start or end with whitespace, and empty names.',
    why:
      'OVMS uses these strings verbatim: a path with a trailing space names another directory (the docs\' own example has "base_path": "mediapipe_graph_name " and "graph_path": " graph.pbtxt"), and a name with a space must be sent exactly like that by every client. The schema accepts an empty name, which no client can address by name in a URL.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "resnet ", "base_path": " models/resnet"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "resnet", "base_path": "models/resnet"}}]}',
    },
    fix: 'Remove the surrounding whitespace (offered as a fix) and give every servable a name.',
  },
  check(ctx) {
    const ix = configIndex(ctx.doc);
    for (const [list, prefix, names, paths] of FIELDS) {
      if (ctx.doc.kind === 'subconfig' && list !== 'model_config_list') continue;
      const items = valueAt(ix.value, [list]);
      if (!Array.isArray(items)) continue;
      items.forEach((_, i) => {
        for (const field of [...names, ...paths]) {
          const ptr = `/${list}/${i}${prefix}/${field}`;
          const n = ix.nodes.get(ptr)?.node;
          if (!n || typeof n.value !== 'string') continue;
          const v = n.value;
          const isName = names.includes(field);
          if (v === '' && isName) {
            ctx.report({ span: spanOf(n), key: ptr, impact: 'request', message: `Empty ${field} in ${list}[${i}]: the schema accepts it, but clients address servables by name (e.g. /v2/models/<name>). Give it a name.` });
            continue;
          }
          if (v.trim() === v) continue;
          const where = /^\s/.test(v) ? (/\s$/.test(v) ? 'leading and trailing' : 'leading') : 'trailing';
          ctx.report({
            span: spanOf(n),
            key: ptr,
            ...(isName ? { impact: 'request' as const } : {}),
            fixes: [{ title: `Write ${JSON.stringify(v.trim())}`, safe: false, edits: [{ span: spanOf(n), newText: JSON.stringify(v.trim()) }] }],
            message: isName
              ? `${field} ${JSON.stringify(v)} has ${where} whitespace: OVMS uses it verbatim, so clients must send the name with the whitespace. Remove it.`
              : `${field} ${JSON.stringify(v)} has ${where} whitespace: OVMS uses the path verbatim and looks for a file or directory whose name includes the whitespace. Remove it.`,
          });
        }
      });
    }
  },
};
