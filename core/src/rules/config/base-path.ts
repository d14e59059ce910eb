import type { ConfigDocument, JsonNode } from '../../documents';
import { spanOf } from '../../json/parse';
import type { Fix } from '../../types';
import type { ConfigRule, RuleContext } from '../types';
import { isGenerativeModelDir, versionDirs } from './model-dir';
import { MODEL_FILE_EXTENSIONS, isAbsolutePath } from './paths';
import { isCloud } from '../../deployment/paths';
import { configIndex } from './schema-analysis';
import { type Servable, servables } from './servables';

export const basePath: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-010',
    name: 'base-path-layout',
    severity: 'warning',
    impact: 'load',
    tags: ['config', 'paths'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'base_path does not lead to a servable model or graph',
    description:
      'Checks where a model\'s base_path leads: a path ending in a version folder (`.../1`), an unrecognised URL scheme such as `azure://`, a directory that does not exist next to the config, a directory without numeric version sub-folders, a model file with an extension OVMS does not serve (or an .xml without its .bin). For mediapipe_config_list entries: a graph directory or graph file that does not exist, and a named subconfig that is missing. Relative paths are resolved against the config\'s directory; absolute paths are checked only when they exist on this machine (they usually name container paths) and cloud URLs are not checked.',
    why:
      'OVMS serves the numeric sub-folders of base_path as versions; without any it logs "No version found for model in path" and serves nothing (src/modelmanager.cpp:1287-1314; issues #471, #630, #441). A missing directory gives "Directory does not exist" (PATH_INVALID). Only s3://, gs://, az:// and azfs:// are cloud prefixes: `azure://` (shown in docs/parameters.md) is taken as a relative local path. A missing graph file gives "Failed to open mediapipe graph definition" (FILE_INVALID). In each case the server starts without that servable.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "resnet", "base_path": "models/resnet/1"}},\n  {"config": {"name": "bert", "base_path": "azure://container/models/bert"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "resnet", "base_path": "models/resnet"}},\n  {"config": {"name": "bert", "base_path": "az://container/models/bert"}}]}',
    },
    fix: 'Point base_path at the directory that holds the numeric version folders (models/resnet with models/resnet/1/model.xml), use az:// for Azure, or create the missing files.',
  },
  check(ctx) {
    const sv = servables(ctx.doc, ctx.project);
    for (const s of sv.all) {
      if (s.kind === 'model') checkModel(ctx, s);
      else if (s.kind === 'graph' && s.list === 'mediapipe_config_list') checkGraph(ctx, s);
    }
  },
};

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

