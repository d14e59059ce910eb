/**
 * Questions other parts of ovms-lint ask of a deployment (e.g. command-line rules: "does this
 * config serve generative endpoints, so are LLM-specific flags relevant?").
 */
import type { ConfigDocument, GraphDocument } from '../documents';
import { servableCalculator } from '../graph/calculators';
import { graphModel } from '../graph/model';
import type { Project } from '../project';
import { deploymentOf } from './model';

/** The GenAI calculators (HTTP/OpenAI endpoints: LLM, embeddings, rerank, image, audio) a graph runs. */
export function generativeCalculators(graph: GraphDocument): string[] {
  const out: string[] = [];
  for (const n of graphModel(graph).nodes) {
    const s = servableCalculator(n.calculator?.value);
    if (s?.http && !out.includes(s.calculator)) out.push(s.calculator);
  }
  return out;
}

/**
 * Whether a config.json serves at least one graph with a generative (OpenAI-style HTTP) node —
 * through mediapipe_config_list or a model_config_list entry that is a graph. Graphs the project
 * cannot read count as unknown (false).
 */
export function servesGenerativeEndpoints(config: ConfigDocument, project: Project): boolean {
  return deploymentOf(project).graphs.some((l) => l.doc === config && l.graph !== undefined && generativeCalculators(l.graph).length > 0);
}
