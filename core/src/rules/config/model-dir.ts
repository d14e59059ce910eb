/** Looking into a model directory through the Host (version folders, generative model files). */
import type { Host } from '../../host';
import { joinPath, versionOf } from './paths';

/** Sub-directories OVMS takes as versions (stoll of the name > 0). */
export function versionDirs(host: Host, dir: string): string[] {
  const names = host.readDir(dir) ?? [];
  return names.filter((n) => versionOf(n) !== undefined && host.stat(joinPath(dir, n))?.isDirectory);
}

const GENERATIVE = /^(openvino_(model|language_model|tokenizer|detokenizer|text_embeddings_model)\.xml|.*\.gguf)$/i;

/** A directory holding a generative (LLM/VLM/embeddings) model exported for OpenVINO GenAI. */
export function isGenerativeModelDir(host: Host, dir: string): boolean {
  const names = host.readDir(dir) ?? [];
  return names.some((n) => GENERATIVE.test(n)) && versionDirs(host, dir).length === 0;
}

export function hasGraphFile(host: Host, dir: string): boolean {
  return !!host.stat(joinPath(dir, 'graph.pbtxt'))?.isFile;
}
