import type { FileKind } from './types';

/** Top-level keys of an OVMS config.json (reference ovms-config.md §1.2). */
export const OVMS_TOP_LEVEL_KEYS = [
  'model_config_list',
  'mediapipe_config_list',
  'pipeline_config_list',
  'custom_node_library_config_list',
  'custom_loader_config_list',
  'monitoring',
] as const;

const OVMS_KEY_RE = new RegExp(`"(?:${OVMS_TOP_LEVEL_KEYS.filter((k) => k !== 'monitoring').join('|')})"\\s*:`);
const GRAPH_START_RE = /^\s*(?:#[^\n]*\n\s*)*(?:node\s*[{<:]|input_stream\s*:|output_stream\s*:|input_side_packet\s*:|output_side_packet\s*:|executor\s*[{<:]|max_queue_size\s*:|num_threads\s*:|type\s*:|package\s*:)/;

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function extension(path: string): string {
  const b = basename(path);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i + 1).toLowerCase() : '';
}

/** Files whose names say they may hold OVMS command lines. */
export function mayHoldCommands(path: string): boolean {
  const b = basename(path).toLowerCase();
  if (b === 'dockerfile' || b.startsWith('dockerfile.') || b.endsWith('.dockerfile') || b === 'containerfile') return true;
  return ['sh', 'bash', 'zsh', 'md', 'markdown', 'yml', 'yaml', 'ps1', 'bat', 'cmd'].includes(extension(path));
}

/**
 * The kind of a file, from its name and content; undefined when it holds nothing OVMS-related.
 * Content decides for JSON: an object with OVMS top-level keys is an OVMS config, a Hugging Face
 * `config.json` is not.
 */
export function detectKind(path: string, text: string): FileKind | undefined {
  const b = basename(path);
  const ext = extension(path);
  if (b === '.ovms-lint.json') return 'settings';
  if (ext === 'pbtxt') return 'mediapipe-graph';
  if (ext === 'json') {
    if (b === 'subconfig.json') return 'subconfig';
    return OVMS_KEY_RE.test(text) ? 'ovms-config' : undefined;
  }
  if (mayHoldCommands(path)) return /\bovms(?:\.exe)?\b|openvino\/model_server|model_server:/.test(text) ? 'command-lines' : undefined;
  if (ext === '' || ext === 'txt' || ext === 'config' || ext === 'textproto' || ext === 'txtpb') {
    return GRAPH_START_RE.test(text) && /\bcalculator\s*:/.test(text) ? 'mediapipe-graph' : undefined;
  }
  return undefined;
}
