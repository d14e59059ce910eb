/**
 * Questions other parts of ovms-lint ask of a deployment (e.g. command-line rules: "does this
 * config serve generative endpoints, so are LLM-specific flags relevant?").
 */
import type { ConfigDocument, GraphDocument } from '../documents';
import { servableCalculator } from '../graph/calculators';
import { graphModel } from '../graph/model';
import type { Project } from '../project';
import type { Span } from '../types';
import { deploymentOf, type GraphLink } from './model';

/** A GenAI node of a graph: its calculator and the span of the calculator name. */
export interface GenerativeNode {
  calculator: string;
  span: Span;
}

/** The GenAI nodes (HTTP/OpenAI endpoints: LLM, embeddings, rerank, image, audio) of a graph, the first of each calculator. */
export function generativeNodes(graph: GraphDocument): GenerativeNode[] {
  const out: GenerativeNode[] = [];
  for (const n of graphModel(graph).nodes) {
    const s = servableCalculator(n.calculator?.value);
    if (s?.http && n.calculator && !out.some((o) => o.calculator === s.calculator)) out.push({ calculator: s.calculator, span: n.calculator.span });
  }
  return out;
}

/** The GenAI calculators a graph runs. */
export function generativeCalculators(graph: GraphDocument): string[] {
  return generativeNodes(graph).map((n) => n.calculator);
}

/**
 * The graphs a config.json serves (mediapipe_config_list, or model_config_list entries that are
 * graphs, model-mesh `1/graph.pbtxt` included) that run a generative node, each with its first one.
 * Graphs the project cannot read count as unknown (left out).
 */
export function generativeGraphs(config: ConfigDocument, project: Project): { link: GraphLink; node: GenerativeNode }[] {
  const out: { link: GraphLink; node: GenerativeNode }[] = [];
  for (const link of deploymentOf(project).graphs) {
    if (link.doc !== config || !link.graph) continue;
    const node = generativeNodes(link.graph)[0];
    if (node) out.push({ link, node });
  }
  return out;
}

/** Whether a config.json serves at least one graph with a generative (OpenAI-style HTTP) node. */
export function servesGenerativeEndpoints(config: ConfigDocument, project: Project): boolean {
  return generativeGraphs(config, project).length > 0;
}
