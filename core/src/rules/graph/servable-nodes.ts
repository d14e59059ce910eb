/**
 * Shared reading of OVMS servable nodes (GenAI and Python calculators) for the OVMS-GRAPH/LLM/DOS
 * rules: each node with the options payload OVMS's initializer reads, computed once per document.
 */
import type { GraphDocument } from '../../documents';
import { servableCalculator, type ServableCalculator } from '../../graph/calculators';
import { graphModel, type GraphNode, type OptionsPayload } from '../../graph/model';
import { boolOf, lastField, numberOf, scalarField, stringAt, type ScalarAt, type StringAt } from '../../graph/pb';
import type { PbMessage, PbScalar } from '../../pbtxt/ast';
import type { Span } from '../../types';

export interface ServableNode {
  node: GraphNode;
  kind: ServableCalculator;
  /** The payload of the calculator's own options type (node_options first), if any. */
  options: OptionsPayload | undefined;
  payload: PbMessage | undefined;
}

const cache = new WeakMap<GraphDocument, ServableNode[]>();

export function servableNodes(doc: GraphDocument): ServableNode[] {
  let s = cache.get(doc);
  if (s) return s;
  s = [];
  for (const node of graphModel(doc).nodes) {
    const kind = servableCalculator(node.calculator?.value);
    if (!kind) continue;
    const options = node.nodeOptions.find((o) => o.typeName === kind.options) ?? node.options.find((o) => o.typeName === kind.options);
    s.push({ node, kind, options, payload: options?.payload });
  }
  cache.set(doc, s);
  return s;
}

const byCalculator = new WeakMap<GraphDocument, Map<string, ServableNode[]>>();

/** Nodes of one calculator kind (by its canonical calculator name); one list per document and kind. */
export function nodesOf(doc: GraphDocument, calculator: string): ServableNode[] {
  let lists = byCalculator.get(doc);
  if (!lists) byCalculator.set(doc, (lists = new Map()));
  let list = lists.get(calculator);
  if (!list) lists.set(calculator, (list = servableNodes(doc).filter((s) => s.kind.calculator === calculator)));
  return list;
}

export function opt(s: ServableNode, name: string): ScalarAt | undefined {
  return s.payload ? scalarField(s.payload, name) : undefined;
}

/** The scalar of a singular option field (last wins), without the field: the typed readers below. */
function optScalar(s: ServableNode, name: string): PbScalar | undefined {
  const f = s.payload ? lastField(s.payload, name) : undefined;
  return f?.value?.kind === 'scalar' ? f.value : undefined;
}

export function optNumber(s: ServableNode, name: string): { value: number; span: Span } | undefined {
  const sc = optScalar(s, name);
  const n = numberOf(sc);
  return sc && n !== undefined ? { value: n, span: sc.span } : undefined;
}

export function optBool(s: ServableNode, name: string): { value: boolean; span: Span } | undefined {
  const sc = optScalar(s, name);
  const b = boolOf(sc);
  return sc && b !== undefined ? { value: b, span: sc.span } : undefined;
}

export function optString(s: ServableNode, name: string): StringAt | undefined {
  const sc = optScalar(s, name);
  return sc ? stringAt(sc) : undefined;
}

/** Where to anchor a finding about an absent option: the options type name, else the calculator. */
export function optionsAnchor(s: ServableNode): Span {
  return s.options?.field.nameSpan ?? s.node.calculator?.span ?? s.node.keySpan;
}

/** plugin_config parsed as JSON when it is a JSON object (LLM-010 reports when it is not). */
const pluginConfigs = new WeakMap<ServableNode, { value: Record<string, unknown>; span: Span } | null>();

export function pluginConfig(s: ServableNode): { value: Record<string, unknown>; span: Span } | undefined {
  // several rules read it: parse once per node
  let r = pluginConfigs.get(s);
  if (r === undefined) pluginConfigs.set(s, (r = readPluginConfig(s) ?? null));
  return r ?? undefined;
}

function readPluginConfig(s: ServableNode): { value: Record<string, unknown>; span: Span } | undefined {
  const f = optString(s, 'plugin_config');
  if (!f) return undefined;
  try {
    const v: unknown = JSON.parse(f.value);
    if (v && typeof v === 'object' && !Array.isArray(v)) return { value: v as Record<string, unknown>, span: f.span };
  } catch {
    /* not JSON: OVMS-LLM-010 */
  }
  return undefined;
}

/** The LLM device as OVMS reads it (`device`), upper-cased. */
export function llmDevice(s: ServableNode): string | undefined {
  return optString(s, 'device')?.value.toUpperCase();
}

export function isNpu(s: ServableNode): boolean {
  const d = llmDevice(s);
  return d !== undefined && /\bNPU\b/.test(d);
}