function checkModel(ctx: RuleContext<ConfigDocument>, s: Servable): void {
  const host = ctx.project.host;
  const bp = s.basePath;
  const node = s.basePathNode;
  const who = s.name !== undefined ? `model \`${s.name}\`` : 'this model';
  const ptr = `${s.pointer}/base_path`;
  if (bp !== undefined && node) {
    const scheme = SCHEME.exec(bp);
    if (scheme && !isCloud(bp)) {
      const azure = scheme[1] === 'azure';
      const fixed = azure ? `az://${bp.slice('azure://'.length)}` : undefined;
      const fixes: Fix[] | undefined = fixed ? [{ title: `Write ${JSON.stringify(fixed)}`, safe: true, edits: [{ span: spanOf(node), newText: JSON.stringify(fixed) }] }] : undefined;
      ctx.report({
        span: spanOf(node),
        key: ptr,
        severity: 'error',
        ...(fixes ? { fixes } : {}),
        message: `\`${scheme[1]}://\` is not a storage prefix OVMS knows (only s3://, gs://, az:// and azfs://), so it takes base_path of ${who} as a relative local path and does not find it ("Directory does not exist").${azure ? ' For Azure Blob Storage write az:// (docs/parameters.md shows azure://, which the code does not recognise).' : ''}`,
      });
      return;
    }
    const trimmed = bp.replace(/[\\/]+$/, '');
    const last = trimmed.split(/[\\/]/).pop() ?? '';
    if (/^\d+$/.test(last) && trimmed.length > last.length) {
      const dir = s.resolved;
      const hasVersions = dir !== undefined && host.stat(dir)?.isDirectory && versionDirs(host, dir).length > 0;
      if (!hasVersions) {
        const parent = trimmed.slice(0, trimmed.length - last.length).replace(/[\\/]+$/, '') || '/';
        ctx.report({
          span: spanOf(node),
          key: ptr,
          fixes: [{ title: `Point base_path at ${JSON.stringify(parent)}`, safe: false, edits: [{ span: spanOf(node), newText: JSON.stringify(parent) }] }],
          message: `base_path of ${who} ends in the version folder \`${last}\`: OVMS looks for numeric version folders inside base_path, finds none ("No version found for model in path") and serves nothing. Point base_path at ${JSON.stringify(parent)}, the directory that holds the version folders.`,
        });
        return;
      }
    }
  }
  const dir = s.resolved;
  if (dir === undefined) return;
  const st = host.stat(dir);
  const at: JsonNode | undefined = node ?? s.nameNode;
  if (!at) return;
  const span = spanOf(at);
  const key = node ? ptr : `${s.pointer}/name`;
  if (!st) {
    if (bp !== undefined && isAbsolutePath(bp)) return;
    ctx.report({
      span,
      key,
      message: `base_path ${JSON.stringify(bp ?? '')} of ${who} does not exist (relative paths start at the config's directory): OVMS logs "Directory does not exist" and does not load the model. Fix the path, or ignore this if the models are copied there at deploy time.`,
    });
    return;
  }
  if (st.isFile) {
    const lower = dir.toLowerCase();
    const ext = MODEL_FILE_EXTENSIONS.find((e) => lower.endsWith(e));
    if (!ext) {
      ctx.report({ span, key, severity: 'error', message: `base_path of ${who} is a file OVMS cannot serve: a single-file model must end in ${MODEL_FILE_EXTENSIONS.join(', ')} ("Error loading model. Invalid model file.", FILE_INVALID). Point base_path at the model directory or file.` });
    } else if (ext === '.xml' && !host.stat(dir.slice(0, -4) + '.bin')?.isFile) {
      ctx.report({ span, key, severity: 'error', message: `base_path of ${who} is an OpenVINO IR .xml file without its .bin next to it; the model cannot be read. Copy the .bin file beside the .xml.` });
    } else if (ext === '.pdmodel' && !host.stat(dir.slice(0, -8) + '.pdiparams')?.isFile) {
      ctx.report({ span, key, severity: 'error', message: `base_path of ${who} is a .pdmodel file without its .pdiparams next to it; the model cannot be read.` });
    }
    return;
  }
  if (!st.isDirectory) return;
  if (versionDirs(host, dir).length > 0) return;
  if (isGenerativeModelDir(host, dir)) return; // OVMS-CFG-011 explains it
  ctx.report({
    span,
    key,
    message: `base_path ${JSON.stringify(bp ?? '')} of ${who} has no numeric version folders: OVMS logs "No version found for model in path" and serves nothing. Put the model files in a sub-folder named by its version (e.g. ${JSON.stringify(`${(bp ?? '').replace(/[\\/]+$/, '') || '.'}/1`)}) or point base_path at a single model file.`,
  });
}

function checkGraph(ctx: RuleContext<ConfigDocument>, s: Servable): void {
  const host = ctx.project.host;
  const ix = configIndex(ctx.doc);
  const who = s.name !== undefined ? `graph \`${s.name}\`` : 'this graph';
  const dir = s.resolved;
  if (dir === undefined) return;
  const node = s.basePathNode ?? s.nameNode;
  if (!node) return;
  if (!host.stat(dir)?.isDirectory) {
    if (s.basePath !== undefined && isAbsolutePath(s.basePath)) return;
    ctx.report({
      span: spanOf(node),
      key: s.basePathNode ? `${s.pointer}/base_path` : `${s.pointer}/name`,
      message: `The directory of ${who} (${s.basePath ? `base_path ${JSON.stringify(s.basePath)}` : 'named after the graph, as base_path is not set'}) does not exist next to the config: OVMS cannot open the graph ("Failed to open mediapipe graph definition") and does not load it.`,
    });
    return;
  }
  if (s.graphFile && !host.stat(s.graphFile)?.isFile) {
    const gp = ix.nodes.get(`${s.pointer}/graph_path`)?.node;
    ctx.report({
      span: spanOf(gp ?? node),
      key: gp ? `${s.pointer}/graph_path` : `${s.pointer}/base_path`,
      message: `The graph file of ${who} (${JSON.stringify(gp ? gp.value : 'graph.pbtxt')} in its base_path) does not exist: OVMS logs "Failed to open mediapipe graph definition" (FILE_INVALID) and does not load the graph. ${gp ? 'Fix graph_path (it is relative to base_path).' : 'Add graph.pbtxt to the directory or set graph_path.'}`,
    });
  }
  const sc = ix.nodes.get(`${s.pointer}/subconfig`)?.node;
  if (sc && s.subconfig && !host.stat(s.subconfig)?.isFile) {
    ctx.report({
      span: spanOf(sc),
      key: `${s.pointer}/subconfig`,
      message: `The subconfig of ${who} (${JSON.stringify(sc.value)} in its base_path) does not exist: OVMS silently falls back to config.json in the graph directory, so the models you meant to list there are not loaded. Fix the path (it is relative to base_path).`,
    });
  }
}
