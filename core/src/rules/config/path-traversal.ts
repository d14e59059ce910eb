import type { JsonNode } from '../../documents';
import { spanOf } from '../../json/parse';
import type { Fix } from '../../types';
import type { ConfigRule } from '../types';
import { hasDotDotSegment, normalizePath } from './paths';
import { configIndex } from './schema-analysis';
import { valueAt } from './schema-messages';
import { servables } from './servables';

export const pathTraversal: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-009',
    name: 'path-traversal-segment',
    severity: 'error',
    impact: 'load',
    tags: ['config', 'paths'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Path with a `..` segment',
    description:
      'Reports `..` segments in a model base_path, a custom node library base_path or a custom loader library_path (error: OVMS refuses these paths) and in a graph\'s base_path, graph_path or subconfig (warning: OVMS does not check them, the graph reads files outside its directory). The path is normalised, so every `..` is found, including the ones OVMS\'s textual check misses.',
    why:
      'OVMS rejects model and library paths that start with `../`, end with `/..` or contain `/../` ("Path {} escape with .. is forbidden.", PATH_INVALID, src/filesystem/filesystem.hpp:136-144); the model or library is not loaded. Graph files are opened with a plain ifstream without that check (src/mediapipe_internal/mediapipegraphdefinition.cpp:69-91), so there a `..` silently reaches outside the model repository. The check is textual and looks only at the first `/..`, so `/a/..b/..` passes it.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/../shared/m"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/shared/m"}}]}',
    },
    fix: 'Write the path without `..` (the normalised path is offered as a fix when it has none left), or move the files under the model repository.',
  },
  check(ctx) {
    const ix = configIndex(ctx.doc);
    const check = (ptr: string, strict: boolean, what: string) => {
      const n = ix.nodes.get(ptr)?.node;
      if (!n || typeof n.value !== 'string' || !hasDotDotSegment(n.value)) return;
      const p = n.value;
      const norm = normalizePath(p);
      const fixes = fixFor(n, p, norm);
      ctx.report({
        span: spanOf(n),
        key: ptr,
        ...(strict ? {} : { severity: 'warning' as const, impact: 'risk' as const }),
        ...(fixes ? { fixes } : {}),
        message: strict
          ? `${what} ${JSON.stringify(p)} has a \`..\` segment: OVMS refuses it ("Path ${p} escape with .. is forbidden.", PATH_INVALID) and does not load it. ${hasDotDotSegment(norm) ? 'Use a path without `..`, e.g. an absolute one.' : `Write ${JSON.stringify(norm)}.`}`
          : `${what} ${JSON.stringify(p)} has a \`..\` segment: OVMS does not check graph paths, so the graph reads files outside its directory (${JSON.stringify(norm)}). Keep graph files inside the graph's directory, or write the target path directly.`,
      });
    };
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.kind === 'pipeline') continue;
      const model = s.kind === 'model';
      check(`${s.pointer}/base_path`, model, model ? 'Model base_path' : 'Graph base_path');
      check(`${s.pointer}/graph_path`, false, 'graph_path');
      check(`${s.pointer}/subconfig`, false, 'subconfig');
    }
    const libs = valueAt(ix.value, ['custom_node_library_config_list']);
    if (Array.isArray(libs)) libs.forEach((_, i) => check(`/custom_node_library_config_list/${i}/base_path`, true, 'Custom node library base_path'));
    const loaders = valueAt(ix.value, ['custom_loader_config_list']);
    if (Array.isArray(loaders)) loaders.forEach((_, i) => check(`/custom_loader_config_list/${i}/config/library_path`, true, 'Custom loader library_path'));
  },
};

function fixFor(n: JsonNode, p: string, norm: string): Fix[] | undefined {
  if (hasDotDotSegment(norm) || norm === '.') return undefined;
  const keepSlash = /[\\/]$/.test(p) ? '/' : '';
  return [{ title: `Write ${JSON.stringify(norm + keepSlash)}`, safe: false, edits: [{ span: spanOf(n), newText: JSON.stringify(norm + keepSlash) }] }];
}
