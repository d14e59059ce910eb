/**
 * How media inputs (image URLs and local files in /v3/chat/completions) are guarded per OVMS
 * version, shared by OVMS-SEC-063, OVMS-SEC-064 and OVMS-VER-006 so that one old image gets one
 * finding: the security rule when the REST API is reachable from other machines, VER-006 (info,
 * upgrade advice) when it is not or the text cannot tell.
 */
import { generativeGraphs, generativeNodes } from '../../deployment';
import type { Project } from '../../project';
import type { RelatedLocation } from '../../types';
import type { Analysis } from './analysis';
import { linkedDeployment } from './deployment-link';
import { beyondLoopback, exposure } from './exposure';

/** Image URLs fetched with redirects and no domain check before this release (#3912, commit edcba9612). */
export const MEDIA_URL_GUARD_SINCE = '2026.0';
/** `--allowed_local_media_path` compared as a string prefix before this release (PSIRT fix #4199, commit 2569d177c). */
export const LOCAL_MEDIA_FIX_SINCE = '2026.2';

const BROAD = new Set(['/', '/home', '/etc', '/proc', '/root', '/sys', '/var', '/usr', '/run', '/tmp', '/models', '/workspace', '/ovms']);

/** `--allowed_local_media_path` normalised, and whether it opens a system directory or the model repository. */
export function localMediaPath(a: Analysis): { value: string; path: string; broad: boolean } | undefined {
  const v = a.str('allowed_local_media_path');
  if (v === undefined) return undefined;
  const path = v.replace(/\/+$/, '') || '/';
  const repo = a.str('model_repository_path')?.replace(/\/+$/, '');
  return { value: v, path, broad: BROAD.has(path) || path === repo };
}

/** The REST API (and so /v3) can be reached from other machines: the security rules report. */
export function restExposed(a: Analysis): boolean {
  return beyondLoopback(exposure(a, 'rest').reach);
}

/** REST is on (or may be): /v3 is served at all. */
export function restServed(a: Analysis): boolean {
  return a.serves && exposure(a, 'rest').reach !== 'off';
}

/**
 * Why this command serves /v3/chat/completions (an LLM or VLM): `--task text_generation`; without
 * `--task`, an option only the text_generation parser accepts (`--pipeline_type VLM`: OVMS starts
 * only if it infers that task); or a graph of its config.json running HttpLLMCalculator. Undefined
 * when nothing says so (a bare `--source_model` is inferred by OVMS at start: not guessed here).
 */
export function chatCompletions(project: Project, file: string, a: Analysis): { reason: string; related?: RelatedLocation } | undefined {
  if (a.task === 'text_generation') return { reason: '`--task text_generation`' };
  if (!a.has('task') && a.taskMode !== false) {
    const tg = a.cmd.args.uses.find((u) => u.def?.group === 'task' && u.def.tasks?.length === 1 && u.def.tasks[0] === 'text_generation');
    if (tg) return { reason: `\`--${tg.name}\`, an option only text generation accepts` };
  }
  const config = linkedDeployment(project, file, a).config;
  if (!config) return undefined;
  for (const { link } of generativeGraphs(config, project)) {
    const node = generativeNodes(link.graph!).find((n) => n.calculator === 'HttpLLMCalculator');
    if (node) return { reason: `graph \`${link.name}\` runs HttpLLMCalculator`, related: { file: link.graph!.file.path, span: node.span, message: 'HttpLLMCalculator: serves /v3/chat/completions' } };
  }
  return undefined;
}
