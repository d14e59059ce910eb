import { fieldsNamed, messagesOf, stringOf } from '../../graph/pb';
import { graphModel, optionsOf, type GraphNode } from '../../graph/model';
import type { Span } from '../../types';
import type { GraphRule } from '../types';

interface Problem {
  span: Span;
  text: string;
}

/** The RET_CHECKs of each calculator's own GetContract (reference mediapipe-graphs.md §4.2). */
const CHECKS = new Map<string, (node: GraphNode) => Problem[]>(
  Object.entries<(node: GraphNode) => Problem[]>({
    PythonExecutorCalculator(node) {
      const out: Problem[] = [];
      const at = node.calculator!.span;
      if (!node.inputs.length) out.push({ span: at, text: 'has no input stream; PythonExecutorCalculator requires at least one' });
      if (!node.outputs.length) out.push({ span: at, text: 'has no output stream; PythonExecutorCalculator requires at least one' });
      const inLoop = node.inputs.find((r) => r.tag === 'LOOPBACK');
      const outLoop = node.outputs.find((r) => r.tag === 'LOOPBACK');
      if (!!inLoop !== !!outLoop) {
        out.push({ span: (inLoop ?? outLoop)!.span, text: `uses LOOPBACK only on its ${inLoop ? 'input' : 'output'}; "If LOOPBACK is used, it must be defined on both input and output of the node"` });
      }
      return out;
    },
    OpenVINOInferenceCalculator(node) {
      const out: Problem[] = [];
      if (!node.inputs.length) out.push({ span: node.calculator!.span, text: 'has no input stream; OpenVINOInferenceCalculator requires at least one' });
      if (!node.outputs.length) out.push({ span: node.calculator!.span, text: 'has no output stream; OpenVINOInferenceCalculator requires at least one' });
      return out;
    },
    OpenVINOModelServerSessionCalculator(node) {
      const o = optionsOf(node, 'mediapipe.OpenVINOModelServerSessionCalculatorOptions');
      const name = o?.payload ? stringOf(o.payload, 'servable_name') : undefined;
      return name && name.value === '' ? [{ span: name.span, text: 'has an empty servable_name; the calculator RET_CHECKs that it is set' }] : [];
    },
    PyTensorOvTensorConverterCalculator(node) {
      const at = node.calculator!.span;
      const inTags = new Set(node.inputs.map((r) => r.tag));
      const outTags = new Set(node.outputs.map((r) => r.tag));
      if (inTags.size !== 1 || outTags.size !== 1) {
        return [{ span: at, text: `has ${inTags.size} input and ${outTags.size} output tags; PyTensorOvTensorConverterCalculator needs exactly one of each` }];
      }
      const [i] = inTags;
      const [o] = outTags;
      if (!((i === 'OVTENSOR' && o === 'OVMS_PY_TENSOR') || (i === 'OVMS_PY_TENSOR' && o === 'OVTENSOR'))) {
        return [{ span: node.outputs[0]!.span, text: `converts ${i || '(untagged)'} to ${o || '(untagged)'}; PyTensorOvTensorConverterCalculator converts only OVTENSOR to OVMS_PY_TENSOR or OVMS_PY_TENSOR to OVTENSOR` }];
      }
      if (i !== 'OVTENSOR') return [];
      const opts = optionsOf(node, 'mediapipe.PyTensorOvTensorConverterCalculatorOptions');
      const keys = new Set<string>();
      for (const f of opts?.payload ? fieldsNamed(opts.payload, 'tag_to_output_tensor_names') : []) for (const e of messagesOf(f)) keys.add(stringOf(e, 'key')?.value ?? '');
      if (keys.has('OVMS_PY_TENSOR')) return [];
      return [{ span: opts?.field.nameSpan ?? at, text: 'converts OVTENSOR to OVMS_PY_TENSOR without a `tag_to_output_tensor_names` entry with key "OVMS_PY_TENSOR", which the calculator RET_CHECKs' }];
    },
    OpenVINOConverterCalculator(node) {
      const out: Problem[] = [];
      const ins = node.inputs.filter((r) => r.tag === 'IMAGE' || r.tag === 'IMAGE_GPU');
      const outs = node.outputs.filter((r) => r.tag === 'TENSORS' || r.tag === 'TENSORS_REMOTE');
      if (ins.length !== 1) out.push({ span: ins[1]?.span ?? node.calculator!.span, text: `has ${ins.length} of the inputs IMAGE / IMAGE_GPU; OpenVINOConverterCalculator needs exactly one` });
      if (outs.length !== 1) out.push({ span: outs[1]?.span ?? node.calculator!.span, text: `has ${outs.length} of the outputs TENSORS / TENSORS_REMOTE; OpenVINOConverterCalculator needs exactly one` });
      return out;
    },
  }),
);

export const mp020: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-020',
    name: 'calculator-contract-check',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'calculators'],
    appliesTo: ['mediapipe-graph'],
    title: 'A node breaks a check of its calculator\'s GetContract',
    description:
      'Reports what the OVMS calculators\' own `GetContract()` rejects beyond tags: a PythonExecutorCalculator or OpenVINOInferenceCalculator without any input or output stream, LOOPBACK on only one side of a Python node, a PyTensorOvTensorConverterCalculator that does not convert exactly one OVTENSOR to one OVMS_PY_TENSOR (or back) or lacks the `OVMS_PY_TENSOR` output-name entry, an OpenVINOConverterCalculator without exactly one of IMAGE/IMAGE_GPU and one of TENSORS/TENSORS_REMOTE, and an empty session `servable_name`.',
    why:
      'A failing RET_CHECK in `GetContract()` fails MediaPipe\'s initialization with the calculator\'s name as prefix (`validated_graph_config.cc:222-223`, reference §3.3 row 10 and §4.2); OVMS runs it at load, so the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  name: "pre"\n  calculator: "PythonExecutorCalculator"\n  input_side_packet: "PYTHON_NODE_RESOURCES:py"\n  input_stream: "INPUT:in"\n  input_stream: "LOOPBACK:loop"\n  output_stream: "OUTPUT:out"\n}',
      valid: 'node {\n  name: "pre"\n  calculator: "PythonExecutorCalculator"\n  input_side_packet: "PYTHON_NODE_RESOURCES:py"\n  input_stream: "INPUT:in"\n  input_stream: "LOOPBACK:loop"\n  output_stream: "OUTPUT:out"\n  output_stream: "LOOPBACK:loop"\n}',
    },
    fix: 'Wire the node as its calculator requires (see the message).',
  },
  check(ctx) {
    for (const node of graphModel(ctx.doc).nodes) {
      const calc = node.calculator?.value.replace(/^\./, '');
      const check = calc ? CHECKS.get(calc) : undefined;
      if (!check) continue;
      for (const p of check(node)) {
        ctx.report({ span: p.span, message: `Node ${node.label} ${p.text}. MediaPipe fails initialization ("${calc}::GetContract failed to validate") and OVMS does not load the graph.` });
      }
    }
  },
};
